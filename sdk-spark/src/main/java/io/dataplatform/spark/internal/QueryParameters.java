package io.dataplatform.spark.internal;

import java.util.List;
import org.apache.spark.sql.catalyst.CatalystTypeConverters;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.Literal;
import org.apache.spark.sql.catalyst.parser.ParserInterface;

/**
 * Athena execution parameters (literal texts such as {@code 'eu'}, {@code 42}, {@code 1.5},
 * {@code true}, {@code DATE '2024-01-31'}) bound to the statement's {@code ?} markers, in order, as
 * Spark query parameters. Each must parse as one literal, so a value is never SQL: {@code 'x' OR 1=1}
 * is refused instead of being spliced into the statement.
 */
final class QueryParameters {
    private QueryParameters() {
    }

    /**
     * Returns the values of {@code parameters} for Spark's positional parameters.
     *
     * @throws IllegalArgumentException naming the parameter if it is not a single literal, or if
     *         the number of parameters differs from the number of {@code ?} markers in {@code sql}
     */
    static Object[] values(ParserInterface parser, String sql, List<String> parameters) throws Exception {
        int markers = AthenaDialect.parameterMarkers(sql);
        if (markers != parameters.size()) {
            throw new IllegalArgumentException("Invalid execution parameters: the statement has " + markers
                    + " '?' marker(s) but " + parameters.size() + " parameter(s) were given");
        }
        Object[] values = new Object[parameters.size()];
        for (int i = 0; i < values.length; i++) {
            String text = parameters.get(i);
            Expression parsed;
            try {
                parsed = text == null ? null : parser.parseExpression(text);
            } catch (Exception e) {
                parsed = null;
            }
            if (!(parsed instanceof Literal literal)) {
                throw new IllegalArgumentException("Invalid execution parameter " + (i + 1) + " '" + text
                        + "': must be one literal such as 'text', 42, 1.5, true or DATE '2024-01-31'");
            }
            values[i] = CatalystTypeConverters.convertToScala(literal.value(), literal.dataType());
        }
        return values;
    }
}
