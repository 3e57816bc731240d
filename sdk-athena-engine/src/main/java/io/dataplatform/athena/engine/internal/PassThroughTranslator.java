package io.dataplatform.athena.engine.internal;

import io.trino.sql.parser.ParsingException;
import io.trino.sql.parser.SqlParser;
import io.trino.sql.tree.Statement;
import java.util.List;

/**
 * A stand-in translator for this module's tests: checks the statement with Trino's parser and runs
 * the text on DuckDB unchanged, so it serves Trino SQL DuckDB reads alike (plain SELECT, WHERE,
 * GROUP BY and joins over catalog tables, which the engine exposes as views named like them).
 */
public final class PassThroughTranslator implements SqlTranslator {

    @Override
    public Statement parse(String sql) {
        try {
            return new SqlParser().createStatement(sql);
        } catch (ParsingException e) {
            throw new EngineFailure("SYNTAX_ERROR", "line " + e.getLineNumber() + ":" + e.getColumnNumber() + ": "
                    + e.getErrorMessage(), e);
        }
    }

    @Override
    public Translated translate(String sql, Statement statement, TableLookup tables) {
        tables.tablesRead().forEach(tables::resolve);
        return new Translated(sql, List.of());
    }

    @Override
    public List<String> macros() {
        return List.of();
    }
}
