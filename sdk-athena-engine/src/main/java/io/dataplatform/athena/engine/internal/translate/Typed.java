package io.dataplatform.athena.engine.internal.translate;

/**
 * A translated expression: its DuckDB SQL and its Trino type. A {@code timestamp with time zone} value is
 * held in UTC; {@code zone} names the zone Trino would print it in when the translation knows it
 * (a literal, AT TIME ZONE), null for UTC.
 */
record Typed(String sql, TrinoType type, String zone) {
    Typed(String sql, TrinoType type) {
        this(sql, type, null);
    }
}
