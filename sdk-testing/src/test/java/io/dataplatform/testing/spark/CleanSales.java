package io.dataplatform.testing.spark;

import io.dataplatform.spark.JobContext;
import io.dataplatform.spark.SparkJob;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Reads a day's sales CSV, drops refunds (amount <= 0) and writes the rest as Parquet. */
public final class CleanSales implements SparkJob {
    static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.IntegerType)
            .add("region", DataTypes.StringType)
            .add("amount", DataTypes.createDecimalType(10, 2));

    @Override
    public void run(SparkSession spark, JobContext context) {
        String date = context.date("date").toString();
        spark.read().option("header", "true").schema(SCHEMA)
                .csv(context.path("input") + "date=" + date + "/")
                .where("amount > 0")
                .write().mode("overwrite")
                .parquet(context.path("output") + "date=" + date + "/");
    }
}
