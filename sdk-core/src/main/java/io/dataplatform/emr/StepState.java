package io.dataplatform.emr;

/** The states of an EMR step, as DescribeStep reports them. */
public enum StepState {
    /** Waiting for the cluster or for an earlier step. */
    PENDING,
    /** Asked to cancel; not yet cancelled. */
    CANCEL_PENDING,
    /** Running. */
    RUNNING,
    /** Finished successfully. */
    COMPLETED,
    /** Cancelled before or while running (by request, or because an earlier step failed). */
    CANCELLED,
    /** Failed: see the failure reason and log file. */
    FAILED,
    /** Stopped because the cluster shut down. */
    INTERRUPTED;

    /** Returns true once nothing changes any more. */
    public boolean isTerminal() {
        return this == COMPLETED || this == CANCELLED || this == FAILED || this == INTERRUPTED;
    }
}
