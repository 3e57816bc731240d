package io.dataplatform.athena.engine.internal;

import io.trino.sql.tree.Statement;
import java.util.List;

/**
 * Turns Athena SQL (Trino's grammar and semantics) into SQL DuckDB runs. The engine's port onto the
 * translator in {@code internal.translate}; {@link PassThroughTranslator} stands in for it in this
 * module's own tests.
 */
public interface SqlTranslator {

    /** Parses {@code sql}; a statement Trino's grammar rejects fails as {@code SYNTAX_ERROR} with its position. */
    Statement parse(String sql);

    /**
     * Translates {@code statement} (parsed from {@code sql}), resolving each catalog table it names
     * through {@code tables}.
     */
    Translated translate(String sql, Statement statement, TableLookup tables);

    /** Statements (macros) to run once on each new DuckDB connection before any translation runs. */
    List<String> macros();

    /** Words a failure DuckDB reported while running a translation as Athena's; {@code GENERIC_INTERNAL_ERROR} by default. */
    default EngineFailure failure(String duckDbMessage) {
        return DuckDbErrors.failure(duckDbMessage);
    }

    /**
     * The engine's side of table resolution.
     */
    interface TableLookup {
        /** Returns the relation of the table named by {@code nameParts} (1 to 3 parts, as written), staging it first. */
        Relation resolve(List<String> nameParts);

        /** Returns the names of the catalog tables the statement reads (as the cost estimate reads it), database-qualified. */
        List<List<String>> tablesRead();
    }

    /**
     * A table staged for the statement.
     *
     * @param duckDbRelation the quoted DuckDB relation ({@code "db"."table"})
     * @param columns        its columns with their Trino types, catalog order then partition keys
     */
    record Relation(String duckDbRelation, List<Column> columns) {
        public Relation {
            columns = List.copyOf(columns);
        }
    }

    /**
     * A column and its Trino type signature ({@code varchar}, {@code decimal(10,2)}, {@code array(varchar)}).
     *
     * @param name      the column name
     * @param trinoType the type, or null when the translator does not know it (then DuckDB's type is used)
     */
    record Column(String name, String trinoType, String zone) {
        Column(String name, String trinoType) {
            this(name, trinoType, null);
        }
    }

    /**
     * A translated statement.
     *
     * @param duckDbSql     the SQL DuckDB runs
     * @param resultColumns the result columns with their Trino types (a null type: take DuckDB's), or
     *                      an empty list to take names and types from DuckDB
     */
    record Translated(String duckDbSql, List<Column> resultColumns) {
        public Translated {
            resultColumns = List.copyOf(resultColumns);
        }
    }
}
