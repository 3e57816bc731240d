package io.dataplatform.athena.engine.internal.translate;

/** Quoting for the DuckDB SQL the translator writes. */
final class Sql {
    private Sql() {
    }

    static String string(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
