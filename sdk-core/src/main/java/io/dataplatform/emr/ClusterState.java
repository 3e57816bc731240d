package io.dataplatform.emr;

/** The states of an EMR cluster, as DescribeCluster reports them. */
public enum ClusterState {
    /** Instances are being provisioned. */
    STARTING,
    /** Bootstrap actions run and applications are installed. */
    BOOTSTRAPPING,
    /** A step is running. */
    RUNNING,
    /** Ready and idle: waiting for steps (the idle auto-termination clock runs). */
    WAITING,
    /** Shutting down. */
    TERMINATING,
    /** Shut down: by request, after its steps, or by idle auto-termination. */
    TERMINATED,
    /** Shut down because of an error (a failed step with TERMINATE_CLUSTER, a failed bootstrap). */
    TERMINATED_WITH_ERRORS;

    /** Returns true if the cluster can run steps now (RUNNING or WAITING). */
    public boolean isReady() {
        return this == RUNNING || this == WAITING;
    }

    /** Returns true for TERMINATED and TERMINATED_WITH_ERRORS: nothing changes any more. */
    public boolean isTerminal() {
        return this == TERMINATED || this == TERMINATED_WITH_ERRORS;
    }

    /** Returns true once the cluster is shutting down or shut down. */
    public boolean isEnding() {
        return this == TERMINATING || isTerminal();
    }
}
