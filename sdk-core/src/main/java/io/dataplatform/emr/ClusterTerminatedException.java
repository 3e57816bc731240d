package io.dataplatform.emr;

import io.dataplatform.DataPlatformException;

/**
 * Thrown when a cluster was waited for but shut down instead (or before) becoming ready; the message
 * and {@link #status()} carry EMR's state-change reason.
 */
public class ClusterTerminatedException extends DataPlatformException {
    private static final long serialVersionUID = 1L;

    private final transient ClusterStatus status;

    /** Creates the exception for the cluster in {@code status}. */
    public ClusterTerminatedException(ClusterStatus status, String message) {
        super(message);
        this.status = status;
    }

    /** Returns the cluster's status when it was found shut down. */
    public ClusterStatus status() {
        return status;
    }
}
