package io.dataplatform.samples;

import io.dataplatform.spark.JobContext;
import io.dataplatform.spark.SparkJob;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The nightly clean job: reads the raw monthly CSV files (Hive-style {@code year=/month=} folders),
 * keeps the orders with a positive amount, types the columns and writes Parquet partitioned by month.
 * The same class runs on local Spark, as an EMR step and as a Glue job.
 *
 * <p>Arguments: {@code --input s3://acme-raw/sales/ --output s3://acme-curated/sales/}.
 */
public final class CleanSales implements SparkJob {

    @Override
    public void run(SparkSession spark, JobContext context) {
        Dataset<Row> raw = spark.read().option("header", "true").csv(context.path("input"));
        raw.where("CAST(amount AS DOUBLE) > 0")
                .selectExpr("CAST(order_id AS BIGINT) AS order_id", "CAST(order_date AS DATE) AS order_date",
                        "lower(region) AS region", "customer_id", "product", "category",
                        "CAST(quantity AS INT) AS quantity", "CAST(amount AS DECIMAL(12,2)) AS amount",
                        "format_string('%02d', CAST(month AS INT)) AS month")
                .write().mode(SaveMode.Overwrite).partitionBy("month").parquet(context.path("output"));
    }
}
