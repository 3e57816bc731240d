package io.dataplatform.athena.internal;

import io.dataplatform.DataPlatformException;
import io.trino.grammar.sql.SqlBaseLexer;
import io.trino.sql.parser.ParsingException;
import io.trino.sql.parser.SqlParser;
import io.trino.sql.tree.Expression;
import io.trino.sql.tree.Query;
import io.trino.sql.tree.Statement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * Reads an Athena statement with Trino's own SQL parser: Athena engine v3 runs Trino, so its grammar
 * is Trino's. Two kinds of statement Trino does not parse are Athena's own: Hive DDL (CREATE EXTERNAL
 * TABLE, MSCK REPAIR TABLE, ALTER TABLE ADD PARTITION, SHOW PARTITIONS ...), which Athena runs on its
 * Hive metastore path without scanning data, and {@code UNLOAD (query) TO ..}, whose query is Trino SQL.
 */
final class AthenaSql {
    /** Stateless and thread-safe: the parser keeps no state between statements. */
    private static final SqlParser PARSER = new SqlParser();
    /** First words of Athena's Hive DDL statements; they read catalog metadata, not table data. */
    private static final Set<String> HIVE_DDL = Set.of("CREATE", "ALTER", "DROP", "MSCK", "SHOW", "DESCRIBE", "DESC");
    private static final int RECENT_KEPT = 256;
    /**
     * Statements read lately, by their text: a statement is read by the cost estimate and again by the fake
     * Athena's engine, and tests run the same statements again and again. Trino's trees are immutable, so
     * one serves every reader.
     */
    private static final Map<String, Parsed> RECENT = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Parsed> eldest) {
            return size() > RECENT_KEPT;
        }
    });

    private AthenaSql() {
    }

    /** A statement read: Trino's AST, or a Hive DDL statement that scans nothing. */
    sealed interface Parsed permits Trino, HiveDdl {
    }

    /** A statement Trino's grammar accepts; an {@code UNLOAD}'s query stands for the whole statement. */
    record Trino(Statement statement) implements Parsed {
    }

    /** A Hive DDL statement (its first words). */
    record HiveDdl(String words) implements Parsed {
    }

    /**
     * Parses {@code sql}; throws {@link DataPlatformException} naming the position and the problem
     * when it is neither Trino SQL, an UNLOAD of Trino SQL, nor Hive DDL.
     */
    static Parsed parse(String sql) {
        Parsed recent = RECENT.get(sql);
        if (recent == null) {
            recent = read(sql);
            RECENT.put(sql, recent);
        }
        return recent;
    }

    private static Parsed read(String sql) {
        List<? extends Token> tokens = tokens(sql);
        String text = withoutTrailingSemicolon(sql, tokens);
        try {
            return new Trino(PARSER.createStatement(text));
        } catch (ParsingException e) {
            Optional<Parsed> athenaOnly = athenaOnly(text, tokens);
            if (athenaOnly.isPresent()) {
                return athenaOnly.get();
            }
            throw new DataPlatformException("Athena's SQL grammar (Trino's) does not accept the statement: "
                    + e.getErrorMessage() + " at line " + e.getLineNumber() + ":" + e.getColumnNumber(), e);
        }
    }

    /** Parses an execution parameter's literal; empty if it is not an expression. */
    static Optional<Expression> expression(String literal) {
        try {
            return Optional.of(PARSER.createExpression(literal));
        } catch (ParsingException e) {
            return Optional.empty();
        }
    }

    private static Optional<Parsed> athenaOnly(String sql, List<? extends Token> tokens) {
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        String first = tokens.get(0).getText().toUpperCase(Locale.ROOT);
        if (first.equals("UNLOAD") && tokens.size() > 1 && tokens.get(1).getText().equals("(")) {
            int close = matchingParenthesis(tokens, 1);
            if (close > 0) {
                String inner = sql.substring(tokens.get(1).getStopIndex() + 1, tokens.get(close).getStartIndex());
                try {
                    Statement query = PARSER.createStatement(inner);
                    return query instanceof Query ? Optional.of(new Trino(query)) : Optional.empty();
                } catch (ParsingException e) {
                    return Optional.empty();
                }
            }
            return Optional.empty();
        }
        // A Hive DDL statement never holds a query; one that does (a CTAS Trino did not accept) is not DDL.
        boolean holdsQuery = tokens.stream().anyMatch(t -> t.getText().equalsIgnoreCase("SELECT"));
        if (HIVE_DDL.contains(first) && !holdsQuery) {
            StringBuilder words = new StringBuilder();
            for (int i = 0; i < Math.min(3, tokens.size()); i++) {
                words.append(i == 0 ? "" : " ").append(tokens.get(i).getText().toUpperCase(Locale.ROOT));
            }
            return Optional.of(new HiveDdl(words.toString()));
        }
        return Optional.empty();
    }

    private static int matchingParenthesis(List<? extends Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            String t = tokens.get(i).getText();
            if (t.equals("(")) {
                depth++;
            } else if (t.equals(")") && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Athena accepts one statement with an optional trailing semicolon; Trino's grammar does not take the semicolon. */
    private static String withoutTrailingSemicolon(String sql, List<? extends Token> tokens) {
        if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).getText().equals(";")) {
            return sql.substring(0, tokens.get(tokens.size() - 1).getStartIndex());
        }
        return sql;
    }

    /** The statement's tokens on Trino's default channel (no comments or whitespace). */
    private static List<? extends Token> tokens(String sql) {
        SqlBaseLexer lexer = new SqlBaseLexer(CharStreams.fromString(sql));
        lexer.removeErrorListeners();
        return lexer.getAllTokens().stream()
                .filter(t -> t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() != Token.EOF)
                .toList();
    }
}
