package io.dataplatform.athena.engine.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Words DuckDB's own errors (for SQL that reached DuckDB untranslated) in Athena's categories. */
final class DuckDbErrors {
    private static final Pattern TABLE = Pattern.compile("Table with name (\\S+) does not exist");
    private static final Pattern COLUMN = Pattern.compile("Referenced column \"?([^\" ]+)\"? not found");
    private static final Pattern CODEPOINT = Pattern.compile("Invalid UTF8 Codepoint (-?[0-9]+)");

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
        // Runtime failures of functions Trino fails too, worded as Trino's function errors.
        if (first.contains("Map keys must be unique")) {
            return new EngineFailure("INVALID_FUNCTION_ARGUMENT", "Duplicate map keys are not allowed");
        }
        if (first.contains("Invalid input for hex digit")) {
            return new EngineFailure("INVALID_FUNCTION_ARGUMENT", "invalid hex character");
        }
        if (first.contains("as base64")) {
            return new EngineFailure("INVALID_FUNCTION_ARGUMENT", "Invalid base64 input");
        }
        Matcher codepoint = CODEPOINT.matcher(first);
        if (codepoint.find()) {
            return new EngineFailure("INVALID_FUNCTION_ARGUMENT", "Not a valid Unicode code point: " + codepoint.group(1));
        }
        if (first.startsWith("Conversion Error: ")) {
            return new EngineFailure("INVALID_CAST_ARGUMENT", first.substring("Conversion Error: ".length()));
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
