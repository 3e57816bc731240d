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
                return new Typed("CAST(date_trunc(" + Sql.string(unit) + ", " + c.sql(1) + ") AS " + c.type(1).duckDb() + ")",
                        c.type(1));
            }
            case "year", "quarter", "month", "week", "week_of_year", "day", "day_of_month", "day_of_week", "dow", "day_of_year",
                    "doy", "year_of_week", "yow", "hour", "minute", "second", "millisecond":
                c.arity(1);
                c.require(c.type(0).isTemporal() || c.type(0).is("unknown"));
                return DateTimes.field(c.name(), c.args().get(0), c.node());
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
                return new Typed("strftime(" + c.sql(0) + ", " + Sql.string(DateTimes.mysqlFormat(c.literal(1), c.node())) + ")",
                        TrinoType.VARCHAR);
            case "date_parse":
                c.arity(2);
                c.require(c.stringArg(0));
                return new Typed(parsed(c, "try_strptime(" + c.sql(0) + ", " + Sql.string(DateTimes.mysqlFormat(c.literal(1), c.node()))
                        + ")", "TIMESTAMP"), TrinoType.TIMESTAMP);
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
                return new Typed(parsed(c, "TRY_CAST(" + c.sql(0) + " AS DATE)", "DATE"), TrinoType.DATE);
            case "to_iso8601": {
                c.arity(1);
                c.require(temporal(c, 0));
                TrinoType t = c.type(0);
                String fmt = t.is("date") ? "%Y-%m-%d" : t.is("timestamp") ? "%Y-%m-%dT%H:%M:%S.%g" : "%Y-%m-%dT%H:%M:%S.%gZ";
                // Trino prints the value's own precision; the translator knows it only for a literal without fraction.
                if (c.node().getArguments().get(0) instanceof io.trino.sql.tree.TimestampLiteral l && !l.getValue().contains(".")
                        && t.is("timestamp")) {
                    fmt = "%Y-%m-%dT%H:%M:%S";
                }
                return new Typed("strftime(" + c.sql(0) + ", '" + fmt + "')", TrinoType.VARCHAR);
            }
            case "from_unixtime":
                c.arity(1);
                c.require(c.type(0).isNumeric());
                return new Typed("to_timestamp(CAST(" + c.sql(0) + " AS DOUBLE))", TrinoType.TIMESTAMP_TZ);
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
}
