package io.dataplatform.spark.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * Turns a Glue table into a Spark {@code DataFrame} over its S3 location, with the columns and
 * types of the catalog schema followed by the partition keys, as Athena shows them.
 *
 * <p>Partitioned tables: when the catalog has partitions (GetPartitions), the table is the union
 * of one scan per partition, over that partition's own location, with its values as literal
 * columns. A filter on a partition key then folds to true or false per branch and Spark's
 * optimizer drops the branches it rules out before any file is read, so pruned partitions cost
 * nothing. When the catalog has no partitions, Hive-style folders ({@code key=value/}) under the
 * table location are discovered and pruned by Spark's file index instead.
 */
public final class CatalogTableReader {
    private final SparkSession session;
    private final GlueClient glue;

    /** Creates a reader that scans with {@code session} and reads the catalog through {@code glue}. */
    public CatalogTableReader(SparkSession session, GlueClient glue) {
        this.session = session;
        this.glue = glue;
    }

    /** Returns the DataFrame of {@code table}; nothing is read until an action runs. */
    public Dataset<Row> read(Table table) {
        StructType data = schema(table.storageDescriptor().columns(), table);
        StructType keys = schema(table.partitionKeys(), table);
        if (keys.isEmpty()) {
            return scan(table, table.storageDescriptor(), data);
        }
        List<Partition> partitions = new ArrayList<>();
        glue.getPartitionsPaginator(b -> b.databaseName(table.databaseName()).tableName(table.name()))
                .forEach(page -> partitions.addAll(page.partitions()));
        if (partitions.isEmpty()) {
            // Spark's partition discovery with the keys in the schema: typed key columns, pruned by the file index.
            return scan(table, table.storageDescriptor(), merge(data, keys)).select(columns(data, keys));
        }
        Dataset<Row> union = null;
        for (Partition partition : partitions) {
            Dataset<Row> part = withKeys(scan(table, descriptor(table, partition), data), keys, partition, table);
            union = union == null ? part : union.unionAll(part);
        }
        return union;
    }

    private static StorageDescriptor descriptor(Table table, Partition partition) {
        StorageDescriptor own = partition.storageDescriptor();
        if (own == null || own.location() == null) {
            throw new IllegalArgumentException("Partition " + partition.values() + " of '" + table.databaseName() + "."
                    + table.name() + "' has no location");
        }
        return own.serdeInfo() == null ? own.toBuilder().serdeInfo(table.storageDescriptor().serdeInfo())
                .inputFormat(table.storageDescriptor().inputFormat()).build() : own;
    }

    private Dataset<Row> withKeys(Dataset<Row> data, StructType keys, Partition partition, Table table) {
        List<String> values = partition.values();
        if (values.size() != keys.size()) {
            throw new IllegalArgumentException("Partition " + values + " of '" + table.databaseName() + "." + table.name()
                    + "' has " + values.size() + " values for " + keys.size() + " partition keys");
        }
        List<Column> columns = new ArrayList<>();
        for (StructField field : data.schema().fields()) {
            columns.add(functions.col(quote(field.name())));
        }
        for (int i = 0; i < keys.size(); i++) {
            StructField key = keys.fields()[i];
            columns.add(functions.lit(values.get(i)).cast(key.dataType()).as(key.name()));
        }
        return data.select(columns.toArray(Column[]::new));
    }

    private Dataset<Row> scan(Table table, StorageDescriptor descriptor, StructType schema) {
        TableFormat format = TableFormat.of(table, descriptor);
        String location = descriptor.location();
        if (location == null || location.isEmpty()) {
            throw new IllegalArgumentException("Table '" + table.databaseName() + "." + table.name() + "' has no location");
        }
        try {
            if (format.source().equals("json")) {
                // Partition keys (in schema when discovered from folders) come from the text source, not the JSON.
                StructType body = DataTypes.createStructType(Arrays.stream(schema.fields())
                        .filter(f -> table.partitionKeys().stream().noneMatch(k -> k.name().equalsIgnoreCase(f.name())))
                        .toList());
                return JsonLines.parse(session.read().text(location), body);
            }
            return session.read().format(format.source()).options(format.options()).schema(schema).load(location);
        } catch (Exception e) {
            // Athena reads an empty or missing location as no rows.
            if (e instanceof AnalysisException analysis && "PATH_NOT_FOUND".equals(analysis.getCondition())) {
                return session.createDataFrame(List.of(), schema);
            }
            throw e;
        }
    }

    private static StructType schema(List<software.amazon.awssdk.services.glue.model.Column> columns, Table table) {
        List<StructField> fields = new ArrayList<>();
        for (software.amazon.awssdk.services.glue.model.Column column : columns) {
            DataType type;
            try {
                type = GlueTypes.parse(column.type());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Column '" + column.name() + "' of '" + table.databaseName() + "."
                        + table.name() + "': " + e.getMessage(), e);
            }
            fields.add(DataTypes.createStructField(column.name(), type, true));
        }
        return DataTypes.createStructType(fields);
    }

    private static StructType merge(StructType data, StructType keys) {
        List<StructField> fields = new ArrayList<>(List.of(data.fields()));
        fields.addAll(List.of(keys.fields()));
        return DataTypes.createStructType(fields);
    }

    /** Data columns as read, then the keys cast to their catalog types (a text scan infers its own). */
    private static Column[] columns(StructType data, StructType keys) {
        List<Column> columns = new ArrayList<>();
        for (StructField field : data.fields()) {
            columns.add(functions.col(quote(field.name())));
        }
        for (StructField key : keys.fields()) {
            columns.add(functions.col(quote(key.name())).cast(key.dataType()).as(key.name()));
        }
        return columns.toArray(Column[]::new);
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
