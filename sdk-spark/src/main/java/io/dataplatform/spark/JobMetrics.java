package io.dataplatform.spark;

import io.dataplatform.spark.internal.Checks;

/**
 * What a run's Spark tasks read and wrote, as Spark's own task metrics count it: bytes read from
 * files (including S3 objects) and the records parsed from them, and the bytes and records of the
 * files written.
 *
 * @param bytesRead bytes read by file scans
 * @param recordsRead records produced by file scans
 * @param bytesWritten bytes of the files written
 * @param recordsWritten records written to files
 */
public record JobMetrics(long bytesRead, long recordsRead, long bytesWritten, long recordsWritten) {
    private static final JobMetrics NONE = new JobMetrics(0, 0, 0, 0);

    /** Validates that no count is negative. */
    public JobMetrics {
        Checks.nonNegative(bytesRead, "bytesRead");
        Checks.nonNegative(recordsRead, "recordsRead");
        Checks.nonNegative(bytesWritten, "bytesWritten");
        Checks.nonNegative(recordsWritten, "recordsWritten");
    }

    /** Returns the metrics of a run that read and wrote nothing. */
    public static JobMetrics none() {
        return NONE;
    }
}
