package io.dataplatform.spark;

/** How a run of a {@link SparkJob} ended. */
public enum JobStatus {
    /** The job's {@code run} method returned normally. */
    SUCCEEDED,
    /** The job's {@code run} method threw; see {@link JobResult#failureReason()}. */
    FAILED
}
