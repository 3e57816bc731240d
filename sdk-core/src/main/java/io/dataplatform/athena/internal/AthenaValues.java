package io.dataplatform.athena.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Parses the text Athena returns in GetQueryResults into Java values, by Athena type. */
final class AthenaValues {
    static final Set<String> INTEGERS = Set.of("tinyint", "smallint", "integer");
    static final Set<String> LONGS = Set.of("tinyint", "smallint", "integer", "bigint");
    static final Set<String> FLOATS = Set.of("double", "real", "float");
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter(Locale.ROOT);

    private AthenaValues() {
    }

    /** Returns the base type name: {@code decimal(10,2)} becomes {@code decimal}, {@code array(varchar)} {@code array}. */
    static String baseType(String type) {
        String lower = type == null ? "varchar" : type.toLowerCase(Locale.ROOT).trim();
        int paren = lower.indexOf('(');
        String base = paren < 0 ? lower : lower.substring(0, paren);
        return base.startsWith("timestamp") ? "timestamp" : base.trim();
    }

    static LocalDateTime timestamp(String text) {
        // "timestamp with time zone" values carry a zone after the time; the local part is what is shown.
        String local = text.length() > 19 && text.indexOf(' ', 11) > 0 ? text.substring(0, text.indexOf(' ', 11)) : text;
        return LocalDateTime.parse(local, TIMESTAMP);
    }

    static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    /** Splits {@code [a, b, [c, d]]} into its top-level elements. */
    static List<String> array(String text) {
        String body = text.trim();
        if (body.startsWith("[") && body.endsWith("]")) {
            body = body.substring(1, body.length() - 1);
        }
        List<String> elements = new ArrayList<>();
        if (body.isBlank()) {
            return elements;
        }
        int depth = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '[' || c == '{' || c == '(') {
                depth++;
            } else if (c == ']' || c == '}' || c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                elements.add(body.substring(start, i).trim());
                start = i + 1;
            }
        }
        elements.add(body.substring(start).trim());
        return elements;
    }

    /** Returns the typed value for record mapping: numbers, booleans, dates and lists by type, else the text. */
    static Object typed(String type, String text) {
        if (text == null) {
            return null;
        }
        return switch (baseType(type)) {
            case "tinyint", "smallint", "integer", "bigint" -> Long.parseLong(text);
            case "double", "real", "float" -> Double.parseDouble(text);
            case "decimal" -> new BigDecimal(text);
            case "boolean" -> Boolean.parseBoolean(text);
            case "date" -> date(text);
            case "timestamp" -> timestamp(text);
            case "array" -> array(text);
            default -> text;
        };
    }
}
