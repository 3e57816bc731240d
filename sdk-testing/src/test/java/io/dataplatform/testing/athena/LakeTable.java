package io.dataplatform.testing.athena;

import java.util.List;

/**
 * What the statement generator knows of a {@link GuardLake} table: its columns (partition keys last,
 * as Athena shows them), its partition keys and their SQL type, and a column to group by.
 */
enum LakeTable {
    BIG("big", List.of("id", "name", "amount", "region"), List.of(), "region", "amount"),
    SALES("sales", List.of("id", "region", "amount", "year", "month"), List.of("year", "month"), "region", "amount"),
    REGIONS("regions", List.of("region", "name"), List.of(), "region", null),
    EVENTS("events", List.of("id", "kind", "day"), List.of("day"), "kind", "id"),
    EVENTS_BY_DATE("events_by_date", List.of("id", "kind", "dt"), List.of("dt"), "kind", "id"),
    WIDE("wide", List.of("id", "region", "amount", "digest"), List.of(), "region", "amount");

    final String sqlName;
    final List<String> columns;
    final List<String> partitionKeys;
    final String groupColumn;
    /** A numeric column to sum, or null. */
    final String numericColumn;

    LakeTable(String sqlName, List<String> columns, List<String> partitionKeys, String groupColumn, String numericColumn) {
        this.sqlName = sqlName;
        this.columns = columns;
        this.partitionKeys = partitionKeys;
        this.groupColumn = groupColumn;
        this.numericColumn = numericColumn;
    }

    boolean has(String column) {
        return columns.contains(column);
    }

    boolean partitioned() {
        return !partitionKeys.isEmpty();
    }
}
