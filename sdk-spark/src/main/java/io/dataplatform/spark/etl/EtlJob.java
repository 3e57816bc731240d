package io.dataplatform.spark.etl;

import io.dataplatform.spark.JobContext;
import io.dataplatform.spark.SparkJob;
import java.util.Arrays;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs a declarative ETL mapping ({@code io.dataplatform.glue.etl.EtlMapping} of sdk-core) from the
 * arguments the mapping produces: reads the source files with the table's schema, registers them as
 * the view {@code source}, runs the mapping's Spark SQL over it and writes the result. Uses only Spark
 * and {@link JobContext}, so the sdk-spark jar is all a cluster needs to run it.
 *
 * <pre>{@code
 * EtlMapping mapping = EtlMapping.builder()...build().resolve(salesTable.definition());
 * LocalSparkRunner.builder().s3Client(s3).build().run(EtlJob.class, mapping.argumentArray()).orThrow();
 * }</pre>
 */
public final class EtlJob implements SparkJob {

    /** Creates the job; everything it does comes from its arguments. */
    public EtlJob() {
    }

    @Override
    public void run(SparkSession spark, JobContext context) {
        String format = context.string("etl-source-format");
        DataFrameReader reader = spark.read().format(format);
        String location = context.path("etl-source-location");
        if (!format.equals("parquet")) {
            // Text has no types of its own: the catalog's columns (partition keys last) give them, as Athena reads it.
            reader = reader.schema(context.string("etl-source-schema"));
        }
        if (format.equals("csv")) {
            reader = reader.option("sep", context.string("etl-csv-delimiter", ","))
                    .option("header", context.string("etl-csv-header", "false"));
        }
        reader.option("basePath", location).load(location).createOrReplaceTempView("source");
        Dataset<Row> result = spark.sql(context.string("etl-sql"));
        DataFrameWriter<Row> writer = result.write().format(context.string("etl-target-format"))
                .mode(context.string("etl-write-mode"));
        if (context.string("etl-target-format").equals("csv")) {
            writer = writer.option("header", "true");
        }
        String partitionBy = context.string("etl-partition-by", "");
        if (!partitionBy.isEmpty()) {
            writer = writer.partitionBy(Arrays.stream(partitionBy.split(",")).map(String::trim).toArray(String[]::new));
        }
        writer.save(context.path("etl-target"));
    }
}
