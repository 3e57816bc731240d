package io.dataplatform.testing.athena;

import java.util.List;

/**
 * What the statement generator knows of a {@link GuardLake} table: its columns (partition keys last,
 * as Athena shows them), its partition keys and their SQL type, and a column to group by.
 */
enum LakeTable {
    BIG("big", List.of("id", "name", "amount", "region"), List.of(), "region", "amount", Predicates.NONE),
    SALES("sales", List.of("id", "region", "amount", "year", "month"), List.of("year", "month"), "region", "amount",
            Predicates.SALES),
    REGIONS("regions", List.of("region", "name"), List.of(), "region", null, Predicates.NONE),
    EVENTS("events", List.of("id", "kind", "day"), List.of("day"), "kind", "id", Predicates.EVENTS),
    EVENTS_BY_DATE("events_by_date", List.of("id", "kind", "dt"), List.of("dt"), "kind", "id", Predicates.EVENTS_BY_DATE),
    WIDE("wide", List.of("id", "region", "amount", "digest"), List.of(), "region", "amount", Predicates.NONE);

    final String sqlName;
    final List<String> columns;
    final List<String> partitionKeys;
    final String groupColumn;
    /** A numeric column to sum, or null. */
    final String numericColumn;
    /** Predicates on the partition keys, {@code @} standing for the qualifier ({@code t1.} or nothing). */
    final String[] partitionPredicates;

    LakeTable(String sqlName, List<String> columns, List<String> partitionKeys, String groupColumn, String numericColumn,
            String[] partitionPredicates) {
        this.sqlName = sqlName;
        this.columns = columns;
        this.partitionKeys = partitionKeys;
        this.groupColumn = groupColumn;
        this.numericColumn = numericColumn;
        this.partitionPredicates = partitionPredicates;
    }

    boolean has(String column) {
        return columns.contains(column);
    }

    boolean partitioned() {
        return !partitionKeys.isEmpty();
    }

    /**
     * Partition predicates of every shape the guard meets: =, IN, BETWEEN, ranges, OR, NOT, typed
     * literals and casts, functions of the key, values no partition holds, and predicates that keep
     * every partition.
     */
    private static final class Predicates {
        private static final String[] NONE = {};
        private static final String[] SALES = {
            "@year = '2024'", "@year = '2023'", "@year IN ('2023', '2024')", "@year IN ('2024')",
            "@year BETWEEN '2023' AND '2024'", "@year BETWEEN '0' AND '9999'", "@year < '2024'", "@year >= '2024'",
            "@year >= '0'", "@year > '2023'", "@year <= '2023'", "@year <> '2023'", "@year = CAST(2024 AS varchar)",
            "(@year = '2024' OR @year = '2023')", "NOT (@year = '2023')", "@year NOT IN ('2023')", "@month = '01'",
            "@month IN ('01', '12')", "@year = '2024' AND @month = '02'", "'2024' = @year", "@year LIKE '202%'",
            "@year IS NOT NULL", "substr(@year, 1, 3) = '202'", "@year = '2025'", "@\"year\" = '2023'",
            "@year = '2024' AND @month > '01'", "(@year = '2023' OR @month = '02')",
        };
        private static final String[] EVENTS = {
            "@day = 2", "@day IN (1, 3)", "@day BETWEEN 1 AND 2", "@day < 3", "@day >= 2", "@day > 0",
            "@day = CAST('2' AS integer)", "@day = 1 + 1", "@day <> 2", "NOT (@day = 1)", "(@day = 1 OR @day = 3)",
            "2 = @day", "@day >= 0", "@day = 4", "@day = CAST(3 AS bigint)", "@day IS NOT NULL", "@day NOT IN (2)",
        };
        private static final String[] EVENTS_BY_DATE = {
            "@dt = DATE '2024-01-03'", "@dt = DATE '2024-01-01'", "@dt IN (DATE '2024-01-01', DATE '2024-01-03')",
            "@dt BETWEEN DATE '2024-01-02' AND DATE '2024-01-03'", "@dt < DATE '2024-01-02'", "@dt >= DATE '2024-01-02'",
            "@dt > DATE '2024-01-02'", "@dt = TIMESTAMP '2024-01-01 00:00:00'", "@dt = TIMESTAMP '2024-01-03 00:00:00'",
            "@dt < TIMESTAMP '2024-01-02 12:00:00'", "@dt = CAST('2024-01-03' AS date)", "@dt >= DATE '1970-01-01'",
            "NOT (@dt = DATE '2024-01-01')", "(@dt = DATE '2024-01-01' OR @dt = DATE '2024-01-03')",
            "@dt = date '2024-01-02'", "@dt IS NOT NULL", "year(@dt) = 2024", "@dt <= DATE '2024-01-03'",
        };
    }
}
