package io.dataplatform.glue.etl;

import io.dataplatform.glue.internal.GlueNames;
import io.dataplatform.internal.Checks;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A row filter of an ETL mapping on a source column. Values are rendered as typed Spark SQL literals
 * (strings quoted and escaped, dates as {@code DATE '...'}), never spliced in as text.
 *
 * <pre>{@code
 * EtlFilter.of("amount", EtlFilter.Operator.GREATER_THAN, 0);
 * EtlFilter.isNotNull("customer_id");
 * }</pre>
 *
 * @param column   the source column
 * @param operator the comparison
 * @param values   the operand(s): none for the null checks, one or more for {@code IN}, else one
 */
public record EtlFilter(String column, Operator operator, List<Object> values) {

    /** The comparisons a filter makes. */
    public enum Operator {
        /** {@code =}. */
        EQUALS("="),
        /** {@code <>}. */
        NOT_EQUALS("<>"),
        /** {@code <}. */
        LESS_THAN("<"),
        /** {@code <=}. */
        LESS_THAN_OR_EQUAL("<="),
        /** {@code >}. */
        GREATER_THAN(">"),
        /** {@code >=}. */
        GREATER_THAN_OR_EQUAL(">="),
        /** {@code IN (...)}. */
        IN("IN"),
        /** {@code IS NULL}. */
        IS_NULL("IS NULL"),
        /** {@code IS NOT NULL}. */
        IS_NOT_NULL("IS NOT NULL");

        private final String sql;

        Operator(String sql) {
            this.sql = sql;
        }
    }

    /** Validates the column, the operands and their types (strings, numbers, booleans, dates). */
    public EtlFilter {
        GlueNames.checkColumn(Checks.notNull(column, "column"));
        Checks.notNull(operator, "operator");
        values = Checks.copyOf(values, "values");
        boolean nullCheck = operator == Operator.IS_NULL || operator == Operator.IS_NOT_NULL;
        Checks.require(nullCheck ? values.isEmpty() : operator == Operator.IN ? !values.isEmpty() : values.size() == 1,
                "Invalid filter on '%s': %s takes %s, but got %s value(s)", column, operator,
                nullCheck ? "no value" : operator == Operator.IN ? "one or more values" : "one value", values.size());
        for (Object value : values) {
            Checks.require(value instanceof String || value instanceof Number || value instanceof Boolean
                            || value instanceof LocalDate,
                    "Invalid filter value %s on '%s': must be a String, Number, Boolean or LocalDate", value, column);
        }
    }

    /** Returns the filter {@code column operator value}. */
    public static EtlFilter of(String column, Operator operator, Object value) {
        return new EtlFilter(column, operator, List.of(Checks.notNull(value, "value")));
    }

    /** Returns the filter {@code column IN (values...)}. */
    public static EtlFilter in(String column, Object... values) {
        return new EtlFilter(column, Operator.IN, java.util.Arrays.asList(Checks.notNull(values, "values")));
    }

    /** Returns the filter {@code column IS NOT NULL}. */
    public static EtlFilter isNotNull(String column) {
        return new EtlFilter(column, Operator.IS_NOT_NULL, List.of());
    }

    /** Returns the filter {@code column IS NULL}. */
    public static EtlFilter isNull(String column) {
        return new EtlFilter(column, Operator.IS_NULL, List.of());
    }

    /** Returns the filter as a Spark SQL condition. */
    public String sql() {
        String left = EtlMapping.quote(column) + " " + operator.sql;
        return switch (operator) {
            case IS_NULL, IS_NOT_NULL -> left;
            case IN -> left + " (" + String.join(", ", values.stream().map(EtlFilter::literal).toList()) + ")";
            default -> left + " " + literal(values.get(0));
        };
    }

    private static String literal(Object value) {
        if (value instanceof String s) {
            return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        if (value instanceof LocalDate d) {
            return "DATE '" + d + "'";
        }
        if (value instanceof BigDecimal b) {
            return b.toPlainString() + "BD";
        }
        return String.valueOf(value);
    }
}
