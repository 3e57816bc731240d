package io.dataplatform.benchmarks.emr;

import io.dataplatform.spark.JobContext;
import io.dataplatform.spark.SparkJob;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The benchmark's job: a day's sales CSV without refunds, totals per region, written as Parquet. */
public final class BenchCleanSales implements SparkJob {
    @Override
    public void run(SparkSession spark, JobContext context) {
        StructType schema = new StructType().add("id", DataTypes.LongType).add("region", DataTypes.StringType)
                .add("amount", DataTypes.createDecimalType(10, 2));
        spark.read().option("header", "true").schema(schema).csv(context.path("input"))
                .where("amount > 0").groupBy("region").sum("amount")
                .write().mode("overwrite").parquet(context.path("output"));
    }
}
