package io.dataplatform.testing.glue;

import io.dataplatform.spark.JobContext;
import io.dataplatform.spark.SparkJob;
import org.apache.spark.sql.SparkSession;

/** A Spark job that counts its input and fails when it is told to. */
public final class FailingSparkJob implements SparkJob {
    @Override
    public void run(SparkSession spark, JobContext context) {
        long rows = spark.read().text(context.path("input")).count();
        if (context.string("fail", "no").equals("yes")) {
            throw new IllegalStateException("refusing " + rows + " rows");
        }
    }
}
