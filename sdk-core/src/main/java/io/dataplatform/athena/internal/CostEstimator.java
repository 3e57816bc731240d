package io.dataplatform.athena.internal;

import io.dataplatform.athena.sql.StatementReads;

import io.dataplatform.DataPlatformException;
import io.dataplatform.athena.sql.StatementReads.KeyCondition;
import io.dataplatform.athena.sql.StatementReads.TableName;
import io.dataplatform.athena.sql.StatementReads.TableRead;
import io.dataplatform.athena.tables.TableObjects;
import io.dataplatform.cost.CostEstimate;
import io.dataplatform.cost.DataSize;
import io.dataplatform.cost.TableScan;
import io.dataplatform.internal.Pages;
import io.dataplatform.s3.S3Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Estimates a query's scan from the catalog and S3: for each table read, the bytes of every
 * object under the table's location, or under the locations of the catalog partitions its
 * conditions may match. Each reference counts, as Athena scans a table once per reference. Every call made here
 * (GetTable, GetPartitions, ListObjectsV2) is free of Athena charges.
 */
final class CostEstimator {
    static final String OPERATION = "Athena query";
    /** The data catalog that is this account's Glue Data Catalog. */
    private static final String GLUE_CATALOG = "AwsDataCatalog";
    /** Athena answers information_schema queries from the catalog. */
    private static final String INFORMATION_SCHEMA = "information_schema";

    private final AthenaContext context;
    private final Map<String, CatalogTable> tables = new HashMap<>();
    private final Map<String, Long> sizes = new HashMap<>();

    CostEstimator(AthenaContext context) {
        this.context = context;
    }

    /** Estimates {@code analysis}; {@code catalog} is the query's data catalog, null for AwsDataCatalog. */
    CostEstimate estimate(StatementReads analysis, String catalog, String defaultDatabase) {
        List<TableScan> scans = new ArrayList<>();
        long total = 0;
        for (TableRead read : analysis.reads()) {
            if (INFORMATION_SCHEMA.equals(databaseOf(read.name(), defaultDatabase))) {
                continue;   // metadata from the catalog: no S3 data is read
            }
            CatalogTable table = table(read.name(), catalog, defaultDatabase);
            Set<String> siblingColumns = new HashSet<>();
            for (TableName sibling : read.siblings()) {
                if (!INFORMATION_SCHEMA.equals(databaseOf(sibling, defaultDatabase))) {
                    siblingColumns.addAll(table(sibling, catalog, defaultDatabase).columns());
                }
            }
            TableScan scan = scan(table, read.conditions().stream()
                    .filter(c -> table.partitionKeys().contains(c.column()) && StatementReads.unambiguous(c, siblingColumns))
                    .toList());
            scans.add(scan);
            total = Math.addExact(total, scan.bytes().bytes());
        }
        DataSize bytes = DataSize.ofBytes(total);
        return new CostEstimate(OPERATION, bytes, context.prices().athena().billedBytes(bytes),
                context.prices().athena().queryCost(bytes), scans, analysis.selectStar() && !analysis.limited());
    }

    private CatalogTable table(TableName name, String catalog, String defaultDatabase) {
        String database = databaseOf(name, defaultDatabase);
        String refCatalog = name.catalog() != null ? name.catalog() : catalog;
        if (refCatalog != null && !refCatalog.equalsIgnoreCase(GLUE_CATALOG)) {
            // Another catalog (federated, or another account's Glue) holds other tables under the same names.
            throw new DataPlatformException("Cannot estimate a query over " + refCatalog + "." + database + "."
                    + name.table() + ": only tables of the AwsDataCatalog are sized from Glue");
        }
        return tables.computeIfAbsent(database + "." + name.table(), key -> CatalogTable.load(context, database, name.table()));
    }

    private static String databaseOf(TableName name, String defaultDatabase) {
        return name.database() != null ? name.database() : defaultDatabase;
    }

    /**
     * The scan of one read: the whole table, or the catalog partitions the conditions may match.
     * "Full scan" means what is read, not whether a condition names a key: {@code year >= '0'}
     * reading every partition is a full scan. A projected table's partitions are not listed, so it
     * is sized under its whole projection folder and counts as narrowed when a condition names a key.
     */
    private TableScan scan(CatalogTable table, List<KeyCondition> conditions) {
        if (table.partitionKeys().isEmpty()) {
            return new TableScan(table.database(), table.name(), table.location(), DataSize.ofBytes(size(table.location())),
                    List.of(), 0, 0, false);
        }
        long bytes = 0;
        int read = 0;
        for (CatalogTable.PartitionInfo partition : table.partitions()) {
            if (table.projected() || selected(partition, table, conditions)) {
                read++;
                bytes = Math.addExact(bytes, size(partition.location()));
            }
        }
        int total = table.partitions().size();
        boolean narrowed = table.projected() ? !conditions.isEmpty() : read < total || total == 0;
        return new TableScan(table.database(), table.name(), table.location(), DataSize.ofBytes(bytes),
                table.partitionKeys(), read, total, narrowed);
    }

    private static boolean selected(CatalogTable.PartitionInfo partition, CatalogTable table, List<KeyCondition> conditions) {
        for (KeyCondition condition : conditions) {
            int key = table.partitionKeys().indexOf(condition.column());
            String value = key < partition.values().size() ? partition.values().get(key) : null;
            if (!PartitionMatch.mayMatch(table.keyTypes().get(key), value, condition)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Sums the sizes of the objects Athena reads under {@code uri}, a folder: {@code s3://b/t} reads
     * {@code t/...}. Athena skips hidden files, whose name (or a folder's below the location) starts
     * with '_' or '.' ("Athena treats source files that start with an underscore or a dot as hidden",
     * User Guide, "Considerations and limitations for SQL queries"), folder markers, and objects in
     * Glacier Flexible Retrieval or Deep Archive ("ignored", same page).
     */
    private long size(String uri) {
        return sizes.computeIfAbsent(uri, key -> {
            S3Location location = S3Location.parse(key);
            String prefix = TableObjects.folderPrefix(location.key());
            return Pages.<String, S3Object>stream(token -> {
                ListObjectsV2Response page = context.s3Invoker().call("ListObjectsV2", location.bucket() + "/" + prefix,
                        () -> context.s3().listObjectsV2(r -> r.bucket(location.bucket()).prefix(prefix).continuationToken(token)));
                return new Pages.Page<>(page.contents(), Boolean.TRUE.equals(page.isTruncated())
                        ? Objects.requireNonNull(page.nextContinuationToken()) : null);
            }).filter(o -> TableObjects.isRead(o, prefix)).mapToLong(o -> o.size() == null ? 0 : o.size()).sum();
        });
    }
}
