package io.dataplatform.athena.internal;

import io.dataplatform.internal.Checks;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders parameter values as Athena execution parameters. Athena substitutes each execution
 * parameter as a SQL literal ("for varchar values, surround the value in single quotes"), so a
 * string is quoted here with its quotes doubled: {@code O'Brien} travels as {@code 'O''Brien'}
 * and can never close the literal and become SQL.
 */
final class SqlLiterals {
    /** Athena's limit on one execution parameter. */
    static final int MAX_PARAMETER_LENGTH = 1024;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private SqlLiterals() {
    }

    /**
     * The parameters of one query as the SQL literals Athena substitutes; the estimate reads the
     * same literals with Trino's parser.
     */
    record Parameters(List<String> rendered) {
        static final Parameters NONE = new Parameters(List.of());

        Parameters {
            rendered = List.copyOf(rendered);
        }
    }

    static Parameters of(Object... values) {
        Checks.notNull(values, "parameters");
        List<String> rendered = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            Checks.require(value != null, "parameters[%s] must not be null: SQL NULL equals nothing; write IS NULL in the SQL", i);
            String literal = render(value, i);
            Checks.require(literal.length() <= MAX_PARAMETER_LENGTH,
                    "parameters[%s] must render to at most %s characters (Athena's limit), but rendered to %s",
                    i, MAX_PARAMETER_LENGTH, literal.length());
            rendered.add(literal);
        }
        return new Parameters(rendered);
    }

    private static String render(Object value, int index) {
        if (value instanceof String s) {
            return "'" + s.replace("'", "''") + "'";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            Checks.require(Double.isFinite(d), "parameters[%s] must be a finite number, but was %s", index, value);
            return value.toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        if (value instanceof LocalDate date) {
            return "DATE '" + date + "'";
        }
        if (value instanceof LocalDateTime time) {
            return "TIMESTAMP '" + TIMESTAMP.format(time) + "'";
        }
        throw new IllegalArgumentException(String.format(
                "parameters[%s] must be a String, Number, Boolean, LocalDate or LocalDateTime, but was %s",
                index, value.getClass().getName()));
    }
}
