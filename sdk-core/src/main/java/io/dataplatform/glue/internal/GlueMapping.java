package io.dataplatform.glue.internal;

import io.dataplatform.glue.Column;
import io.dataplatform.glue.DataFormat;
import io.dataplatform.glue.DatabaseInfo;
import io.dataplatform.glue.GlueType;
import io.dataplatform.glue.Partition;
import io.dataplatform.glue.Schema;
import io.dataplatform.glue.TableDefinition;
import io.dataplatform.glue.TableInfo;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.glue.model.Database;
import software.amazon.awssdk.services.glue.model.SerDeInfo;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableInput;

/** Converts between the SDK's catalog values and the Glue model of the AWS SDK. */
final class GlueMapping {
    /** The table properties that belong to the format rather than to the user. */
    private static final Set<String> FORMAT_KEYS = Set.of("classification", "delimiter", "skip.header.line.count");

    private GlueMapping() {
    }

    static DatabaseInfo database(Database db) {
        return new DatabaseInfo(db.name(), nullToEmpty(db.description()), nullToEmpty(db.locationUri()),
                db.createTime() == null ? Instant.EPOCH : db.createTime());
    }

    static TableInput tableInput(String name, TableDefinition definition) {
        return TableInput.builder()
                .name(name)
                .description(definition.description().isEmpty() ? null : definition.description())
                .tableType("EXTERNAL_TABLE")
                .parameters(definition.parameters())
                .partitionKeys(columns(definition.schema().partitionKeys()))
                .storageDescriptor(storage(definition, definition.location()))
                .build();
    }

    static StorageDescriptor storage(TableDefinition definition, String location) {
        DataFormat format = definition.format();
        return StorageDescriptor.builder()
                .columns(columns(definition.schema().columns()))
                .location(location)
                .inputFormat(format.inputFormat())
                .outputFormat(format.outputFormat())
                .compressed(false)
                .numberOfBuckets(-1)
                .serdeInfo(SerDeInfo.builder().serializationLibrary(format.serializationLibrary())
                        .parameters(format.serdeParameters()).build())
                .parameters(definition.parameters())
                .storedAsSubDirectories(false)
                .build();
    }

    static TableInfo table(Table table) {
        StorageDescriptor sd = table.storageDescriptor();
        Map<String, String> parameters = table.hasParameters() ? table.parameters() : Map.of();
        Schema schema = new Schema(fromColumns(sd.columns()), fromColumns(table.partitionKeys()));
        Map<String, String> formatParameters = new HashMap<>();
        parameters.forEach((k, v) -> {
            if (FORMAT_KEYS.contains(k)) {
                formatParameters.put(k, v);
            }
        });
        SerDeInfo serde = sd.serdeInfo() == null ? SerDeInfo.builder().build() : sd.serdeInfo();
        String library = nullToEmpty(serde.serializationLibrary());
        String classification = parameters.getOrDefault("classification", classify(library));
        DataFormat format = new DataFormat(classification, library, nullToEmpty(sd.inputFormat()),
                nullToEmpty(sd.outputFormat()), serde.hasParameters() ? serde.parameters() : Map.of(), formatParameters);
        TableDefinition definition = TableDefinition.builder()
                .schema(schema)
                .location(sd.location())
                .format(format)
                .description(nullToEmpty(table.description()))
                .parameters(parameters)
                .build();
        Instant created = table.createTime() == null ? Instant.EPOCH : table.createTime();
        return new TableInfo(table.databaseName(), table.name(), definition, created,
                table.updateTime() == null ? created : table.updateTime());
    }

    static Partition partition(software.amazon.awssdk.services.glue.model.Partition partition) {
        return new Partition(partition.values(),
                partition.storageDescriptor() == null ? "" : nullToEmpty(partition.storageDescriptor().location()),
                partition.creationTime() == null ? Instant.EPOCH : partition.creationTime(),
                partition.hasParameters() ? partition.parameters() : Map.of());
    }

    static List<software.amazon.awssdk.services.glue.model.Column> columns(List<Column> columns) {
        return columns.stream()
                .map(c -> software.amazon.awssdk.services.glue.model.Column.builder().name(c.name())
                        .type(c.type().toGlueString()).comment(c.comment().isEmpty() ? null : c.comment()).build())
                .toList();
    }

    private static List<Column> fromColumns(List<software.amazon.awssdk.services.glue.model.Column> columns) {
        return columns.stream().map(c -> new Column(c.name(), GlueType.parse(c.type()), c.comment())).toList();
    }

    private static String classify(String serde) {
        if (serde.equals(DataFormat.LAZY_SIMPLE_SERDE) || serde.equals(DataFormat.OPEN_CSV_SERDE)) {
            return "csv";
        }
        if (serde.equals(DataFormat.JSON_SERDE)) {
            return "json";
        }
        return serde.equals(DataFormat.PARQUET_SERDE) ? "parquet" : "unknown";
    }

    /** Glue ends a listing with a null or empty NextToken; the pager wants null. */
    static String token(String nextToken) {
        return nextToken == null || nextToken.isEmpty() ? null : nextToken;
    }

    static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
