package io.dataplatform.testing.internal.glue;

import io.dataplatform.glue.GlueType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Infers the Glue type of one text cell, as Glue's CSV classifier does. */
final class ValueTypes {
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,19}");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][-+]?\\d+)?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?");

    private ValueTypes() {
    }

    /** Returns the type of {@code cell}, or null for an empty cell (which tells nothing). */
    static GlueType of(String cell) {
        String value = cell.trim();
        if (value.isEmpty()) {
            return null;
        }
        if (INTEGER.matcher(value).matches()) {
            try {
                Long.parseLong(value);
                return GlueType.BIGINT;
            } catch (NumberFormatException tooBig) {
                return GlueType.DOUBLE;
            }
        }
        if (DECIMAL.matcher(value).matches()) {
            return GlueType.DOUBLE;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
            return GlueType.BOOLEAN;
        }
        if (DATE.matcher(value).matches() && parses(() -> LocalDate.parse(value))) {
            return GlueType.DATE;
        }
        if (TIMESTAMP.matcher(value).matches()
                && parses(() -> LocalDateTime.parse(value.replace(' ', 'T'), DateTimeFormatter.ISO_LOCAL_DATE_TIME))) {
            return GlueType.TIMESTAMP;
        }
        return GlueType.STRING;
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Lower-cases a header or field name and replaces what Hive cannot take with '_'. */
    static String columnName(String raw, int index) {
        String name = raw.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (name.length() > 255) {
            name = name.substring(0, 255);
        }
        return name.isEmpty() || name.chars().allMatch(c -> c == '_') ? "col" + index : name;
    }
}
