package io.dataplatform.spark;

import io.dataplatform.DataPlatformException;

/** Thrown by {@link JobResult#orThrow()} when a run of a {@link SparkJob} failed. */
public class SparkJobFailedException extends DataPlatformException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception naming the job, the run and the reason. */
    public SparkJobFailedException(String message) {
        super(message);
    }
}
