package io.dataplatform.athena.internal;

import io.dataplatform.athena.internal.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits SQL into tokens: comments ({@code --} and {@code /* *}{@code /}) dropped, string literals
 * with {@code ''} escapes, {@code "quoted"} and {@code `backquoted`} identifiers with doubled-quote
 * escapes, numbers, {@code ?} placeholders and symbols. Enough to find tables, partition predicates
 * and placeholders without a SQL library; it does not validate the grammar.
 */
final class SqlLexer {
    private final String sql;
    private int pos;
    private int params;
    private final List<SqlToken> tokens = new ArrayList<>();

    private SqlLexer(String sql) {
        this.sql = sql;
    }

    /** Returns the tokens of {@code sql}; fails on an unterminated literal, identifier or comment. */
    static List<SqlToken> tokenize(String sql) {
        SqlLexer lexer = new SqlLexer(sql);
        lexer.run();
        return List.copyOf(lexer.tokens);
    }

    private void run() {
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (sql.startsWith("--", pos)) {
                int end = sql.indexOf('\n', pos);
                pos = end < 0 ? sql.length() : end + 1;
            } else if (sql.startsWith("/*", pos)) {
                int end = sql.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw invalid("unterminated comment", pos);
                }
                pos = end + 2;
            } else if (c == '\'') {
                int start = pos;
                tokens.add(SqlToken.of(Kind.STRING, quoted('\'', "string literal"), start));
            } else if (c == '"' || c == '`') {
                int start = pos;
                tokens.add(SqlToken.of(Kind.QUOTED_ID, quoted(c, "quoted identifier").toLowerCase(Locale.ROOT), start));
            } else if (c == '?') {
                tokens.add(new SqlToken(Kind.PARAM, "?", pos++, params++));
            } else if (Character.isDigit(c) || (c == '.' && pos + 1 < sql.length() && Character.isDigit(sql.charAt(pos + 1)))) {
                number();
            } else if (Character.isLetter(c) || c == '_') {
                int start = pos;
                while (pos < sql.length() && (Character.isLetterOrDigit(sql.charAt(pos)) || sql.charAt(pos) == '_'
                        || sql.charAt(pos) == '$')) {
                    pos++;
                }
                tokens.add(SqlToken.of(Kind.WORD, sql.substring(start, pos), start));
            } else {
                symbol();
            }
        }
    }

    /** Reads a literal delimited by {@code quote}; a doubled quote stands for one. */
    private String quoted(char quote, String what) {
        int start = pos;
        StringBuilder text = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= sql.length()) {
                throw invalid("unterminated " + what, start);
            }
            char c = sql.charAt(pos++);
            if (c == quote) {
                if (pos < sql.length() && sql.charAt(pos) == quote) {
                    text.append(quote);
                    pos++;
                } else {
                    return text.toString();
                }
            } else {
                text.append(c);
            }
        }
    }

    private void number() {
        int start = pos;
        while (pos < sql.length() && (Character.isDigit(sql.charAt(pos)) || sql.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < sql.length() && (sql.charAt(pos) == 'e' || sql.charAt(pos) == 'E')) {
            pos++;
            if (pos < sql.length() && (sql.charAt(pos) == '+' || sql.charAt(pos) == '-')) {
                pos++;
            }
            while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
                pos++;
            }
        }
        tokens.add(SqlToken.of(Kind.NUMBER, sql.substring(start, pos), start));
    }

    private void symbol() {
        for (String two : new String[] {"<=", ">=", "<>", "!=", "||", "->", "=>"}) {
            if (sql.startsWith(two, pos)) {
                tokens.add(SqlToken.of(Kind.SYMBOL, two, pos));
                pos += 2;
                return;
            }
        }
        tokens.add(SqlToken.of(Kind.SYMBOL, String.valueOf(sql.charAt(pos)), pos));
        pos++;
    }

    private static IllegalArgumentException invalid(String problem, int at) {
        return new IllegalArgumentException("Invalid SQL: " + problem + " starting at position " + at);
    }
}
