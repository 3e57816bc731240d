package io.dataplatform.emr;

/** What EMR does when a step fails. */
public enum ActionOnFailure {
    /** Go on with the next step. */
    CONTINUE,
    /** Cancel the steps that follow and keep the cluster waiting. */
    CANCEL_AND_WAIT,
    /** Cancel the steps that follow and terminate the cluster (TERMINATED_WITH_ERRORS). */
    TERMINATE_CLUSTER
}
