package io.dataplatform.spark.internal;

import io.dataplatform.athena.tables.PartitionProjection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Turns a Glue table into a Spark {@code DataFrame} over its S3 location, with the columns and
 * types of the catalog schema followed by the partition keys, as Athena shows them, reading what
 * Athena reads and nothing more: the objects under each location taken as a literal folder
 * ({@link TableFiles}).
 *
 * <p>Partitioned tables: the partitions are the catalog's (GetPartitions) or, with partition
 * projection enabled, the projected ones ({@link PartitionProjection}); the table is the union of
 * one scan per partition, over that partition's own location, with its values as literal columns.
 * A filter on a partition key then folds to true or false per branch and Spark's optimizer drops
 * the branches it rules out before any file is read, so pruned partitions cost nothing. A
 * partitioned table with neither catalog partitions nor projection has no rows, whatever its
 * folders hold: Athena reads only the partitions in the catalog, and folders added later need
 * MSCK REPAIR TABLE, ALTER TABLE ADD PARTITION, a crawler or BatchCreatePartition first (Athena
 * User Guide, "MSCK REPAIR TABLE").
 */
public final class CatalogTableReader {
    private final SparkSession session;
    private final GlueClient glue;
    private final FileScan scan;
    private final Instant queryStart;
    private final StaticEqualities equalities;

    /**
     * Creates a reader that scans with {@code session}, reads the catalog through {@code glue} and
     * lists objects with {@code s3}; projected dates relative to NOW are taken at {@code queryStart},
     * injected projection keys from the statement's {@code equalities}.
     */
    CatalogTableReader(SparkSession session, GlueClient glue, S3Client s3, Instant queryStart,
            StaticEqualities equalities) {
        this.session = session;
        this.glue = glue;
        this.scan = new FileScan(session, new TableFiles(s3));
        this.queryStart = queryStart;
        this.equalities = equalities;
    }

    /** Returns the DataFrame of {@code table}; only listings happen now, no file is read until an action runs. */
    public Dataset<Row> read(Table table) {
        StructType data = schema(table.storageDescriptor().columns(), table);
        StructType keys = schema(table.partitionKeys(), table);
        if (keys.isEmpty()) {
            return scan.read(table, table.storageDescriptor(), data);
        }
        Optional<PartitionProjection> projection = PartitionProjection.of(table);
        Dataset<Row> union = null;
        if (projection.isPresent()) {
            // Only partitions with files become branches: a projection may name thousands of empty ones.
            for (PartitionProjection.Partition partition : projection.get().partitions(queryStart, equalities::valuesOf)) {
                StorageDescriptor descriptor = table.storageDescriptor().toBuilder().location(partition.location()).build();
                Optional<Dataset<Row>> files = scan.readFiles(table, descriptor, data);
                if (files.isPresent()) {
                    union = union(union, withKeys(files.get(), keys, partition.values(), table));
                }
            }
        } else {
            List<Partition> partitions = new ArrayList<>();
            glue.getPartitionsPaginator(b -> b.databaseName(table.databaseName()).tableName(table.name()))
                    .forEach(page -> partitions.addAll(page.partitions()));
            for (Partition partition : partitions) {
                Optional<Dataset<Row>> files = scan.readFiles(table, descriptor(table, partition), data);
                if (files.isPresent()) {
                    union = union(union, withKeys(files.get(), keys, partition.values(), table));
                }
            }
        }
        return union != null ? union : session.createDataFrame(List.of(), merge(data, keys));
    }

    private static Dataset<Row> union(Dataset<Row> union, Dataset<Row> part) {
        return union == null ? part : union.unionAll(part);
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

    private Dataset<Row> withKeys(Dataset<Row> data, StructType keys, List<String> values, Table table) {
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

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
