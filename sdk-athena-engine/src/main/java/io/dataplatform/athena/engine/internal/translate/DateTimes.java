package io.dataplatform.athena.engine.internal.translate;

import io.trino.sql.tree.Extract;
import io.trino.sql.tree.Node;
import java.util.Locale;

/** Trino's date and time functions and format patterns (MySQL-style and Joda) on DuckDB. */
final class DateTimes {
    private DateTimes() {
    }

    static Typed extract(ExpressionTranslator tr, Extract x) {
        Typed v = tr.translate(x.getExpression());
        requireTemporal(v, x, "extract");
        return field(x.getField().name().toLowerCase(Locale.ROOT), v, x);
    }

    static void requireTemporal(Typed v, Node node, String fn) {
        if (!v.type().isTemporal() && !v.type().is("unknown")) {
            throw Errors.at("FUNCTION_NOT_FOUND", node, "Unexpected parameters (" + v.type() + ") for function " + fn);
        }
    }

    /** A date part as a bigint; {@code field} is Trino's name (year, dow, day_of_week, ...). */
    static Typed field(String field, Typed v, Node node) {
        String fn = switch (field) {
            case "year" -> "year";
            case "quarter" -> "quarter";
            case "month" -> "month";
            case "week", "week_of_year" -> "week";
            case "day", "day_of_month" -> "day";
            case "day_of_week", "dow" -> "isodow";
            case "day_of_year", "doy" -> "dayofyear";
            case "year_of_week", "yow" -> "isoyear";
            case "hour" -> "hour";
            case "minute" -> "minute";
            case "second" -> "second";
            case "millisecond" -> "trino_millisecond";
            default -> throw Errors.notSupported(node, "The date part " + field);
        };
        if (v.type().is("date") && (fn.equals("hour") || fn.equals("minute") || fn.equals("second"))) {
            throw Errors.at("FUNCTION_NOT_FOUND", node, "Unexpected parameters (date) for function " + field);
        }
        return new Typed("CAST(" + fn + "(" + v.sql() + ") AS BIGINT)", TrinoType.BIGINT);
    }

    /** The DuckDB interval unit for Trino's unit string (date_add, date_diff, date_trunc). */
    static String unit(String unit, Node node) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "millisecond" -> "millisecond";
            case "second" -> "second";
            case "minute" -> "minute";
            case "hour" -> "hour";
            case "day" -> "day";
            case "week" -> "week";
            case "month" -> "month";
            case "quarter" -> "quarter";
            case "year" -> "year";
            default -> throw Errors.at("INVALID_FUNCTION_ARGUMENT", node, "'" + unit + "' is not a valid Timestamp field");
        };
    }

    /** Converts a MySQL-style format (date_format, date_parse) to DuckDB's strftime/strptime format. */
    static String mysqlFormat(String format, Node node, boolean parsing) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                out.append(c);
                continue;
            }
            char s = format.charAt(++i);
            String d = switch (s) {
                case 'Y' -> "%Y";
                case 'y' -> "%y";
                case 'm' -> "%m";
                case 'c' -> "%-m";
                case 'd' -> "%d";
                case 'e' -> "%-d";
                case 'H' -> "%H";
                case 'k' -> "%-H";
                case 'h', 'I' -> "%I";
                case 'l' -> "%-I";
                case 'i' -> "%M";
                case 's', 'S' -> "%S";
                case 'f' -> "%f";
                case 'b' -> "%b";
                case 'M' -> "%B";
                case 'W' -> "%A";
                case 'a' -> "%a";
                case 'j' -> "%j";
                case 'p' -> "%p";
                case 'T' -> "%H:%M:%S";
                case 'r' -> "%I:%M:%S %p";
                case '%' -> "%%";
                // Trino's %v and %x are Joda's week of weekyear and weekyear: ISO weeks, as DuckDB's %V and %G.
                case 'v', 'x' -> {
                    if (parsing) {
                        throw Errors.notSupported(node, "The date_parse specifier %" + s);
                    }
                    yield s == 'v' ? "%V" : "%G";
                }
                // Trino fails on these (DateTimeFunctions.createDateTimeFormatter) and takes any other %x as the letter x.
                case 'w', 'U', 'u', 'V', 'X', 'D' -> throw Errors.at("INVALID_FUNCTION_ARGUMENT", node,
                        "%" + s + " not supported in date format string");
                default -> Character.isLetterOrDigit(s) ? String.valueOf(s)
                        : throw0(Errors.notSupported(node, "The date format specifier %" + s));
            };
            out.append(d);
        }
        return out.toString();
    }

    private static String throw0(RuntimeException e) {
        throw e;
    }

    /** Converts a Joda-Time pattern (format_datetime, parse_datetime) to DuckDB's strftime format. */
    static String jodaFormat(String pattern, Node node) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                int end = pattern.indexOf('\'', i + 1);
                if (end < 0) {
                    end = pattern.length();
                }
                out.append(end == i + 1 ? "'" : pattern.substring(i + 1, end).replace("%", "%%"));
                i = end + 1;
                continue;
            }
            if (!Character.isLetter(c)) {
                out.append(c == '%' ? "%%" : String.valueOf(c));
                i++;
                continue;
            }
            int n = 1;
            while (i + n < pattern.length() && pattern.charAt(i + n) == c) {
                n++;
            }
            String d = switch (c) {
                case 'y', 'Y' -> n == 2 ? "%y" : "%Y";
                case 'M' -> n == 1 ? "%-m" : n == 2 ? "%m" : n == 3 ? "%b" : "%B";
                case 'd' -> n == 1 ? "%-d" : "%d";
                case 'H' -> n == 1 ? "%-H" : "%H";
                case 'h' -> n == 1 ? "%-I" : "%I";
                case 'm' -> n == 1 ? "%-M" : "%M";
                case 's' -> n == 1 ? "%-S" : "%S";
                case 'S' -> n <= 3 ? "%g" : "%f";
                case 'a' -> "%p";
                case 'E' -> n <= 3 ? "%a" : "%A";
                case 'D' -> n == 3 ? "%j" : "%-j";
                case 'Z' -> "%z";
                case 'z' -> "%Z";
                default -> throw Errors.notSupported(node, "The Joda pattern letter " + c);
            };
            out.append(d);
            i += n;
        }
        return out.toString();
    }
}
