package io.dataplatform.emr;

import io.dataplatform.DataPlatformException;

/**
 * Thrown by {@link StepRun#await()} when a step ended FAILED, CANCELLED or INTERRUPTED; the message and
 * {@link #status()} carry EMR's failure reason and log file.
 */
public class StepFailedException extends DataPlatformException {
    private static final long serialVersionUID = 1L;

    private final transient StepStatus status;

    /** Creates the exception for the step in {@code status}. */
    public StepFailedException(StepStatus status, String message) {
        super(message);
        this.status = status;
    }

    /** Returns the step's final status. */
    public StepStatus status() {
        return status;
    }
}
