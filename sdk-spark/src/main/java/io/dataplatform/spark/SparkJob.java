package io.dataplatform.spark;

import org.apache.spark.sql.SparkSession;

/**
 * A Spark job written once and run anywhere: in-process on local Spark with
 * {@link LocalSparkRunner} in tests and development, and (in later releases) as an EMR step or a
 * Glue job in production. An implementation needs a public no-argument constructor; everything
 * a run varies by comes in through the {@link JobContext}.
 *
 * <pre>{@code
 * public final class CleanSales implements SparkJob {
 *     public void run(SparkSession spark, JobContext context) {
 *         String date = context.string("date");
 *         spark.read().option("header", "true").csv("s3://acme-raw/sales/" + date + "/")
 *                 .where("amount > 0")
 *                 .write().mode("overwrite").parquet("s3://acme-clean/sales/" + date + "/");
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface SparkJob {
    /**
     * Runs the job on {@code spark}; an exception thrown here fails the run.
     *
     * @param spark the session to run on, with {@code s3://} and {@code s3a://} paths readable and writable
     * @param context the run's arguments
     */
    void run(SparkSession spark, JobContext context);
}
