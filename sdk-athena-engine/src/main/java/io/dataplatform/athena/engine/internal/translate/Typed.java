package io.dataplatform.athena.engine.internal.translate;

/** A translated expression: its DuckDB SQL and its Trino type. */
record Typed(String sql, TrinoType type) {
}
