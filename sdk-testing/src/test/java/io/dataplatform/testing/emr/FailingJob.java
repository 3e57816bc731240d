package io.dataplatform.testing.emr;

import io.dataplatform.spark.JobContext;
import io.dataplatform.spark.SparkJob;
import org.apache.spark.sql.SparkSession;

/** A job that fails the way a bad input makes a real job fail: with an exception naming the problem. */
public final class FailingJob implements SparkJob {
    @Override
    public void run(SparkSession spark, JobContext context) {
        throw new IllegalStateException("no sales files for --date " + context.string("date"));
    }
}
