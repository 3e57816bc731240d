package io.dataplatform.glue;

import io.dataplatform.DataPlatformException;

/**
 * Thrown by {@link JobRun#await()} when the run's last attempt ended FAILED, TIMEOUT or ERROR. The
 * message names the job, the run, its state, the attempt and Glue's error message.
 */
public class JobRunFailedException extends DataPlatformException {
    private static final long serialVersionUID = 1L;

    private final transient JobRunStatus status;

    /** Creates the exception for the final status {@code status}. */
    public JobRunFailedException(JobRunStatus status, String message) {
        super(message);
        this.status = status;
    }

    /** Returns the status of the attempt that ended the run (null after deserialization). */
    public JobRunStatus status() {
        return status;
    }
}
