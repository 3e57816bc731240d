package io.dataplatform.athena.engine.internal.translate;

import io.trino.sql.tree.StringLiteral;

/**
 * Trino's JSON paths ({@code $.a.b}, {@code $["x y"]}, {@code $.a[0]}, 0-based arrays) written as
 * DuckDB's ({@code $."x y"}). A path that is not a literal is passed on as it is.
 */
final class JsonPaths {
    private JsonPaths() {
    }

    static String path(Functions.Call c, int i) {
        if (!(c.node().getArguments().get(i) instanceof StringLiteral literal)) {
            return c.sql(i);
        }
        String p = literal.getValue().strip();
        if (!p.startsWith("$")) {
            throw Errors.at("INVALID_FUNCTION_ARGUMENT", c.node(), "Invalid JSON path: '" + p + "'");
        }
        StringBuilder out = new StringBuilder("$");
        int pos = 1;
        while (pos < p.length()) {
            char ch = p.charAt(pos);
            if (ch == '.') {
                int end = pos + 1;
                while (end < p.length() && p.charAt(end) != '.' && p.charAt(end) != '[') {
                    end++;
                }
                String key = p.substring(pos + 1, end);
                out.append(key.equals("*") ? ".*" : ".\"" + key.replace("\"", "\\\"") + "\"");
                pos = end;
            } else if (ch == '[') {
                int end = p.indexOf(']', pos);
                if (end < 0) {
                    throw Errors.at("INVALID_FUNCTION_ARGUMENT", c.node(), "Invalid JSON path: '" + p + "'");
                }
                String inner = p.substring(pos + 1, end).strip();
                if (inner.equals("*")) {
                    // Trino's json_extract paths have no array wildcard (DuckDB's would gather every element).
                    throw Errors.at("INVALID_FUNCTION_ARGUMENT", c.node(), "Invalid JSON path: '" + p + "'");
                }
                if (inner.startsWith("\"") && inner.endsWith("\"") && inner.length() >= 2) {
                    out.append(".\"").append(inner, 1, inner.length() - 1).append('"');
                } else {
                    out.append('[').append(inner).append(']');
                }
                pos = end + 1;
            } else {
                throw Errors.at("INVALID_FUNCTION_ARGUMENT", c.node(), "Invalid JSON path: '" + p + "'");
            }
        }
        return Sql.string(out.toString());
    }
}
