package io.dataplatform.athena.engine.internal.translate;

import io.dataplatform.athena.engine.internal.translate.Functions.Call;
import java.util.List;

/** Trino's date and time functions; {@link #call} returns null for a name it does not know. */
final class DateTimeFunctions {
    private DateTimeFunctions() {
    }

    static boolean temporal(Call c, int i) {
        return c.type(i).isTemporal() || c.type(i).is("unknown");
    }

    /** A parse that yields NULL on bad input ({@code tryParse}) made to fail as Trino's does, except under try(). */
    private static String parsed(Call c, String tryParse, String duckDbType) {
        String value = "CAST(" + tryParse + " AS " + duckDbType + ")";
        if (c.tr().inTry) {
            return value;
        }
        return "(CASE WHEN " + c.sql(0) + " IS NOT NULL AND " + tryParse + " IS NULL THEN error('INVALID_FUNCTION_ARGUMENT: "
                + "Invalid format: \"' || " + c.sql(0) + " || '\"') ELSE " + value + " END)";
    }

    /**
     * Trino parses from_iso8601_date's text with Joda's ISO date-element parser: a calendar date (yyyy, yyyy-MM or
     * yyyy-MM-dd), an ordinal date (yyyy-DDD) or a week date (xxxx-Www or xxxx-Www-e, the week-based year's ISO
     * week and weekday). NULL where the text is none of them or names no day.
     */
    private static String iso8601Date(String text) {
        String s = "CAST(" + text + " AS VARCHAR)";
        String year = "CAST(substr(" + s + ", 1, 4) AS INTEGER)";
        String jan1 = "make_date(" + year + ", 1, 1)";
        String ordinal = "CAST(substr(" + s + ", 6, 3) AS INTEGER)";
        String week = "CAST(substr(" + s + ", 7, 2) AS INTEGER)";
        String weekday = "(CASE WHEN length(" + s + ") = 10 THEN CAST(substr(" + s + ", 10, 1) AS INTEGER) ELSE 1 END)";
        String jan4 = "make_date(" + year + ", 1, 4)";
        String weekDate = "(" + jan4 + " - CAST(isodow(" + jan4 + ") - 1 AS INTEGER) + ((" + week + " - 1) * 7 + " + weekday
                + " - 1))";
        return "(CASE WHEN regexp_full_match(" + s + ", '[0-9]{4}') THEN " + jan1
                + " WHEN regexp_full_match(" + s + ", '[0-9]{4}-[0-9]{2}') THEN (CASE WHEN CAST(substr(" + s
                + ", 6, 2) AS INTEGER) BETWEEN 1 AND 12 THEN make_date(" + year + ", CAST(substr(" + s + ", 6, 2) AS INTEGER), 1) END)"
                + " WHEN regexp_full_match(" + s + ", '[0-9]{4}-[0-9]{3}') THEN (CASE WHEN " + ordinal + " BETWEEN 1 AND "
                + "(CASE WHEN (" + year + " % 4 = 0 AND " + year + " % 100 <> 0) OR " + year + " % 400 = 0 THEN 366 ELSE 365 END)"
                + " THEN CAST(" + jan1 + " + (" + ordinal + " - 1) AS DATE) END)"
                + " WHEN regexp_full_match(" + s + ", '[0-9]{4}-[Ww][0-9]{2}(-[1-7])?') THEN (CASE WHEN " + week
                + " BETWEEN 1 AND 53 AND isoyear(CAST(" + weekDate + " AS DATE)) = " + year + " THEN CAST(" + weekDate
                + " AS DATE) END)"
                + " WHEN regexp_full_match(" + s + ", '[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}') THEN TRY_CAST(" + s + " AS DATE) END)";
    }

    /** The numeric fields of date_parse's format with java.time's names and ranges, which Trino's errors quote. */
    private static final java.util.Map<Character, String[]> FIELDS = java.util.Map.of(
            'm', new String[] {"MonthOfYear", "1", "12", "[0-9]{2}"}, 'c', new String[] {"MonthOfYear", "1", "12", "[0-9]{1,2}"},
            'd', new String[] {"DayOfMonth", "1", "31", "[0-9]{2}"}, 'e', new String[] {"DayOfMonth", "1", "31", "[0-9]{1,2}"},
            'H', new String[] {"HourOfDay", "0", "23", "[0-9]{2}"}, 'k', new String[] {"HourOfDay", "0", "23", "[0-9]{1,2}"},
            'i', new String[] {"MinuteOfHour", "0", "59", "[0-9]{2}"}, 's', new String[] {"SecondOfMinute", "0", "59", "[0-9]{2}"},
            'S', new String[] {"SecondOfMinute", "0", "59", "[0-9]{2}"});

    /**
     * For a date_parse format of numeric fields and punctuation only: a DuckDB expression giving the error
     * Trino's parser (java.time) reports for text of the format's shape with a field out of its range
     * ({@code Invalid value for MonthOfYear (valid values 1 - 12): 13}), NULL otherwise; null for other formats.
     * Date fields are checked before time fields, as java.time resolves them.
     */
    private static String fieldError(String text, String format) {
        StringBuilder regex = new StringBuilder("^");
        List<Character> groups = new java.util.ArrayList<>();
        for (int i = 0; i < format.length(); i++) {
            char ch = format.charAt(i);
            if (ch == '%' && i + 1 < format.length()) {
                char f = format.charAt(++i);
                if (f == 'Y') {
                    regex.append("[0-9]{4}");
                } else if (FIELDS.containsKey(f)) {
                    regex.append('(').append(FIELDS.get(f)[3]).append(')');
                    groups.add(f);
                } else {
                    return null;
                }
            } else if (Character.isLetterOrDigit(ch) || ch == '\'' || ch == '\\') {
                return null;
            } else if (ch == ' ') {
                regex.append(ch);
            } else {
                regex.append('\\').append(ch);
            }
        }
        if (groups.isEmpty()) {
            return null;
        }
        String pattern = Sql.string(regex.append('$').toString());
        StringBuilder sql = new StringBuilder("CASE");
        for (String name : List.of("MonthOfYear", "DayOfMonth", "HourOfDay", "MinuteOfHour", "SecondOfMinute")) {
            for (int g = 0; g < groups.size(); g++) {
                String[] field = FIELDS.get(groups.get(g));
                if (!field[0].equals(name)) {
                    continue;
                }
                String v = "TRY_CAST(regexp_extract(" + text + ", " + pattern + ", " + (g + 1) + ") AS INTEGER)";
                String range = name.equals("DayOfMonth") ? "1 - 28/31" : field[1] + " - " + field[2];
                sql.append(" WHEN ").append(v).append(" NOT BETWEEN ").append(field[1]).append(" AND ").append(field[2])
                        .append(" THEN 'Invalid value for ").append(name).append(" (valid values ").append(range).append("): ' || ")
                        .append(v);
            }
        }
        return sql.append(" END").toString();
    }

    static Typed call(Call c) {
        switch (c.name()) {
            case "human_readable_seconds":
                c.arity(1);
                c.require(c.type(0).isNumeric() || c.type(0).is("unknown"));
                return new Typed("trino_human_readable_seconds(CAST(" + c.sql(0) + " AS DOUBLE))", TrinoType.VARCHAR);
            case "date_add": {
                c.arity(3);
                String unit = DateTimes.unit(c.literal(0), c.node());
                TrinoType t = c.type(2);
                c.require(c.type(2).isTemporal() || c.type(2).is("unknown"));
                if (t.is("date") && List.of("hour", "minute", "second", "millisecond").contains(unit)) {
                    throw Errors.at("INVALID_FUNCTION_ARGUMENT", c.node(), "'" + unit + "' is not a valid DATE field");
                }
                return new Typed("CAST((" + c.sql(2) + " + to_" + (unit.equals("millisecond") ? "milliseconds" : unit + "s")
                        + "(CAST(" + c.sql(1) + " AS " + (unit.equals("millisecond") || unit.equals("second") ? "BIGINT" : "INTEGER")
                        + "))) AS " + t.duckDb() + ")", t);
            }
            case "date_diff": {
                c.arity(3);
                String unit = DateTimes.unit(c.literal(0), c.node());
                c.require(temporal(c, 1) && temporal(c, 2));
                return new Typed("CAST(date_sub(" + Sql.string(unit) + ", " + c.sql(1) + ", " + c.sql(2) + ") AS BIGINT)",
                        TrinoType.BIGINT);
            }
            case "date_trunc": {
                c.arity(2);
                String unit = DateTimes.unit(c.literal(0), c.node());
                c.require(temporal(c, 1));
                if (c.type(1).is("date") && List.of("hour", "minute", "second", "millisecond").contains(unit)) {
                    // Trino's date_trunc(unit, date) takes only date fields (getDateField), as date_add does.
                    throw Errors.at("INVALID_FUNCTION_ARGUMENT", c.node(), "'" + c.literal(0) + "' is not a valid DATE field");
                }
                return new Typed("CAST(date_trunc(" + Sql.string(unit) + ", " + c.sql(1) + ") AS " + c.type(1).duckDb() + ")",
                        c.type(1));
            }
            case "year", "quarter", "month", "week", "week_of_year", "day", "day_of_month", "day_of_week", "dow", "day_of_year",
                    "doy", "year_of_week", "yow", "hour", "minute", "second", "millisecond":
                c.arity(1);
                if (c.type(0).base().startsWith("interval")) {
                    return intervalField(c);
                }
                c.require(c.type(0).isTemporal() || c.type(0).is("unknown"));
                return DateTimes.field(c.name(), c.args().get(0), c.node());
            case "to_milliseconds":
                c.arity(1);
                c.require(c.type(0).is("interval day to second"));
                return new Typed(millis(c.sql(0)), TrinoType.BIGINT);
            case "last_day_of_month":
                c.arity(1);
                c.require(temporal(c, 0));
                return new Typed("last_day(" + c.sql(0) + ")", TrinoType.DATE);
            case "date":
                c.arity(1);
                return new Typed(Casts.cast(c.args().get(0), TrinoType.DATE, c.tr().inTry, c.node()), TrinoType.DATE);
            case "date_format":
                c.arity(2);
                c.require(temporal(c, 0));
                return new Typed("strftime(" + c.sql(0) + ", " + Sql.string(DateTimes.mysqlFormat(c.literal(1), c.node(), false)) + ")",
                        TrinoType.VARCHAR);
            case "date_parse": {
                c.arity(2);
                c.require(c.stringArg(0));
                String tryParse = "try_strptime(" + c.sql(0) + ", " + Sql.string(DateTimes.mysqlFormat(c.literal(1), c.node(), true)) + ")";
                if (c.literal(1).replace("%%", "").contains("%y")) {
                    // Trino reads %y with Joda's pivot 2020 (70 is 1970, 69 is 2069); DuckDB reads 69 as 1969.
                    tryParse = "(CASE WHEN year(" + tryParse + ") = 1969 THEN " + tryParse + " + INTERVAL 100 YEAR ELSE " + tryParse + " END)";
                }
                String fieldError = c.tr().inTry ? null : fieldError(c.sql(0), c.literal(1));
                String value = parsed(c, tryParse, "TIMESTAMP");
                return new Typed(fieldError == null ? value : "(CASE WHEN " + tryParse + " IS NULL AND " + fieldError + " IS NOT NULL THEN "
                        + "error('INVALID_FUNCTION_ARGUMENT: Text ''' || " + c.sql(0) + " || ''' could not be parsed: ' || " + fieldError
                        + ") ELSE " + value + " END)", TrinoType.TIMESTAMP);
            }
            case "format_datetime":
                c.arity(2);
                c.require(temporal(c, 0));
                return new Typed("strftime(" + c.sql(0) + ", " + Sql.string(DateTimes.jodaFormat(c.literal(1), c.node())) + ")",
                        TrinoType.VARCHAR);
            case "parse_datetime":
                c.arity(2);
                c.require(c.stringArg(0));
                return new Typed(parsed(c, "try_strptime(" + c.sql(0) + ", " + Sql.string(DateTimes.jodaFormat(c.literal(1), c.node()))
                        + ")", "TIMESTAMPTZ"), TrinoType.TIMESTAMP_TZ);
            case "from_iso8601_timestamp":
                c.arity(1);
                c.require(c.stringArg(0));
                // Trino keeps the offset the text gives; a literal's is known here (others print in UTC).
                String offset = c.node().getArguments().get(0) instanceof io.trino.sql.tree.StringLiteral text
                        && text.getValue().strip().matches(".*T.*[0-9][+-][0-9]{2}:[0-9]{2}")
                        ? ExpressionTranslator.zone(text.getValue().strip().substring(text.getValue().strip().length() - 6)) : null;
                return new Typed(parsed(c, "TRY_CAST(" + c.sql(0) + " AS TIMESTAMPTZ)", "TIMESTAMPTZ"), TrinoType.TIMESTAMP_TZ,
                        "".equals(offset) ? null : offset);
            case "from_iso8601_date":
                c.arity(1);
                c.require(c.stringArg(0));
                return new Typed(parsed(c, iso8601Date(c.sql(0)), "DATE"), TrinoType.DATE);
            case "to_iso8601": {
                c.arity(1);
                c.require(temporal(c, 0));
                TrinoType t = c.type(0);
                if (t.is("date")) {
                    return new Typed("strftime(" + c.sql(0) + ", '%Y-%m-%d')", TrinoType.VARCHAR);
                }
                // Trino writes as many fraction digits as the type's precision (ToIso8601): none for timestamp(0),
                // one for TIMESTAMP '... 07.5'. A UTC timestamp with time zone ends in Z.
                String local = t.is("timestamp") ? c.sql(0) : "CAST(" + c.sql(0) + " AS TIMESTAMP)";
                return new Typed("(replace(" + Casts.timestampText(local, t.precision()) + ", ' ', 'T')" + (t.is("timestamp") ? "" : " || 'Z'")
                        + ")", TrinoType.VARCHAR);
            }
            case "from_unixtime": {
                c.arity(1, 2, 3);
                c.require(c.type(0).isNumeric() && (c.n() != 2 || c.stringArg(1))
                        && (c.n() != 3 || c.type(1).isIntegral() && c.type(2).isIntegral()));
                String instant = "to_timestamp(CAST(" + c.sql(0) + " AS DOUBLE))";
                if (c.n() == 1) {
                    return new Typed(instant, TrinoType.TIMESTAMP_TZ);
                }
                // from_unixtime(x, zone) and (x, hours, minutes) are the same instant printed in that zone or offset.
                String zone = c.n() == 2 ? ExpressionTranslator.zone(c.literal(1)) : offset(c);
                if ("".equals(zone)) {
                    throw Errors.notSupported(c.node(), "from_unixtime with the zone '" + c.literal(1) + "'");
                }
                return new Typed(instant, TrinoType.TIMESTAMP_TZ, zone);
            }
            case "to_unixtime":
                c.arity(1);
                c.require(c.type(0).is("timestamp") || c.type(0).is("timestamp with time zone"));
                return new Typed("CAST(epoch(" + c.sql(0) + ") AS DOUBLE)", TrinoType.DOUBLE);
            case "now":
                c.arity(0);
                return new Typed(ExpressionTranslator.NOW, TrinoType.TIMESTAMP_TZ);
            default:
                return null;
        }
    }

    /** The +hh:mm zone of from_unixtime(x, hours, minutes), Trino's offset of hours * 60 + minutes; null for UTC. */
    private static String offset(Functions.Call c) {
        List<io.trino.sql.tree.Expression> args = c.node().getArguments();
        Long hours = Functions.integerLiteral(args.get(1));
        Long minutes = Functions.integerLiteral(args.get(2));
        if (hours == null || minutes == null) {
            throw Errors.notSupported(c.node(), "from_unixtime with hours or minutes that are not literals");
        }
        long total = hours * 60 + minutes;
        if (Math.abs(total) > 14 * 60) {
            throw Errors.notSupported(c.node(), "from_unixtime with an offset beyond 14 hours");
        }
        return ExpressionTranslator.zone(String.format(java.util.Locale.ROOT, "%s%02d:%02d", total < 0 ? "-" : "+",
                Math.abs(total) / 60, Math.abs(total) % 60));
    }

    /** The milliseconds of a day-second interval, as the renderer reads them. */
    private static String millis(String interval) {
        return "CAST(round(epoch(" + interval + ") * 1000) AS BIGINT)";
    }

    /**
     * Trino's fields of an interval (DateTimeFunctions' *FromInterval): Java's % and / of the milliseconds or months,
     * so a negative interval gives negative fields.
     */
    private static Typed intervalField(Call c) {
        boolean dayToSecond = c.type(0).is("interval day to second");
        String n = dayToSecond ? millis(c.sql(0))
                : "(datepart('year', " + c.sql(0) + ") * 12 + datepart('month', " + c.sql(0) + "))";
        String sql = switch (dayToSecond ? c.name() : c.name() + " of months") {
            case "millisecond" -> n + " % 1000";
            case "second" -> "trunc((" + n + " % 60000) / 1000)";
            case "minute" -> "trunc((" + n + " % 3600000) / 60000)";
            case "hour" -> "trunc((" + n + " % 86400000) / 3600000)";
            case "day", "day_of_month" -> "trunc(" + n + " / 86400000)";
            case "month of months" -> n + " % 12";
            case "year of months" -> "trunc(" + n + " / 12)";
            default -> throw c.unexpected();
        };
        return new Typed("CAST(" + sql + " AS BIGINT)", TrinoType.BIGINT);
    }
}
