package io.dataplatform.athena.internal;

import io.dataplatform.athena.internal.ScopedTokens.Scoped;
import io.dataplatform.athena.internal.SqlAnalysis.Predicate;
import io.dataplatform.athena.internal.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the simple conjuncts of one WHERE clause: {@code col = lit}, {@code lit = col},
 * {@code col IN (lit, ..)}, {@code col <|<=|>|>= lit}, {@code col BETWEEN lit AND lit}. A conjunct
 * must stand alone between AND, the clause ends or grouping parentheses, outside function calls;
 * a literal is a string, a number, {@code DATE '..'}/{@code TIMESTAMP '..'} or a {@code ?} parameter.
 */
final class PredicateReader {
    private final List<Scoped> clause;
    private final List<String> parameters;
    private final int block;
    private final List<Predicate> out;

    PredicateReader(List<Scoped> clause, List<String> parameters, int block, List<Predicate> out) {
        this.clause = clause;
        this.parameters = parameters;
        this.block = block;
        this.out = out;
    }

    void read() {
        for (int i = 0; i < clause.size(); i++) {
            if (clause.get(i).callDepth() == 0 && startsConjunct(i)) {
                conjunct(i);
            }
        }
    }

    private boolean startsConjunct(int i) {
        if (i == 0) {
            return true;
        }
        SqlToken before = clause.get(i - 1).token();
        if (before.isWord("and")) {
            return !partOfBetween(i - 1);
        }
        // A grouping parenthesis holds conjuncts only if the group itself stands alone as one:
        // in (year = '2024') = false the group is compared, and pruning to 2024 would under-estimate.
        return before.isSymbol("(") && clause.get(i - 1).callDepth() == 0 && startsConjunct(i - 1)
                && endsConjunct(SqlAnalyzer.matching(clause, i - 1) + 1);
    }

    /** The AND of {@code x BETWEEN a AND b} does not start a conjunct. */
    private boolean partOfBetween(int and) {
        return and >= 2 && clause.get(and - 2).token().isWord("between")
                || and >= 3 && clause.get(and - 3).token().isWord("between");
    }

    private boolean endsConjunct(int i) {
        return i >= clause.size() || clause.get(i).token().isWord("and") || clause.get(i).token().isSymbol(")");
    }

    private void conjunct(int i) {
        int[] column = column(i);
        if (column != null) {
            String qualifier = column[1] < 0 ? null : text(column[1]);
            String name = text(column[2]);
            int j = column[0];
            if (j < clause.size() && SqlAnalyzer.isComparison(clause.get(j).token())) {
                Literal value = literal(j + 1);
                if (value != null && endsConjunct(value.next)) {
                    add(qualifier, name, clause.get(j).token().text(), value.text);
                }
            } else if (j + 1 < clause.size() && clause.get(j).token().isWord("in") && clause.get(j + 1).token().isSymbol("(")) {
                in(qualifier, name, j + 2);
            } else if (j < clause.size() && clause.get(j).token().isWord("between")) {
                Literal low = literal(j + 1);
                if (low != null && low.next < clause.size() && clause.get(low.next).token().isWord("and")) {
                    Literal high = literal(low.next + 1);
                    if (high != null && endsConjunct(high.next)) {
                        out.add(new Predicate(qualifier, name, List.of(), low.text, true, high.text, true, block));
                    }
                }
            }
            return;
        }
        Literal value = literal(i);
        if (value != null && value.next < clause.size() && SqlAnalyzer.isComparison(clause.get(value.next).token())) {
            int[] col = column(value.next + 1);
            if (col != null && endsConjunct(col[0])) {
                add(col[1] < 0 ? null : text(col[1]), text(col[2]), flip(clause.get(value.next).token().text()), value.text);
            }
        }
    }

    private void in(String qualifier, String name, int j) {
        List<String> values = new ArrayList<>();
        while (true) {
            Literal value = literal(j);
            if (value == null) {
                return;
            }
            values.add(value.text);
            j = value.next + 1;
            SqlToken separator = j - 1 < clause.size() ? clause.get(j - 1).token() : null;
            if (separator != null && separator.isSymbol(")")) {
                if (endsConjunct(j)) {
                    out.add(new Predicate(qualifier, name, values, null, false, null, false, block));
                }
                return;
            }
            if (separator == null || !separator.isSymbol(",")) {
                return;
            }
        }
    }

    private void add(String qualifier, String column, String op, String value) {
        Predicate predicate = switch (op) {
            case "=" -> new Predicate(qualifier, column, List.of(value), null, false, null, false, block);
            case "<" -> new Predicate(qualifier, column, List.of(), null, false, value, false, block);
            case "<=" -> new Predicate(qualifier, column, List.of(), null, false, value, true, block);
            case ">" -> new Predicate(qualifier, column, List.of(), value, false, null, false, block);
            default -> new Predicate(qualifier, column, List.of(), value, true, null, false, block);
        };
        out.add(predicate);
    }

    private static String flip(String op) {
        return switch (op) {
            case "<" -> ">";
            case "<=" -> ">=";
            case ">" -> "<";
            case ">=" -> "<=";
            default -> op;
        };
    }

    /** Returns {next index, qualifier index or -1, name index} for {@code [q.]col} at {@code i}, or null. */
    private int[] column(int i) {
        if (i >= clause.size() || !isColumnName(clause.get(i).token())) {
            return null;
        }
        if (i + 2 < clause.size() && clause.get(i + 1).token().isSymbol(".") && isColumnName(clause.get(i + 2).token())) {
            return new int[] {i + 3, i, i + 2};
        }
        return new int[] {i + 1, -1, i};
    }

    private static boolean isColumnName(SqlToken token) {
        return token.kind() == Kind.QUOTED_ID || token.kind() == Kind.WORD && !token.isWord("date")
                && !token.isWord("timestamp") && !token.isWord("and") && !token.isWord("null")
                && !token.isWord("true") && !token.isWord("false");
    }

    private record Literal(String text, int next) {
    }

    private Literal literal(int i) {
        if (i >= clause.size()) {
            return null;
        }
        SqlToken token = clause.get(i).token();
        return switch (token.kind()) {
            case STRING, NUMBER -> new Literal(token.text(), i + 1);
            case PARAM -> token.param() < parameters.size() ? new Literal(parameters.get(token.param()), i + 1) : null;
            case WORD -> (token.isWord("date") || token.isWord("timestamp")) && i + 1 < clause.size()
                    && clause.get(i + 1).token().kind() == Kind.STRING
                    ? new Literal(clause.get(i + 1).token().text(), i + 2) : null;
            case SYMBOL -> token.isSymbol("-") && i + 1 < clause.size() && clause.get(i + 1).token().kind() == Kind.NUMBER
                    ? new Literal("-" + clause.get(i + 1).token().text(), i + 2) : null;
            default -> null;
        };
    }

    private String text(int i) {
        return clause.get(i).token().text();
    }
}
