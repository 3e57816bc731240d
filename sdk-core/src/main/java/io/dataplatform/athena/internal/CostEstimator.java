package io.dataplatform.athena.internal;

import io.dataplatform.DataPlatformException;
import io.dataplatform.athena.internal.SqlAnalysis.Predicate;
import io.dataplatform.athena.internal.SqlAnalysis.TableRef;
import io.dataplatform.cost.CostEstimate;
import io.dataplatform.cost.DataSize;
import io.dataplatform.cost.TableScan;
import io.dataplatform.internal.Pages;
import io.dataplatform.s3.S3Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Estimates a query's scan from the catalog and S3: for each table reference, the bytes of every
 * object under the table's location, or under the locations of the partitions its predicates
 * select. Each reference counts, as Athena scans a table once per reference. Every call made here
 * (GetTable, GetPartitions, ListObjectsV2) is free of Athena charges.
 */
final class CostEstimator {
    static final String OPERATION = "Athena query";
    /** The data catalog that is this account's Glue Data Catalog. */
    private static final String GLUE_CATALOG = "AwsDataCatalog";

    private final AthenaContext context;
    private final Map<String, CatalogTable> tables = new HashMap<>();
    private final Map<String, Long> sizes = new HashMap<>();

    CostEstimator(AthenaContext context) {
        this.context = context;
    }

    /** Estimates {@code analysis}; {@code catalog} is the query's data catalog, null for AwsDataCatalog. */
    CostEstimate estimate(SqlAnalysis analysis, String catalog, String defaultDatabase) {
        for (TableRef ref : analysis.tables()) {
            String database = databaseOf(ref, defaultDatabase);
            String refCatalog = ref.catalog() != null ? ref.catalog() : catalog;
            if (refCatalog != null && !refCatalog.equalsIgnoreCase(GLUE_CATALOG)) {
                // Another catalog (federated, or another account's Glue) holds other tables under the same names.
                throw new DataPlatformException("Cannot estimate a query over " + refCatalog + "." + database + "."
                        + ref.table() + ": only tables of the AwsDataCatalog are sized from Glue");
            }
            tables.computeIfAbsent(database + "." + ref.table(), key -> CatalogTable.load(context, database, ref.table()));
        }
        List<TableScan> scans = new ArrayList<>();
        long total = 0;
        for (TableRef ref : analysis.tables()) {
            CatalogTable table = tables.get(databaseOf(ref, defaultDatabase) + "." + ref.table());
            TableScan scan = scan(table, ref, analysis, defaultDatabase);
            scans.add(scan);
            total = Math.addExact(total, scan.bytes().bytes());
        }
        DataSize bytes = DataSize.ofBytes(total);
        return new CostEstimate(OPERATION, bytes, context.prices().athena().billedBytes(bytes),
                context.prices().athena().queryCost(bytes), scans, analysis.selectStar() && !analysis.limited());
    }

    private static String databaseOf(TableRef ref, String defaultDatabase) {
        return ref.database() != null ? ref.database() : defaultDatabase;
    }

    private TableScan scan(CatalogTable table, TableRef ref, SqlAnalysis analysis, String defaultDatabase) {
        if (table.partitionKeys().isEmpty()) {
            return new TableScan(table.database(), table.name(), table.location(), DataSize.ofBytes(size(table.location())),
                    List.of(), 0, 0, false);
        }
        List<Predicate> applicable = analysis.predicates().stream()
                .filter(p -> table.partitionKeys().contains(p.column()) && appliesTo(p, ref, analysis, defaultDatabase))
                .toList();
        long bytes = 0;
        int read = 0;
        for (CatalogTable.PartitionInfo partition : table.partitions()) {
            if (selected(partition, table, applicable)) {
                read++;
                bytes = Math.addExact(bytes, size(partition.location()));
            }
        }
        return new TableScan(table.database(), table.name(), table.location(), DataSize.ofBytes(bytes),
                table.partitionKeys(), read, table.partitions().size(), !applicable.isEmpty());
    }

    /**
     * A qualified predicate applies to the reference it names; an unqualified one only if no other
     * table of the same SELECT block has a column of that name (otherwise it may mean that one).
     */
    private boolean appliesTo(Predicate predicate, TableRef ref, SqlAnalysis analysis, String defaultDatabase) {
        if (predicate.block() != ref.block()) {
            return false;
        }
        if (predicate.qualifier() != null) {
            return predicate.qualifier().equals(ref.alias())
                    || ref.alias() == null && predicate.qualifier().equals(ref.table());
        }
        for (TableRef other : analysis.tables()) {
            if (other != ref && other.block() == ref.block()) {
                CatalogTable otherTable = tables.get(databaseOf(other, defaultDatabase) + "." + other.table());
                if (otherTable.columns().contains(predicate.column())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean selected(CatalogTable.PartitionInfo partition, CatalogTable table, List<Predicate> predicates) {
        for (Predicate predicate : predicates) {
            int key = table.partitionKeys().indexOf(predicate.column());
            String value = key < partition.values().size() ? partition.values().get(key) : null;
            if (value != null && !predicate.test(value)) {
                return false;
            }
        }
        return true;
    }

    /** Sums the sizes of the objects under {@code uri}, a folder: {@code s3://b/t} reads {@code t/...}. */
    private long size(String uri) {
        return sizes.computeIfAbsent(uri, key -> {
            S3Location location = S3Location.parse(key);
            String prefix = location.key().isEmpty() || location.key().endsWith("/") ? location.key() : location.key() + "/";
            return Pages.<String, S3Object>stream(token -> {
                ListObjectsV2Response page = context.s3Invoker().call("ListObjectsV2", location.bucket() + "/" + prefix,
                        () -> context.s3().listObjectsV2(r -> r.bucket(location.bucket()).prefix(prefix).continuationToken(token)));
                return new Pages.Page<>(page.contents(), Boolean.TRUE.equals(page.isTruncated())
                        ? Objects.requireNonNull(page.nextContinuationToken()) : null);
            }).mapToLong(o -> o.size() == null ? 0 : o.size()).sum();
        });
    }
}
