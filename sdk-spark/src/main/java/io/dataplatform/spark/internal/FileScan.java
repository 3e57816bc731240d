package io.dataplatform.spark.internal;

import io.dataplatform.athena.tables.PartitionProjection;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * Reads the files of one table or partition location with the columns of the catalog schema:
 * exactly the files {@link TableFiles} lists, handed to Spark one by one with globbing off, so
 * Spark neither expands characters such as {@code *}, {@code [} or <code>{</code> in keys nor
 * discovers anything by itself. A location without files is an empty table that reads nothing.
 */
final class FileScan {
    /**
     * The data source option that turns Spark's path globbing off (Spark's
     * {@code DataSource.GLOB_PATHS_KEY}; its own JSON and CSV sources set it when they re-read the
     * files they listed).
     */
    static final String GLOB_PATHS = "__globPaths__";

    private final SparkSession session;
    private final TableFiles files;

    FileScan(SparkSession session, TableFiles files) {
        this.session = session;
        this.files = files;
    }

    /** Returns the rows under {@code descriptor}'s location (of {@code table} or one of its partitions) with {@code schema}. */
    Dataset<Row> read(Table table, StorageDescriptor descriptor, StructType schema) {
        // Athena reads an empty or missing location as no rows.
        return readFiles(table, descriptor, schema).orElseGet(() -> session.createDataFrame(List.of(), schema));
    }

    /** Returns the rows under {@code descriptor}'s location with {@code schema}, or empty if it holds no file to read. */
    Optional<Dataset<Row>> readFiles(Table table, StorageDescriptor descriptor, StructType schema) {
        TableFormat format = TableFormat.of(table, descriptor);
        String location = descriptor.location();
        if (location == null || location.isEmpty()) {
            throw new IllegalArgumentException("Table '" + PartitionProjection.name(table) + "' has no location");
        }
        List<String> paths = files.under(location);
        if (paths.isEmpty()) {
            return Optional.empty();
        }
        String[] exact = paths.toArray(String[]::new);
        if (format.source().equals("json")) {
            // Partition keys come from the catalog, never from the JSON lines.
            StructType body = DataTypes.createStructType(Arrays.stream(schema.fields())
                    .filter(f -> table.partitionKeys().stream().noneMatch(k -> k.name().equalsIgnoreCase(f.name())))
                    .toList());
            return Optional.of(JsonLines.parse(session.read().option(GLOB_PATHS, "false").text(exact), body));
        }
        return Optional.of(session.read().format(format.source()).options(format.options()).option(GLOB_PATHS, "false")
                .schema(schema).load(exact));
    }
}
