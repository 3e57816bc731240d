package io.dataplatform.glue;

/** The states of a Glue job run, as GetJobRun reports them. */
public enum JobRunState {
    /** Glue is provisioning the run (or a retry of a failed attempt). */
    STARTING,
    /** The job is running. */
    RUNNING,
    /** A stop was requested. */
    STOPPING,
    /** The run was stopped; final. */
    STOPPED,
    /** The run succeeded; final. */
    SUCCEEDED,
    /** The job failed; final for this attempt (Glue starts a new attempt while retries remain). */
    FAILED,
    /** The run hit the job's timeout; final. */
    TIMEOUT,
    /** Glue itself failed to run the job; final. */
    ERROR,
    /** The run waits for resources (flex execution or run queuing). */
    WAITING,
    /** The run expired before it could start; final. */
    EXPIRED;

    /** Returns true for the states a run never leaves. */
    public boolean isFinal() {
        return switch (this) {
            case STOPPED, SUCCEEDED, FAILED, TIMEOUT, ERROR, EXPIRED -> true;
            default -> false;
        };
    }
}
