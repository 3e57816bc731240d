package io.dataplatform.testing.emr;

import io.dataplatform.spark.JobContext;
import io.dataplatform.spark.SparkJob;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a day's sales CSV, drops refunds and writes the rest as Parquet; counts its runs in a static
 * field, so a test can tell the copy loaded from the uploaded jar (its own statics) from the test's.
 */
public final class CountingCleanSales implements SparkJob {
    /** Runs of the class as loaded by the loader that loaded this copy. */
    public static final AtomicInteger RUNS = new AtomicInteger();

    @Override
    public void run(SparkSession spark, JobContext context) {
        RUNS.incrementAndGet();
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("region", DataTypes.StringType)
                .add("amount", DataTypes.createDecimalType(10, 2));
        String date = context.date("date").toString();
        spark.read().option("header", "true").schema(schema).csv(context.path("input") + "date=" + date + "/")
                .where("amount > 0")
                .write().mode("overwrite").parquet(context.path("output") + "date=" + date + "/");
    }
}
