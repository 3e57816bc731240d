package io.dataplatform.athena.engine.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Words DuckDB's own errors (for SQL that reached DuckDB untranslated) in Athena's categories. */
final class DuckDbErrors {
    private static final Pattern TABLE = Pattern.compile("Table with name (\\S+) does not exist");
    private static final Pattern COLUMN = Pattern.compile("Referenced column \"?([^\" ]+)\"? not found");

    private DuckDbErrors() {
    }

    static EngineFailure failure(String message) {
        String text = message == null ? "" : message;
        String first = text.lines().findFirst().orElse(text).trim();
        Matcher table = TABLE.matcher(first);
        if (table.find()) {
            return new EngineFailure("TABLE_NOT_FOUND", "Table '" + table.group(1) + "' does not exist");
        }
        Matcher column = COLUMN.matcher(first);
        if (column.find()) {
            return new EngineFailure("COLUMN_NOT_FOUND", "Column '" + column.group(1) + "' cannot be resolved");
        }
        if (first.startsWith("Parser Error")) {
            return new EngineFailure("SYNTAX_ERROR", first);
        }
        if (first.startsWith("Binder Error") || first.startsWith("Catalog Error")) {
            return new EngineFailure("SYNTAX_ERROR", first);
        }
        return new EngineFailure("GENERIC_INTERNAL_ERROR", first);
    }
}
