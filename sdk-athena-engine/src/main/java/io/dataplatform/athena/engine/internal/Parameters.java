package io.dataplatform.athena.engine.internal;

import io.trino.sql.parser.ParsingException;
import io.trino.sql.parser.SqlParser;
import io.trino.sql.tree.ArithmeticUnaryExpression;
import io.trino.sql.tree.Expression;
import io.trino.sql.tree.Literal;
import java.util.List;

/**
 * Athena's execution parameters: each must be one SQL literal ({@code 'eu'}, {@code 42},
 * {@code DATE '2024-01-31'}), put in place of the {@code ?} markers in order, outside strings,
 * quoted identifiers and comments.
 */
final class Parameters {
    private Parameters() {
    }

    static String bind(String sql, List<String> parameters) {
        for (String parameter : parameters) {
            if (!literal(parameter)) {
                throw new EngineFailure("INVALID_PARAMETER_USAGE", "Execution parameter '" + parameter + "' is not a literal");
            }
        }
        StringBuilder out = new StringBuilder();
        int used = 0;
        int i = 0;
        int markers = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            int end = i + 1;
            if (c == '\'' || c == '"') {
                end = QueryRun.Identifiers.skipQuoted(sql, i, c);
            } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                int newline = sql.indexOf('\n', i);
                end = newline < 0 ? sql.length() : newline;
            } else if (c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                end = close < 0 ? sql.length() : close + 2;
            } else if (c == '?') {
                markers++;
                if (used < parameters.size()) {
                    out.append(parameters.get(used++));
                    i++;
                    continue;
                }
            }
            out.append(sql, i, end);
            i = end;
        }
        if (markers != parameters.size()) {
            throw new EngineFailure("INVALID_PARAMETER_USAGE", "Incorrect number of parameters: expected " + markers
                    + " but found " + parameters.size());
        }
        return out.toString();
    }

    private static boolean literal(String text) {
        try {
            Expression expression = new SqlParser().createExpression(text);
            if (expression instanceof ArithmeticUnaryExpression unary) {
                expression = unary.getValue();
            }
            return expression instanceof Literal;
        } catch (ParsingException e) {
            return false;
        }
    }
}
