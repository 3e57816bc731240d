package io.dataplatform.glue;

/** Where one node of a workflow run stands: its job run's last attempt, or its crawl. */
public enum WorkflowNodeState {
    /** No trigger has run it in this run (yet, or because its condition never held). */
    NOT_RUN,
    /** Its job run (any attempt) or crawl is under way. */
    RUNNING,
    /** It succeeded. */
    SUCCEEDED,
    /** The job's last attempt failed, or the crawl failed. */
    FAILED,
    /** The job run hit its timeout. */
    TIMEOUT,
    /** The job run was stopped or the crawl cancelled. */
    STOPPED,
    /** Glue could not run it (it could not be started, or the run ended ERROR). */
    ERROR;

    /** Returns true if it ran and did not succeed: what {@link WorkflowRun#resume()} reruns. */
    public boolean isFailure() {
        return this == FAILED || this == TIMEOUT || this == STOPPED || this == ERROR;
    }
}
