package io.dataplatform.athena.engine.internal.translate;

import io.trino.sql.ExpressionFormatter;
import io.trino.sql.tree.Cast;
import io.trino.sql.tree.DataType;
import io.trino.sql.tree.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** CAST and TRY_CAST with Trino's semantics: rounding, truncation, padding and Trino's cast errors. */
final class Casts {
    private Casts() {
    }

    static TrinoType type(DataType type) {
        String text = ExpressionFormatter.formatExpression(type);
        try {
            return TrinoType.parse(text);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            // Trino names the type as its formatter writes it: string, ROW(x string).
            throw Errors.typeMismatch(type, "Unknown type: " + text);
        }
    }

    static Typed cast(ExpressionTranslator tr, Cast c) {
        TrinoType to = type(c.getType());
        Typed value = tr.translate(c.getExpression());
        // A cast to timestamp with time zone keeps the zone the value prints in.
        String zone = to.is("timestamp with time zone") ? value.zone() : null;
        return new Typed(cast(value, to, c.isSafe() || tr.inTry, c), to, zone);
    }

    static String cast(Typed value, TrinoType to, boolean safe, Node node) {
        String sql = castValue(value, to, safe, node);
        TrinoType from = value.type();
        if (to.is("timestamp") && to.precision() < 6 && (from.isString() || from.is("timestamp") && from.precision() > to.precision())) {
            // DuckDB holds microseconds and keeps them; Trino rounds to the target precision, halves up
            // (TimestampToTimestampCast, VarcharToTimestampCast): CAST(TIMESTAMP '... 00:00:00.5' AS timestamp(0)) is 00:00:01.
            return "trino_round_timestamp(" + sql + ", " + (long) Math.pow(10, 6 - to.precision()) + ")";
        }
        return sql;
    }

    private static String castValue(Typed value, TrinoType to, boolean safe, Node node) {
        TrinoType from = value.type();
        String x = value.sql();
        if (value.zone() != null && !to.is("varchar") && !to.is("timestamp with time zone")) {
            // The value's wall-clock time is in its zone, but the instant is held in UTC: a date or timestamp would be UTC's.
            throw Errors.notSupported(node, "CAST of a timestamp with a time zone other than UTC to " + to);
        }
        if (from.equals(to) || from.is("unknown")) {
            return from.is("unknown") ? "CAST(NULL AS " + to.duckDb() + ")" : x;
        }
        if ((to.is("varchar") || to.is("char")) && (from.is("array") || from.is("map") || from.is("row")
                || from.is("varbinary") || from.base().startsWith("interval"))) {
            throw Errors.typeMismatch(node, "Cannot cast " + from + " to " + to);
        }
        if (to.is("varchar")) {
            String text = toVarchar(value);
            return to.precision() < 0 ? text : "substr(" + text + ", 1, " + to.precision() + ")";
        }
        if (to.is("char")) {
            return "rpad(substr(" + toVarchar(value) + ", 1, " + to.precision() + "), " + to.precision() + ", ' ')";
        }
        if (to.is("json")) {
            return from.isString() ? "to_json(" + x + ")" : "CAST(to_json(" + x + ") AS JSON)";
        }
        if (to.is("varbinary") && from.isString()) {
            return "encode(" + x + ")";
        }
        if (to.is("row") && from.is("row")) {
            if (to.elements().size() != from.elements().size()) {
                throw Errors.typeMismatch(node, "Cannot cast " + from + " to " + to);
            }
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < to.elements().size(); i++) {
                String name = to.fieldNames().get(i).isEmpty() ? "field" + i : to.fieldNames().get(i);
                String src = from.fieldNames().get(i).isEmpty() ? "field" + i : from.fieldNames().get(i);
                Typed field = new Typed("struct_extract(" + x + ", " + Sql.string(src) + ")", from.elements().get(i));
                fields.add(Sql.identifier(name) + " := " + cast(field, to.elements().get(i), safe, node));
            }
            return "struct_pack(" + String.join(", ", fields) + ")";
        }
        if (to.isIntegral() && (from.is("double") || from.is("real"))) {
            // DuckDB rounds half to even; Trino rounds half away from zero.
            return checked("round(" + x + ")", to, safe, "' || CASE WHEN isnan(" + x + ") THEN 'Cannot cast " + from.base() + " NaN to " + to
                    + "' ELSE 'Out of range for " + to + ": ' || " + x + " END || '", "INVALID_CAST_ARGUMENT");
        }
        if (to.isIntegral() && from.isNumeric()) {
            return checked(x, to, safe, "Out of range for " + to + ": ' || " + x + " || '", "NUMERIC_VALUE_OUT_OF_RANGE");
        }
        if (from.isString() && (to.isNumeric() || to.is("boolean"))) {
            String name = to.is("integer") ? "INT" : to.toString().toUpperCase(Locale.ROOT);
            // DuckDB also accepts '2.5', '1e3' (integers) and 'yes' (boolean); Trino does not.
            String valid = to.isIntegral() ? "regexp_full_match(" + x + ", '\\s*[+-]?[0-9]+\\s*')"
                    : to.is("boolean") ? "lower(trim(" + x + ")) IN ('true', 'false', 't', 'f', '1', '0')" : null;
            String checkedValue = valid == null ? x : "(CASE WHEN " + valid + " THEN " + x + " END)";
            return checked(checkedValue, x, to, safe, "Cannot cast ''' || " + x + " || ''' to " + name, "INVALID_CAST_ARGUMENT");
        }
        if (from.isString() && to.is("date")) {
            String checkedValue = "(CASE WHEN regexp_full_match(" + x + ", '\\s*[+-]?[0-9]{1,6}-[0-9]{1,2}-[0-9]{1,2}\\s*') THEN trim(" + x
                    + ") END)";
            return checked(checkedValue, x, to, safe, "Value cannot be cast to date: ' || " + x + " || '", "INVALID_CAST_ARGUMENT");
        }
        if (from.isString() && to.isTemporal()) {
            return checked("trim(" + x + ")", to, safe, "Value cannot be cast to timestamp: ' || " + x + " || '",
                    "INVALID_CAST_ARGUMENT");
        }
        if (from.is("json")) {
            if (to.is("array") && to.elements().get(0).isNumeric()) {
                // Trino names the first element it cannot cast (DuckDB's TRY_CAST would leave a NULL element).
                TrinoType element = to.elements().get(0);
                String name = element.is("integer") ? "INT" : element.toString().toUpperCase(Locale.ROOT);
                String bad = "list_filter(CAST(json_extract_string(" + x + ", '$[*]') AS VARCHAR[]), e -> e IS NOT NULL "
                        + "AND e NOT IN ('true', 'false') AND TRY_CAST(e AS " + element.duckDb() + ") IS NULL)[1]";
                return "(CASE WHEN json_type(" + x + ") = 'ARRAY' AND " + bad + " IS NOT NULL THEN "
                        + (safe ? "NULL" : "error('INVALID_CAST_ARGUMENT: Cannot cast to " + to + ". Cannot cast ''' || " + bad
                                + " || ''' to " + name + "')")
                        + " ELSE " + (safe ? "TRY_CAST(" : "CAST(") + x + " AS " + to.duckDb() + ") END)";
            }
            return (safe ? "TRY_CAST(" : "CAST(") + x + " AS " + to.duckDb() + ")";
        }
        if (to.is("boolean") && from.isNumeric()) {
            // Trino casts a number to boolean as "is not zero".
            return "(" + x + " <> 0)";
        }
        if (from.is("boolean") && to.isNumeric()) {
            // Trino casts true to 1 and false to 0, to every numeric type.
            return "CAST(CAST(" + x + " AS INTEGER) AS " + to.duckDb() + ")";
        }
        if (from.is("double") && to.is("real")) {
            // Trino narrows as Java's (float) does: beyond real's range is an infinity, not an error. The bound is
            // halfway between real's largest value and 2^128, where rounding to nearest reaches infinity.
            return "(CASE WHEN NOT isnan(" + x + ") AND NOT isinf(" + x + ") AND abs(" + x + ") >= 3.4028235677973366e38 THEN "
                    + "CAST(sign(" + x + ") * CAST('Infinity' AS DOUBLE) AS FLOAT) ELSE CAST(" + x + " AS FLOAT) END)";
        }
        if (Coercions.common(from, to) == null && !(from.isNumeric() && to.isNumeric())
                && !(from.isTemporal() && to.isTemporal())
                && !(from.base().equals(to.base()))) {
            throw Errors.typeMismatch(node, "Cannot cast " + from + " to " + to);
        }
        if (to.is("decimal")) {
            if (from.is("double") || from.is("real")) {
                // Trino rounds the double's shortest decimal text half up (1.005E0 is 1.01); DuckDB rounds the binary value.
                x = "CAST(" + x + " AS VARCHAR)";
            }
            return checked(x, to, safe, "Cannot cast " + errorName(from) + " ''' || " + x
                    + " || ''' to " + errorName(to), "INVALID_CAST_ARGUMENT");
        }
        return (safe ? "TRY_CAST(" : "CAST(") + x + " AS " + to.duckDb() + ")";
    }

    /** A timestamp's text as Trino writes it: as many fraction digits as the type's precision. */
    static String timestampText(String x, int declared) {
        int precision = declared < 0 ? 3 : declared;
        String fraction = switch (precision) {
            case 0 -> "";
            case 1, 2, 3 -> ".%g";
            default -> ".%f";
        };
        String sql = "strftime(" + x + ", '%Y-%m-%d %H:%M:%S" + fraction + "')";
        return precision == 1 || precision == 2 ? "substr(" + sql + ", 1, " + (20 + precision) + ")" : sql;
    }

    /** The minutes of a {@code +hh:mm} or {@code -hh:mm} offset, signed. */
    private static int offsetMinutes(String offset) {
        int minutes = Integer.parseInt(offset.substring(1, 3)) * 60 + Integer.parseInt(offset.substring(4, 6));
        return offset.startsWith("-") ? -minutes : minutes;
    }

    /** A type as Trino's cast errors name it: {@code DECIMAL(6, 1)}, {@code DOUBLE}. */
    private static String errorName(TrinoType type) {
        return type.toString().toUpperCase(Locale.ROOT).replace(",", ", ");
    }

    /** A cast that fails with Trino's error (or yields NULL under TRY_CAST) where DuckDB's cast fails. */
    private static String checked(String x, TrinoType to, boolean safe, String message, String errorType) {
        return checked(x, x, to, safe, message, errorType);
    }

    /** As above, where {@code value} is what is cast and {@code original} what decides a NULL input. */
    private static String checked(String value, String original, TrinoType to, boolean safe, String message, String errorType) {
        String tryCast = "TRY_CAST(" + value + " AS " + to.duckDb() + ")";
        if (safe) {
            return tryCast;
        }
        return "(CASE WHEN " + original + " IS NOT NULL AND " + tryCast + " IS NULL THEN error('" + errorType + ": " + message
                + "') ELSE " + tryCast + " END)";
    }

    static String toVarchar(Typed value) {
        TrinoType from = value.type();
        String x = value.sql();
        if (from.isString()) {
            return x;
        }
        if (from.is("timestamp")) {
            return timestampText(x, from.precision());
        }
        if (from.is("json")) {
            // Trino casts only a JSON scalar to varchar.
            return "(CASE WHEN json_type(" + x + ") IN ('OBJECT', 'ARRAY') THEN " + Errors.raise("INVALID_CAST_ARGUMENT",
                    "Cannot cast JSON to varchar") + " ELSE json_extract_string(" + x + ", '$') END)";
        }
        if (from.is("timestamp with time zone") && value.zone() != null) {
            String local = value.zone().matches("[+-][0-9]{2}:[0-9]{2}")
                    ? "(CAST(" + x + " AS TIMESTAMP) + INTERVAL '" + offsetMinutes(value.zone()) + " minutes')"
                    : "timezone(" + Sql.string(value.zone()) + ", " + x + ")";
            return "(" + timestampText(local, from.precision()) + " || ' ' || " + Sql.string(value.zone()) + ")";
        }
        if (from.is("timestamp with time zone")) {
            // The engine runs DuckDB with TimeZone UTC, the zone Athena's values carry.
            return "(" + timestampText("CAST(" + x + " AS TIMESTAMP)", from.precision()) + " || ' UTC')";
        }
        if (from.is("double") || from.is("real")) {
            return "trino_double_to_varchar(" + x + ")";
        }
        if (from.is("decimal") && from.precision() == from.scale()) {
            // DuckDB writes a decimal(p, p) without its integer digit (.50, -.5); Trino's Decimals.toString writes 0.50.
            return "regexp_replace(CAST(" + x + " AS VARCHAR), '^(-?)\\.', '\\10.')";
        }
        return "CAST(" + x + " AS VARCHAR)";
    }
}
