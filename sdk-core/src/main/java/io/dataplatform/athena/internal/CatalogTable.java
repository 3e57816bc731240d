package io.dataplatform.athena.internal;

import io.dataplatform.DataPlatformException;
import io.dataplatform.internal.Pages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.GetPartitionsResponse;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * A table as the estimate needs it, read from Glue: its location, its columns, its partition keys
 * and, for a partitioned table, each partition's values and location.
 *
 * @param database      the database
 * @param name          the table
 * @param location      the table's S3 location
 * @param columns       every column name, partition keys included
 * @param partitionKeys the partition keys, in order
 * @param keyTypes      the partition keys' Glue types, in key order
 * @param projected     true if partition projection defines the partitions (Athena then ignores the catalog's)
 * @param partitions    the partitions (empty when not partitioned); for a projected table one
 *                      pseudo-partition with no values, located at the folder holding every projected one
 */
record CatalogTable(String database, String name, String location, Set<String> columns, List<String> partitionKeys,
                    List<String> keyTypes, boolean projected, List<PartitionInfo> partitions) {

    /**
     * One partition.
     *
     * @param values   its key values, in key order
     * @param location its S3 location
     */
    record PartitionInfo(List<String> values, String location) {
    }

    static CatalogTable load(AthenaContext context, String database, String table) {
        String resource = database + "." + table;
        Table glue = context.glueInvoker().call("GetTable", resource,
                () -> context.glue().get().getTable(r -> r.databaseName(database).name(table))).table();
        if ("VIRTUAL_VIEW".equals(glue.tableType())) {
            throw new DataPlatformException("Cannot estimate a query over " + resource
                    + ": it is a view, and the bytes it reads depend on its definition");
        }
        if (glue.storageDescriptor() == null || glue.storageDescriptor().location() == null
                || !glue.storageDescriptor().location().matches("s3a?://[^/]+.*")) {
            throw new DataPlatformException("Cannot estimate a query over " + resource + ": its location '"
                    + (glue.storageDescriptor() == null ? null : glue.storageDescriptor().location())
                    + "' is not an S3 location");
        }
        Set<String> columns = new TreeSet<>();
        glue.storageDescriptor().columns().forEach(c -> columns.add(c.name().toLowerCase(Locale.ROOT)));
        List<String> keys = glue.partitionKeys().stream().map(Column::name)
                .map(k -> k.toLowerCase(Locale.ROOT)).toList();
        List<String> keyTypes = glue.partitionKeys().stream()
                .map(k -> k.type() == null ? "" : k.type().toLowerCase(Locale.ROOT)).toList();
        columns.addAll(keys);
        String location = glue.storageDescriptor().location();
        Map<String, String> parameters = glue.hasParameters() ? glue.parameters() : Map.of();
        List<PartitionInfo> partitions;
        boolean projected = !keys.isEmpty() && "true".equalsIgnoreCase(parameters.get("projection.enabled"));
        if (keys.isEmpty()) {
            partitions = List.of();
        } else if (projected) {
            // Partition projection: Athena ignores the catalog's partitions and reads the projected
            // locations, which may be anywhere under the table location or the storage.location.template.
            partitions = List.of(new PartitionInfo(List.of(), projectedRoot(resource, location, parameters.get("storage.location.template"))));
        } else {
            partitions = partitions(context, database, table, keys, location);
        }
        return new CatalogTable(database, table, location, columns, keys, keyTypes, projected, partitions);
    }

    private static List<PartitionInfo> partitions(AthenaContext context, String database, String table,
                                                  List<String> keys, String tableLocation) {
        return Pages.<String, PartitionInfo>stream(token -> {
            GetPartitionsResponse page = context.glueInvoker().call("GetPartitions", database + "." + table,
                    () -> context.glue().get().getPartitions(r -> r.databaseName(database).tableName(table).nextToken(token)));
            List<PartitionInfo> items = new ArrayList<>();
            page.partitions().forEach(p -> {
                String location = p.storageDescriptor() != null && p.storageDescriptor().location() != null
                        ? p.storageDescriptor().location() : defaultLocation(tableLocation, keys, p.values());
                items.add(new PartitionInfo(p.values(), location));
            });
            // Glue may end a listing with an empty NextToken rather than none; sending it back would restart the listing.
            String next = page.nextToken() == null || page.nextToken().isEmpty() ? null : page.nextToken();
            return new Pages.Page<>(items, next);
        }).toList();
    }

    /**
     * The folder every projected partition lives under: the template's part before its first
     * placeholder. A template whose bucket is not fixed cannot be sized (the partitions may be in
     * any bucket); neither can one that is not an S3 location.
     */
    private static String projectedRoot(String resource, String tableLocation, String template) {
        if (template == null) {
            return tableLocation;
        }
        int placeholder = template.indexOf("${");
        String fixed = placeholder < 0 ? template : template.substring(0, placeholder);
        String root = fixed.substring(0, fixed.lastIndexOf('/') + 1);
        if (!root.matches("s3a?://[^/]+/.*")) {
            throw new DataPlatformException("Cannot estimate a query over " + resource + ": its partition projection's "
                    + "storage.location.template '" + template + "' does not fix the bucket its partitions are in");
        }
        return root;
    }

    /** Hive layout: {@code table/key1=value1/key2=value2/}. */
    private static String defaultLocation(String tableLocation, List<String> keys, List<String> values) {
        StringBuilder location = new StringBuilder(tableLocation.endsWith("/") ? tableLocation : tableLocation + "/");
        for (int i = 0; i < keys.size() && i < values.size(); i++) {
            location.append(keys.get(i)).append('=').append(values.get(i)).append('/');
        }
        return location.toString();
    }
}
