package io.dataplatform.glue;

/** The states of a Glue workflow run, as GetWorkflowRun reports them. */
public enum WorkflowRunState {
    /** Its triggers are firing and its actions running. */
    RUNNING,
    /**
     * Nothing runs and no trigger can fire any more; final. Failed actions do not change this (Glue
     * counts them in the statistics): look at the nodes.
     */
    COMPLETED,
    /** A stop was requested; running actions finish, no trigger fires. */
    STOPPING,
    /** Stopped; final. */
    STOPPED,
    /** Glue could not run the workflow (an action could not be started); final. */
    ERROR;

    /** Returns true for the states a run never leaves. */
    public boolean isFinal() {
        return this == COMPLETED || this == STOPPED || this == ERROR;
    }
}
