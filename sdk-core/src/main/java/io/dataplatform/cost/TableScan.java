package io.dataplatform.cost;

import io.dataplatform.internal.Checks;
import java.util.List;

/**
 * What a query is expected to read of one table: the bytes under its S3 location, or under the
 * locations of the partitions its predicates select.
 *
 * @param database          the Glue database
 * @param table             the table name
 * @param location          the table's S3 location
 * @param bytes             the bytes of the objects that would be read
 * @param partitionKeys     the table's partition keys; empty if it is not partitioned
 * @param partitionsRead    the partitions the query's conditions may match (0 if not partitioned)
 * @param partitionsTotal   all partitions of the table (0 if not partitioned)
 * @param partitionFiltered true if the query's conditions leave at least one partition out (for a
 *                          partition-projected table, whose partitions are not listed: if a
 *                          condition names a partition key)
 */
public record TableScan(String database, String table, String location, DataSize bytes, List<String> partitionKeys,
                        int partitionsRead, int partitionsTotal, boolean partitionFiltered) {

    /** Copies the keys. */
    public TableScan {
        Checks.notNull(database, "database");
        Checks.notNull(table, "table");
        Checks.notNull(bytes, "bytes");
        partitionKeys = Checks.copyOf(partitionKeys, "partitionKeys");
    }

    /** Returns true if the table is partitioned and the query reads every partition of it. */
    public boolean fullScanOfPartitionedTable() {
        return !partitionKeys.isEmpty() && !partitionFiltered;
    }

    /** Returns {@code database.table}. */
    public String qualifiedName() {
        return database + "." + table;
    }
}
