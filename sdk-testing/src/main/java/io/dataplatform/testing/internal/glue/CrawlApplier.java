package io.dataplatform.testing.internal.glue;

import io.dataplatform.glue.Column;
import io.dataplatform.glue.DataFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.glue.model.Crawler;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.SerDeInfo;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * Writes what a crawl found into the catalog the way Glue does, honouring the crawler's schema
 * change policy (UPDATE_IN_DATABASE replaces a changed schema, LOG leaves it) and delete behaviour
 * for tables and partitions whose files are gone (DELETE_FROM_DATABASE, DEPRECATE_IN_DATABASE, LOG).
 * Tables carry the properties Glue documents in "Parameters set on Data Catalog tables by crawler".
 */
final class CrawlApplier {
    static final String UPDATED_BY = "UPDATED_BY_CRAWLER";
    static final String DEPRECATED_BY = "DEPRECATED_BY_CRAWLER";
    static final int MAX_GENERATED_NAME = 128;

    /** What one crawl changed. */
    record Counts(int created, int updated, int deleted, int partitionsAdded, int partitionsDeleted) {
        static final Counts NONE = new Counts(0, 0, 0, 0, 0);
    }

    private final CatalogStore store;
    private final Crawler crawler;
    private final Instant now;
    private final String accountId;
    private int created;
    private int updated;
    private int deleted;
    private int partitionsAdded;
    private int partitionsDeleted;
    private Set<String> unreadableFolders = Set.of();

    CrawlApplier(CatalogStore store, Crawler crawler, Instant now, String accountId) {
        this.store = store;
        this.crawler = crawler;
        this.now = now;
        this.accountId = accountId;
    }

    /**
     * Applies the crawl; returns its counts and the folders it saw.
     *
     * @throws IllegalStateException if the crawler's database does not exist (the crawl fails)
     */
    Counts apply(S3Crawl.Result result, boolean incremental, Set<String> seenFolders) {
        String database = crawler.databaseName();
        CatalogStore.DatabaseEntry db = store.database(database)
                .orElseThrow(() -> new IllegalStateException("Database " + database + " not found."));
        String prefix = crawler.tablePrefix() == null ? "" : crawler.tablePrefix();
        unreadableFolders = result.unreadableFolders();
        Set<String> found = new HashSet<>();
        for (S3Crawl.TargetFiles target : result.targets()) {
            for (DiscoveredTable table : TableGrouper.group(target.rootName(), target.files())) {
                String location = "s3://" + target.bucket() + "/" + target.prefix()
                        + (table.folder().isEmpty() ? "" : table.folder() + "/");
                String name = truncated(prefix + table.name());
                if (!found.add(name)) {
                    // "If duplicate table names are encountered, the crawler adds a hash string suffix to the
                    // name" (Glue guide, "What happens when a crawler runs?"); hashing the location keeps it
                    // the same on every crawl.
                    name = withHashSuffix(name, location);
                    found.add(name);
                }
                table.partitions().forEach(p -> seenFolders.add(location + p.folder() + "/"));
                if (table.partitions().isEmpty()) {
                    seenFolders.add(location);
                }
                upsert(db, name, location, table, incremental);
            }
        }
        if (!incremental) {
            removeVanished(db, found, result);
        }
        return new Counts(created, updated, deleted, partitionsAdded, partitionsDeleted);
    }

    /**
     * The Glue developer guide ("What happens when a crawler runs?"): a generated table name is at
     * most 128 characters, and the crawler truncates longer ones (though the API takes 255).
     */
    private static String truncated(String name) {
        return name.length() <= MAX_GENERATED_NAME ? name : name.substring(0, MAX_GENERATED_NAME);
    }

    private static String withHashSuffix(String name, String location) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("MD5").digest(location.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String hash = java.util.HexFormat.of().formatHex(digest);
            return truncated(name.substring(0, Math.min(name.length(), MAX_GENERATED_NAME - hash.length() - 1)) + "_" + hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is a required JDK algorithm", e);
        }
    }

    private void upsert(CatalogStore.DatabaseEntry db, String name, String location, DiscoveredTable found, boolean incremental) {
        Table fresh = table(db.database.name(), name, location, found);
        CatalogStore.TableEntry existing = db.tables.get(name);
        if (existing == null) {
            store.putTable(fresh);
            created++;
        } else {
            Table current = existing.table;
            boolean changed = !sameSchema(current, fresh);
            boolean deprecated = current.hasParameters() && current.parameters().containsKey(DEPRECATED_BY);
            if (!incremental && (deprecated || (changed && updateInDatabase()))) {
                store.putTable(fresh.toBuilder().createTime(current.createTime()).build());
                updated++;
            }
        }
        CatalogStore.TableEntry entry = db.tables.get(name);
        Set<List<String>> present = new HashSet<>();
        for (DiscoveredTable.DiscoveredPartition p : found.partitions()) {
            present.add(p.values());
            Partition old = entry.partitions.get(p.values());
            Partition rebuilt = partition(entry.table, p, location + p.folder() + "/");
            if (old == null || (old.hasParameters() && old.parameters().containsKey(DEPRECATED_BY))) {
                entry.partitions.put(p.values(), rebuilt);
                partitionsAdded += old == null ? 1 : 0;
            } else if (!incremental && updateInDatabase() && !samePartitionSchema(old, rebuilt)) {
                // "By default, new partitions are added and existing partitions are updated if they
                // have changed" (Glue guide, "What happens when a crawler detects partition changes?").
                entry.partitions.put(p.values(), rebuilt.toBuilder().creationTime(old.creationTime()).build());
            }
        }
        if (!incremental) {
            for (List<String> values : new ArrayList<>(entry.partitions.keySet())) {
                StorageDescriptor partitionSd = entry.partitions.get(values).storageDescriptor();
                if (!present.contains(values) && !holdsUnreadable(partitionSd == null ? null : partitionSd.location())) {
                    switch (deleteBehavior()) {
                        case "DELETE_FROM_DATABASE" -> {
                            entry.partitions.remove(values);
                            partitionsDeleted++;
                        }
                        case "DEPRECATE_IN_DATABASE" -> entry.partitions.computeIfPresent(values, (k, p) -> deprecate(p));
                        default -> { }
                    }
                }
            }
        }
    }

    private void removeVanished(CatalogStore.DatabaseEntry db, Set<String> found, S3Crawl.Result result) {
        for (CatalogStore.TableEntry entry : new ArrayList<>(db.tables.values())) {
            Table table = entry.table;
            boolean ours = table.hasParameters() && crawler.name().equals(table.parameters().get(UPDATED_BY));
            if (!ours || found.contains(table.name()) || !underTargets(table, result)
                    || holdsUnreadable(table.storageDescriptor().location())) {
                continue;
            }
            switch (deleteBehavior()) {
                case "DELETE_FROM_DATABASE" -> {
                    store.removeTable(db.database.name(), table.name());
                    deleted++;
                }
                case "DEPRECATE_IN_DATABASE" -> {
                    if (!table.parameters().containsKey(DEPRECATED_BY)) {
                        Map<String, String> parameters = new LinkedHashMap<>(table.parameters());
                        parameters.put(DEPRECATED_BY, "1");
                        store.putTable(table.toBuilder().parameters(parameters).updateTime(now).build());
                        updated++;
                    }
                }
                default -> { }
            }
        }
    }

    /** A location with a file the crawl could not read still holds data: it is not deleted or deprecated. */
    private boolean holdsUnreadable(String location) {
        return location != null && unreadableFolders.stream().anyMatch(folder -> folder.startsWith(location));
    }

    private static boolean underTargets(Table table, S3Crawl.Result result) {
        String location = table.storageDescriptor().location();
        return result.targets().stream().anyMatch(t -> location.startsWith("s3://" + t.bucket() + "/" + t.prefix()));
    }

    private Partition deprecate(Partition partition) {
        Map<String, String> parameters = new LinkedHashMap<>(partition.hasParameters() ? partition.parameters() : Map.of());
        parameters.put(DEPRECATED_BY, "1");
        return partition.toBuilder().parameters(parameters).build();
    }

    private boolean updateInDatabase() {
        return crawler.schemaChangePolicy() == null
                || !"LOG".equals(crawler.schemaChangePolicy().updateBehaviorAsString());
    }

    private String deleteBehavior() {
        return crawler.schemaChangePolicy() == null || crawler.schemaChangePolicy().deleteBehaviorAsString() == null
                ? "DEPRECATE_IN_DATABASE" : crawler.schemaChangePolicy().deleteBehaviorAsString();
    }

    private static boolean sameSchema(Table a, Table b) {
        return a.storageDescriptor().columns().equals(b.storageDescriptor().columns())
                && a.partitionKeys().equals(b.partitionKeys())
                && a.storageDescriptor().serdeInfo().equals(b.storageDescriptor().serdeInfo());
    }

    private Table table(String database, String name, String location, DiscoveredTable found) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("CrawlerSchemaDeserializerVersion", "1.0");
        parameters.put("CrawlerSchemaSerializerVersion", "1.0");
        parameters.put(UPDATED_BY, crawler.name());
        parameters.put("averageRecordSize", String.valueOf(found.averageRecordSize()));
        parameters.put("compressionType", found.compression());
        parameters.put("objectCount", String.valueOf(found.objectCount()));
        parameters.put("recordCount", String.valueOf(found.recordCount()));
        parameters.put("sizeKey", String.valueOf(found.totalSize()));
        parameters.put("typeOfData", "file");
        parameters.putAll(found.format().tableParameters());
        if (found.format().classification().equals("csv")) {
            parameters.put("areColumnsQuoted", String.valueOf(found.format().serializationLibrary().equals(DataFormat.OPEN_CSV_SERDE)));
            parameters.put("columnsOrdered", "true");
        }
        Map<String, String> serde = new LinkedHashMap<>(found.format().serdeParameters());
        if (found.format().classification().equals("json")) {
            // The OpenX SerDe reads only the listed paths; Glue lists the top-level columns.
            serde.put("paths", String.join(",", found.columns().stream().map(Column::name).toList()));
        }
        StorageDescriptor sd = StorageDescriptor.builder()
                .columns(columns(found.columns()))
                .location(location)
                .inputFormat(found.format().inputFormat())
                .outputFormat(found.format().outputFormat())
                .compressed(!found.compression().equals("none"))
                .numberOfBuckets(-1)
                .serdeInfo(SerDeInfo.builder().serializationLibrary(found.format().serializationLibrary()).parameters(serde).build())
                .bucketColumns(List.of())
                .sortColumns(List.of())
                .parameters(parameters)
                .storedAsSubDirectories(false)
                .build();
        return Table.builder()
                .name(name)
                .databaseName(database)
                .owner("owner")
                .createTime(now)
                .updateTime(now)
                .lastAccessTime(now)
                .retention(0)
                .storageDescriptor(sd)
                .partitionKeys(found.partitionKeys().stream()
                        .map(k -> software.amazon.awssdk.services.glue.model.Column.builder().name(k).type("string").build())
                        .toList())
                .tableType("EXTERNAL_TABLE")
                .parameters(parameters)
                .createdBy(roleArn(crawler.role(), accountId))
                .isRegisteredWithLakeFormation(false)
                .catalogId(accountId)
                .build();
    }

    private static boolean samePartitionSchema(Partition a, Partition b) {
        return a.storageDescriptor() != null && a.storageDescriptor().columns().equals(b.storageDescriptor().columns())
                && a.storageDescriptor().serdeInfo().equals(b.storageDescriptor().serdeInfo());
    }

    /**
     * A partition with its own files' columns: Glue's guide says partitions take the table's schema
     * only with the InheritFromTable crawler option (which this fake refuses as unmodelled).
     */
    private Partition partition(Table table, DiscoveredTable.DiscoveredPartition found, String location) {
        return Partition.builder()
                .databaseName(table.databaseName())
                .tableName(table.name())
                .values(found.values())
                .creationTime(now)
                .lastAccessTime(now)
                .storageDescriptor(table.storageDescriptor().toBuilder().location(location).columns(columns(found.columns())).build())
                .parameters(table.storageDescriptor().parameters())
                .catalogId(accountId)
                .build();
    }

    private static List<software.amazon.awssdk.services.glue.model.Column> columns(List<Column> columns) {
        return columns.stream().map(c -> software.amazon.awssdk.services.glue.model.Column.builder()
                .name(c.name()).type(c.type().toGlueString()).build()).toList();
    }

    /** Returns the ARN of a crawler's role given by name or ARN. */
    static String roleArn(String role, String accountId) {
        return role.startsWith("arn:") ? role : "arn:aws:iam::" + accountId + ":role/" + (role.startsWith("/") ? role.substring(1) : role);
    }
}
