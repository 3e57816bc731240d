package io.dataplatform.athena.engine.internal.translate;

import io.trino.sql.parser.ParsingException;
import io.trino.sql.parser.SqlParser;
import io.trino.sql.tree.Expression;
import io.trino.sql.tree.Query;
import io.trino.sql.tree.Statement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates Athena's SQL (Trino's dialect) to DuckDB SQL with Trino's semantics: Trino's result types
 * and column names, its coercion rules and type errors, its functions and its runtime errors.
 *
 * <pre>{@code
 * Statement statement = TrinoToDuckDb.parse("SELECT region, sum(amount) FROM sales GROUP BY region");
 * Translation t = TrinoToDuckDb.translate(statement, resolver);
 * // run TrinoToDuckDb.macros() once per DuckDB connection, then t.duckDbSql()
 * }</pre>
 *
 * <p>The connection should run with {@code SET TimeZone = 'UTC'}. To give {@code current_date},
 * {@code current_timestamp} and {@code now()} the fake world's clock, set
 * {@code SET VARIABLE athena_query_start = TIMESTAMPTZ '2024-01-31 12:00:00+00'} before the query;
 * without it they read DuckDB's clock.
 */
public final class TrinoToDuckDb {
    /** Thread-safe; created once because building Trino's parser is expensive. */
    private static final SqlParser PARSER = new SqlParser();
    private static final int RECENT_KEPT = 256;
    /** Statements parsed lately, by their text: tests run the same statements again and again; Trino's trees are immutable. */
    private static final Map<String, Statement> RECENT = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Statement> eldest) {
            return size() > RECENT_KEPT;
        }
    });

    private TrinoToDuckDb() {
    }

    /**
     * Parses one statement with Trino's grammar; a trailing semicolon is accepted as Athena does.
     * Throws {@link AthenaSqlException} SYNTAX_ERROR with Trino's position and message otherwise.
     */
    public static Statement parse(String sql) {
        Statement recent = RECENT.get(sql);
        if (recent == null) {
            recent = read(sql);
            RECENT.put(sql, recent);
        }
        return recent;
    }

    private static Statement read(String sql) {
        String text = sql.stripTrailing();
        if (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1);
        }
        try {
            return PARSER.createStatement(text);
        } catch (ParsingException e) {
            throw new AthenaSqlException("SYNTAX_ERROR", e.getLineNumber(), e.getColumnNumber(), e.getErrorMessage());
        }
    }

    /**
     * Translates one parsed statement (a query; any other statement fails with NOT_SUPPORTED), resolving
     * its tables with {@code resolver}. Throws {@link AthenaSqlException} where Athena rejects the query.
     */
    public static Translation translate(Statement statement, TableResolver resolver) {
        return translate(statement, resolver, List.of());
    }

    /**
     * Translates a statement whose {@code ?} placeholders take {@code parameters} in order (Athena's
     * execution parameters, each read with {@link #parseParameter}).
     */
    public static Translation translate(Statement statement, TableResolver resolver, List<Expression> parameters) {
        if (!(statement instanceof Query query)) {
            throw Errors.at("NOT_SUPPORTED", statement, "The statement " + statement.getClass().getSimpleName()
                    + " is not supported by the fake Athena's query engine");
        }
        QueryTranslator.Result result = new QueryTranslator(resolver, parameters).top(query);
        return new Translation(result.sql(), result.columns());
    }

    /**
     * Reads one Athena execution parameter, a SQL literal such as {@code 'east'}, {@code 5} or
     * {@code DATE '2024-01-31'}; throws {@link AthenaSqlException} SYNTAX_ERROR when it is not an expression.
     */
    public static Expression parseParameter(String literal) {
        try {
            return PARSER.createExpression(literal);
        } catch (ParsingException e) {
            throw new AthenaSqlException("SYNTAX_ERROR", e.getLineNumber(), e.getColumnNumber(), e.getErrorMessage());
        }
    }

    /**
     * The DuckDB type that holds values of a Trino type ({@code "decimal(10,2)"} is {@code DECIMAL(10,2)},
     * {@code "row(a bigint)"} is {@code STRUCT("a" BIGINT)}); for staging tables the translation reads.
     * Throws IllegalArgumentException for a type Trino does not have.
     */
    public static String duckDbType(String trinoType) {
        return TrinoType.parse(trinoType).duckDb();
    }

    /** The DuckDB macros the translated SQL calls: run each once on every new DuckDB connection. */
    public static List<String> macros() {
        return Macros.ALL;
    }
}
