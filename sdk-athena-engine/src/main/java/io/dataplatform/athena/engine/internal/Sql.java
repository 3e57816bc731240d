package io.dataplatform.athena.engine.internal;

/** Quoting for the DuckDB SQL the engine writes itself: values never reach SQL unquoted. */
final class Sql {
    private Sql() {
    }

    static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    static String string(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
