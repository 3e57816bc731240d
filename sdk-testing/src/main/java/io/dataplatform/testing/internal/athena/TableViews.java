package io.dataplatform.testing.internal.athena;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.GetPartitionsResponse;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Registers catalog tables as Spark temporary views, read the way Athena reads them: the table's
 * format and SerDe options, its columns' types, and for a partitioned table one read per Glue
 * partition (at the partition's own location) with the partition values as constant columns. A
 * filter on a partition key then folds to false for the other partitions and Spark never opens
 * their files, so pruned partitions are not counted in the bytes scanned, as in Athena.
 */
final class TableViews {
    private final SparkSession spark;
    private final GlueClient glue;
    private final S3Client s3;

    TableViews(SparkSession spark, GlueClient glue, S3Client s3) {
        this.spark = spark;
        this.glue = glue;
        this.s3 = s3;
    }

    void register(String database, String table, String viewName) {
        Table glueTable = glue.getTable(r -> r.databaseName(database).name(table)).table();
        StructType data = schema(glueTable.storageDescriptor().columns());
        List<Column> keys = glueTable.partitionKeys();
        Dataset<Row> frame;
        if (keys.isEmpty()) {
            frame = read(glueTable, glueTable.storageDescriptor().location(), data);
        } else {
            StructType full = data;
            for (Column key : keys) {
                full = full.add(key.name(), type(key.type()));
            }
            frame = null;
            for (Partition partition : partitions(database, table)) {
                Dataset<Row> part = read(glueTable, partition.storageDescriptor().location(), data);
                for (int i = 0; i < keys.size(); i++) {
                    part = part.withColumn(keys.get(i).name(),
                            functions.lit(partition.values().get(i)).cast(type(keys.get(i).type())));
                }
                frame = frame == null ? part : frame.unionByName(part);
            }
            if (frame == null) {
                frame = spark.createDataFrame(List.of(), full);
            }
        }
        frame.createOrReplaceTempView(viewName);
    }

    private List<Partition> partitions(String database, String table) {
        List<Partition> all = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            GetPartitionsResponse page = glue.getPartitions(r -> r.databaseName(database).tableName(table).nextToken(next));
            all.addAll(page.partitions());
            token = page.nextToken();
        } while (token != null);
        return all;
    }

    private Dataset<Row> read(Table table, String location, StructType schema) {
        if (!hasObjects(location)) {
            return spark.createDataFrame(List.of(), schema);
        }
        String classification = classification(table);
        Map<String, String> serde = table.storageDescriptor().serdeInfo() == null
                || !table.storageDescriptor().serdeInfo().hasParameters() ? Map.of()
                : table.storageDescriptor().serdeInfo().parameters();
        return switch (classification) {
            case "parquet" -> spark.read().schema(schema).parquet(location);
            case "json" -> spark.read().schema(schema).json(location);
            case "csv" -> spark.read().schema(schema)
                    .option("header", String.valueOf("1".equals(table.parameters().get("skip.header.line.count"))))
                    .option("sep", serde.getOrDefault("field.delim", serde.getOrDefault("separatorChar", ",")))
                    .csv(location);
            default -> throw new IllegalArgumentException("HIVE_UNSUPPORTED_FORMAT: the fake Athena reads csv, json "
                    + "and parquet tables, but " + table.databaseName() + "." + table.name() + " is '" + classification + "'");
        };
    }

    private static String classification(Table table) {
        String classification = table.hasParameters() ? table.parameters().get("classification") : null;
        if (classification != null) {
            return classification.toLowerCase(java.util.Locale.ROOT);
        }
        String serde = table.storageDescriptor().serdeInfo() == null ? ""
                : String.valueOf(table.storageDescriptor().serdeInfo().serializationLibrary());
        return serde.contains("Parquet") ? "parquet" : serde.contains("Json") ? "json" : "csv";
    }

    private boolean hasObjects(String location) {
        String rest = location.substring(location.indexOf("://") + 3);
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String key = slash < 0 ? "" : rest.substring(slash + 1);
        String prefix = key.isEmpty() || key.endsWith("/") ? key : key + "/";
        return !s3.listObjectsV2(r -> r.bucket(bucket).prefix(prefix).maxKeys(1)).contents().isEmpty();
    }

    private static StructType schema(List<Column> columns) {
        StructType schema = new StructType();
        for (Column column : columns) {
            schema = schema.add(new StructField(column.name(), type(column.type()), true,
                    org.apache.spark.sql.types.Metadata.empty()));
        }
        return schema;
    }

    /** Glue's Hive type names (string, bigint, decimal(10,2), array&lt;string&gt;, struct&lt;a:int&gt;) are Spark DDL. */
    private static DataType type(String hiveType) {
        return DataType.fromDDL(hiveType);
    }
}
