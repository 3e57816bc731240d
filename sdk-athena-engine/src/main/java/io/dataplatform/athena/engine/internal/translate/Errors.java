package io.dataplatform.athena.engine.internal.translate;

import io.trino.sql.tree.Node;
import io.trino.sql.tree.NodeLocation;
import java.util.Set;

/** Builds Athena's errors at a node's position, and the DuckDB expressions that raise Trino's runtime errors. */
final class Errors {
    /** Error names the translated SQL may raise at run time through {@link #raise}. */
    static final Set<String> RUNTIME_TYPES = Set.of("DIVISION_BY_ZERO", "INVALID_FUNCTION_ARGUMENT",
            "INVALID_CAST_ARGUMENT", "NUMERIC_VALUE_OUT_OF_RANGE", "GENERIC_USER_ERROR", "SUBQUERY_MULTIPLE_ROWS",
            // A value the fake can only tell at run time it would answer differently from Trino.
            "NOT_SUPPORTED");

    private Errors() {
    }

    static AthenaSqlException at(String type, Node node, String message) {
        NodeLocation loc = node == null ? null : node.getLocation().orElse(null);
        return loc == null ? new AthenaSqlException(type, 0, 0, message)
                : new AthenaSqlException(type, loc.getLineNumber(), loc.getColumnNumber(), message);
    }

    static AthenaSqlException typeMismatch(Node node, String message) {
        return at("TYPE_MISMATCH", node, message);
    }

    static AthenaSqlException notSupported(Node node, String message) {
        return at("NOT_SUPPORTED", node, message + " is not supported by the fake Athena");
    }

    /** A DuckDB expression that fails the query with Trino's error name when evaluated. */
    static String raise(String type, String message) {
        return "error(" + Sql.string(type + ": " + message) + ")";
    }
}
