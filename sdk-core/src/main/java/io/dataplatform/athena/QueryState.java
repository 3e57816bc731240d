package io.dataplatform.athena;

/** The states of an Athena query execution. */
public enum QueryState {
    /** Accepted, waiting for capacity. */
    QUEUED,
    /** Running. */
    RUNNING,
    /** Finished; results are available. */
    SUCCEEDED,
    /** Failed; the status carries Athena's reason. */
    FAILED,
    /** Cancelled by a user, a timeout or a workgroup's bytes-scanned cutoff. */
    CANCELLED;

    /** Returns true for SUCCEEDED, FAILED and CANCELLED. */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
