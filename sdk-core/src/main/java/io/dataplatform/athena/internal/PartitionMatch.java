package io.dataplatform.athena.internal;

import io.dataplatform.athena.sql.StatementReads.KeyCondition;
import io.dataplatform.athena.sql.StatementReads.Literal;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a partition may hold rows meeting a condition, comparing in the partition key's
 * catalog type with Trino's coercions, as Athena does: a {@code date} key against
 * {@code TIMESTAMP '2024-01-01 00:00:00'} compares as timestamps, a partition stored as
 * {@code 2024-1-3} is the date 2024-01-03. It answers "may match" whenever it cannot be sure: a
 * value it cannot interpret, a literal of a type Trino would not compare with the key (the query
 * then fails and reads nothing), a key type it does not model. Keeping a partition keeps the
 * estimate an upper bound.
 */
final class PartitionMatch {
    /** Hive's partition dates and timestamps: digits may be unpadded, as Hive's lenient parsing allows. */
    private static final Pattern DATE = Pattern.compile("(\\d{1,4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "(\\d{1,4})-(\\d{1,2})-(\\d{1,2})(?:[ T](\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,9}))?)?)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    private PartitionMatch() {
    }

    /** The ways a key type compares. */
    private enum Domain { STRING, EXACT_NUMBER, REAL, DOUBLE, DATE, TIMESTAMP, UNKNOWN }

    /** Returns false only if a partition whose key of {@code keyType} holds {@code value} certainly fails {@code condition}. */
    static boolean mayMatch(String keyType, String value, KeyCondition condition) {
        String type = keyType == null ? "" : keyType.toLowerCase(Locale.ROOT).trim();
        Domain domain = domain(type);
        if (value == null || domain == Domain.UNKNOWN) {
            return true;
        }
        if (!condition.values().isEmpty()) {
            for (Literal literal : condition.values()) {
                Integer c = compare(domain, type, value, literal);
                if (c == null || c == 0) {
                    return true;
                }
            }
            return false;
        }
        if (condition.lower() != null) {
            Integer c = compare(domain, type, value, condition.lower());
            if (c != null && (c < 0 || c == 0 && !condition.lowerInclusive())) {
                return false;
            }
        }
        if (condition.upper() != null) {
            Integer c = compare(domain, type, value, condition.upper());
            return c == null || c < 0 || c == 0 && condition.upperInclusive();
        }
        return true;
    }

    private static Domain domain(String type) {
        if (type.equals("string") || type.startsWith("varchar")) {
            return Domain.STRING;
        }
        if (type.matches("tinyint|smallint|int|integer|bigint") || type.startsWith("decimal")) {
            return Domain.EXACT_NUMBER;
        }
        return switch (type) {
            case "float", "real" -> Domain.REAL;
            case "double" -> Domain.DOUBLE;
            case "date" -> Domain.DATE;
            case "timestamp" -> Domain.TIMESTAMP;
            default -> Domain.UNKNOWN;   // char(n) pads, boolean and others: never pruned
        };
    }

    /**
     * Compares the partition value with the literal as Trino would after coercing both to a common
     * type; null when Trino has no such comparison (varchar = integer fails the query) or a side
     * cannot be read.
     */
    private static Integer compare(Domain domain, String type, String value, Literal literal) {
        Literal.Type kind = literal.type();
        return switch (domain) {
            case STRING -> kind == Literal.Type.STRING ? codePointCompare(value, literal.text()) : null;
            case EXACT_NUMBER -> kind == Literal.Type.NUMBER
                    ? compare(type.startsWith("decimal") || INTEGER.matcher(value.trim()).matches() ? decimal(value) : null,
                              decimal(literal.text())) : null;
            case REAL, DOUBLE -> kind == Literal.Type.NUMBER ? compareFloating(domain, value, literal.text()) : null;
            case DATE -> kind == Literal.Type.DATE ? compare(date(value), date(literal.text()))
                    : kind == Literal.Type.TIMESTAMP ? compare(atMidnight(date(value)), timestamp(literal.text())) : null;
            case TIMESTAMP -> kind == Literal.Type.DATE || kind == Literal.Type.TIMESTAMP
                    ? compare(timestamp(value), timestamp(literal.text())) : null;
            case UNKNOWN -> null;
        };
    }

    private static <T extends Comparable<? super T>> Integer compare(T a, T b) {
        return a == null || b == null ? null : Integer.signum(a.compareTo(b));
    }

    private static Integer compareFloating(Domain domain, String value, String literal) {
        try {
            double a = Double.parseDouble(value.trim());
            double b = Double.parseDouble(literal.trim());
            if (Double.isNaN(a) || Double.isNaN(b)) {
                return null;
            }
            return domain == Domain.REAL ? Float.compare((float) a, (float) b) : Double.compare(a, b);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDateTime atMidnight(LocalDate date) {
        return date == null ? null : date.atStartOfDay();
    }

    /** Trino orders varchar by code point (UTF-8 byte order), which Java's UTF-16 {@code compareTo} does not. */
    private static int codePointCompare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.signum((a.length() - i) - (b.length() - j));
    }

    private static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(String text) {
        Matcher m = DATE.matcher(text.trim());
        try {
            return m.matches() ? LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))) : null;
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static LocalDateTime timestamp(String text) {
        Matcher m = TIMESTAMP.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            if (m.group(4) == null) {
                return day.atStartOfDay();
            }
            String fraction = m.group(7) == null ? "0" : (m.group(7) + "000000000").substring(0, 9);
            return day.atTime(LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), Integer.parseInt(fraction)));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
