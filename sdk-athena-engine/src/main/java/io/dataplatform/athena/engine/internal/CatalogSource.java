package io.dataplatform.athena.engine.internal;

import io.dataplatform.athena.tables.PartitionProjection;
import io.dataplatform.glue.GlueType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GetPartitionsResponse;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * A catalog table as the engine reads it: its columns (catalog order, lowercased, with their Glue
 * types), partition keys, and partitions: the catalog's (GetPartitions; a partition without a
 * location is at the Hive layout {@code table/key=value/}, as the cost estimate assumes) or, with
 * {@code projection.enabled}, the projected ones ({@link PartitionProjection}).
 */
record CatalogSource(Table table, List<String> columns, List<GlueType> columnTypes, List<String> keys, List<GlueType> keyTypes) {

    /** One partition (or the whole unpartitioned table): its key values and where and how its files are. */
    record Part(List<String> values, String location, StorageDescriptor descriptor) {
    }

    static CatalogSource load(GlueClient glue, String database, String name) {
        Table table;
        try {
            table = glue.getTable(r -> r.databaseName(database).name(name)).table();
        } catch (EntityNotFoundException e) {
            throw new EngineFailure("TABLE_NOT_FOUND", "Table 'awsdatacatalog." + database + "." + name + "' does not exist", e);
        } catch (SdkException e) {
            throw new EngineFailure("HIVE_METASTORE_ERROR", "Cannot read table " + database + "." + name + ": " + e.getMessage(), e);
        }
        if ("VIRTUAL_VIEW".equals(table.tableType())) {
            throw new EngineFailure("NOT_SUPPORTED", "View awsdatacatalog." + database + "." + name
                    + " cannot be queried on the fake Athena yet: views are not supported");
        }
        if (table.storageDescriptor() == null || table.storageDescriptor().location() == null
                || !table.storageDescriptor().location().matches("s3a?://[^/]+.*")) {
            throw new EngineFailure("HIVE_METASTORE_ERROR", "Table " + database + "." + name + " has no S3 location");
        }
        List<String> columns = new ArrayList<>();
        List<GlueType> types = new ArrayList<>();
        for (Column column : table.storageDescriptor().columns()) {
            columns.add(column.name().toLowerCase(Locale.ROOT));
            types.add(type(column, table));
        }
        List<String> keys = new ArrayList<>();
        List<GlueType> keyTypes = new ArrayList<>();
        for (Column key : table.partitionKeys()) {
            keys.add(key.name().toLowerCase(Locale.ROOT));
            keyTypes.add(type(key, table));
        }
        return new CatalogSource(table, List.copyOf(columns), List.copyOf(types), List.copyOf(keys), List.copyOf(keyTypes));
    }

    private static GlueType type(Column column, Table table) {
        try {
            return GlueType.parse(column.type() == null ? "string" : column.type());
        } catch (IllegalArgumentException e) {
            throw new EngineFailure("HIVE_INVALID_METADATA", "Column '" + column.name() + "' of " + table.databaseName()
                    + "." + table.name() + " has an unsupported type '" + column.type() + "'", e);
        }
    }

    String name() {
        return table.databaseName() + "." + table.name();
    }

    boolean projected() {
        return !keys.isEmpty() && table.hasParameters()
                && "true".equalsIgnoreCase(table.parameters().getOrDefault("projection.enabled", "").trim());
    }

    /**
     * Returns every partition (one pseudo-partition for an unpartitioned table); projected dates
     * relative to {@code now}, injected keys' values from {@code injected}.
     */
    List<Part> parts(GlueClient glue, Instant now, BiFunction<Table, String, Set<String>> injected) {
        if (keys.isEmpty()) {
            return List.of(new Part(List.of(), table.storageDescriptor().location(), table.storageDescriptor()));
        }
        List<Part> parts = new ArrayList<>();
        Optional<PartitionProjection> projection;
        try {
            projection = PartitionProjection.of(table);
            if (projection.isPresent()) {
                for (PartitionProjection.Partition p : projection.get().partitions(now, injected)) {
                    parts.add(new Part(p.values(), p.location(), table.storageDescriptor()));
                }
                return parts;
            }
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            int colon = message.indexOf(": ");
            if (message.matches("^(HIVE_[A-Z_]+|CONSTRAINT_VIOLATION): .*")) {
                throw new EngineFailure(message.substring(0, colon), message.substring(colon + 2), e);
            }
            throw new EngineFailure("HIVE_INVALID_PARTITION_VALUE", message, e);
        }
        String token = null;
        do {
            String next = token;
            GetPartitionsResponse page = glue.getPartitions(r -> r.databaseName(table.databaseName())
                    .tableName(table.name()).nextToken(next));
            for (Partition partition : page.partitions()) {
                StorageDescriptor own = partition.storageDescriptor();
                String location = own != null && own.location() != null ? own.location()
                        : hiveLocation(table.storageDescriptor().location(), partition.values());
                parts.add(new Part(partition.values(), location, own == null ? table.storageDescriptor() : own));
            }
            token = page.nextToken() == null || page.nextToken().isEmpty() ? null : page.nextToken();
        } while (token != null);
        return parts;
    }

    private String hiveLocation(String tableLocation, List<String> values) {
        StringBuilder location = new StringBuilder(tableLocation.endsWith("/") ? tableLocation : tableLocation + "/");
        for (int i = 0; i < keys.size() && i < values.size(); i++) {
            location.append(keys.get(i)).append('=').append(values.get(i)).append('/');
        }
        return location.toString();
    }
}
