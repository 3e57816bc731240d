package io.dataplatform.athena.engine.internal.translate;

import io.dataplatform.athena.engine.internal.translate.Functions.Call;
import java.util.List;
import java.util.regex.Pattern;

/** Trino's scalar functions by family; each method returns null for a name it does not know. */
final class Scalars {
    /** Regular expression features RE2 (DuckDB) lacks and Trino's Joni has: lookaround and back references. */
    private static final Pattern NOT_RE2 = Pattern.compile("\\(\\?<?[=!]|\\\\[1-9]");

    private Scalars() {
    }

    static Typed string(Call c) {
        TrinoType v = TrinoType.VARCHAR;
        switch (c.name()) {
            case "length":
                c.arity(1);
                c.require(c.stringArg(0) || c.type(0).is("varbinary"));
                return new Typed("CAST(" + (c.type(0).is("varbinary") ? "octet_length" : "length") + "(" + c.sql(0) + ") AS BIGINT)",
                        TrinoType.BIGINT);
            case "lower", "upper", "trim", "ltrim", "rtrim":
                c.arity(1, 2);
                c.require(c.stringArg(0));
                return new Typed(c.fn(c.name()), c.type(0).is("unknown") ? v : c.type(0));
            case "reverse":
                c.arity(1);
                if (c.type(0).is("array")) {
                    return new Typed(c.fn("list_reverse"), c.type(0));
                }
                c.require(c.stringArg(0));
                return new Typed(c.fn("reverse"), c.type(0));
            case "replace":
                c.arity(2, 3);
                c.require(c.args().stream().allMatch(x -> x.type().isString() || x.type().is("unknown")));
                return new Typed("replace(" + c.sql(0) + ", " + c.sql(1) + ", " + (c.n() == 3 ? c.sql(2) : "''") + ")", v);
            case "lpad", "rpad":
                c.arity(3);
                c.require(c.stringArg(0) && c.type(1).isIntegral() && c.stringArg(2));
                return new Typed(c.fn("trino_" + c.name()), v);
            case "concat": {
                if (c.args().stream().anyMatch(x -> x.type().is("array"))) {
                    List<Typed> all = Operators.unifyTyped(c.node(), "concat", c.args());
                    return new Typed("(" + String.join(" || ", all.stream().map(Typed::sql).toList()) + ")", all.get(0).type());
                }
                int length = 0;
                for (Typed a : c.args()) {
                    if (!a.type().isString() && !a.type().is("unknown")) {
                        throw c.unexpected();
                    }
                    length = length < 0 || a.type().precision() < 0 ? -1 : length + a.type().precision();
                }
                return new Typed("(" + String.join(" || ", c.args().stream().map(Typed::sql).toList()) + ")",
                        length < 0 ? v : TrinoType.varchar(length));
            }
            case "strpos":
                c.arity(2);
                c.require(c.stringArg(0) && c.stringArg(1));
                return new Typed("CAST(strpos(" + c.sql(0) + ", " + c.sql(1) + ") AS BIGINT)", TrinoType.BIGINT);
            case "substr", "substring":
                c.arity(2, 3);
                c.require(c.stringArg(0));
                return new Typed("trino_substr(" + c.sql(0) + ", " + c.sql(1) + ", " + (c.n() == 3 ? c.sql(2) : "NULL") + ")",
                        c.type(0));
            case "split":
                c.arity(2);
                c.require(c.stringArg(0) && c.stringArg(1));
                return new Typed(c.fn("string_split"), TrinoType.array(v));
            case "split_part":
                c.arity(3);
                c.require(c.stringArg(0) && c.stringArg(1) && c.type(2).isIntegral());
                return new Typed(c.fn("trino_split_part"), v);
            case "starts_with":
                c.arity(2);
                c.require(c.stringArg(0) && c.stringArg(1));
                return new Typed(c.fn("starts_with"), TrinoType.BOOLEAN);
            case "chr":
                c.arity(1);
                return new Typed("chr(CAST(" + c.sql(0) + " AS INTEGER))", TrinoType.varchar(1));
            case "codepoint":
                c.arity(1);
                return new Typed("CAST(unicode(" + c.sql(0) + ") AS INTEGER)", TrinoType.INTEGER);
            case "to_utf8":
                c.arity(1);
                return new Typed(c.fn("encode"), TrinoType.VARBINARY);
            case "from_utf8":
                c.arity(1);
                return new Typed(c.fn("decode"), v);
            case "levenshtein_distance":
                c.arity(2);
                return new Typed("CAST(" + c.fn("levenshtein") + " AS BIGINT)", TrinoType.BIGINT);
            case "hamming_distance":
                c.arity(2);
                return new Typed("CAST(" + c.fn("hamming") + " AS BIGINT)", TrinoType.BIGINT);
            case "regexp_like":
                c.arity(2);
                re2(c, 1);
                return new Typed(c.fn("regexp_matches"), TrinoType.BOOLEAN);
            case "regexp_extract":
                c.arity(2, 3);
                re2(c, 1);
                return new Typed("trino_regexp_extract(" + c.sql(0) + ", " + c.sql(1) + ", " + (c.n() == 3 ? c.sql(2) : "0") + ")", v);
            case "regexp_extract_all":
                c.arity(2, 3);
                re2(c, 1);
                return new Typed("regexp_extract_all(" + c.sql(0) + ", " + c.sql(1) + ", " + (c.n() == 3 ? c.sql(2) : "0") + ")",
                        TrinoType.array(v));
            case "regexp_replace": {
                c.arity(2, 3);
                re2(c, 1);
                // Trino's replacement names groups $1; RE2's \1.
                String replacement = c.n() == 3 ? Sql.string(c.literal(2).replace("\\", "\\\\").replaceAll("\\$(\\d)", "\\\\$1")) : "''";
                return new Typed("regexp_replace(" + c.sql(0) + ", " + c.sql(1) + ", " + replacement + ", 'g')", v);
            }
            case "regexp_split":
                c.arity(2);
                re2(c, 1);
                return new Typed(c.fn("regexp_split_to_array"), TrinoType.array(v));
            case "url_extract_host", "url_extract_path", "url_extract_protocol", "url_extract_query", "url_extract_fragment":
                c.arity(1);
                return new Typed(c.fn("trino_" + c.name()), v);
            case "url_extract_port":
                c.arity(1);
                return new Typed(c.fn("trino_url_extract_port"), TrinoType.BIGINT);
            case "url_extract_parameter":
                c.arity(2);
                return new Typed(c.fn("trino_url_extract_parameter"), v);
            default:
                return null;
        }
    }

    private static void re2(Call c, int i) {
        c.require(c.stringArg(0) && c.stringArg(i));
        if (c.node().getArguments().get(i) instanceof io.trino.sql.tree.StringLiteral s && NOT_RE2.matcher(s.getValue()).find()) {
            throw Errors.notSupported(c.node(), "A regular expression with lookaround or back references");
        }
    }

    private static boolean temporal(Call c, int i) {
        return c.type(i).isTemporal() || c.type(i).is("unknown");
    }

    static Typed math(Call c) {
        switch (c.name()) {
            case "abs", "sign":
                c.arity(1);
                c.require(c.type(0).isNumeric() || c.type(0).is("unknown"));
                return new Typed("CAST(" + c.fn(c.name()) + " AS " + c.type(0).duckDb() + ")", c.type(0));
            case "ceil", "ceiling", "floor": {
                c.arity(1);
                c.require(c.type(0).isNumeric());
                TrinoType t = c.type(0);
                if (t.is("decimal")) {
                    t = TrinoType.decimal(t.precision() - t.scale() + Math.min(t.scale(), 1), 0);
                }
                return new Typed("CAST(" + (c.name().equals("floor") ? "floor" : "ceil") + "(" + c.sql(0) + ") AS " + t.duckDb() + ")", t);
            }
            case "round", "truncate": {
                c.arity(1, 2);
                c.require(c.type(0).isNumeric());
                TrinoType t = c.type(0);
                if (t.is("decimal") && c.n() == 1) {
                    t = TrinoType.decimal(t.precision() - t.scale() + Math.min(t.scale(), 1), 0);
                }
                String fn = c.name().equals("round") ? "round" : "trunc";
                if (c.name().equals("truncate") && c.n() == 2) {
                    throw Errors.notSupported(c.node(), "truncate(x, n)");
                }
                return new Typed("CAST(" + fn + "(" + c.sql(0) + (c.n() == 2 ? ", CAST(" + c.sql(1) + " AS INTEGER)" : "") + ") AS "
                        + t.duckDb() + ")", t);
            }
            case "sqrt", "cbrt", "exp", "ln", "log2", "log10", "sin", "cos", "tan", "asin", "acos", "atan", "degrees",
                    "radians", "sinh", "cosh", "tanh":
                c.arity(1);
                c.require(c.type(0).isNumeric() || c.type(0).is("unknown"));
                return new Typed(c.name() + "(CAST(" + c.sql(0) + " AS DOUBLE))", TrinoType.DOUBLE);
            case "power", "pow", "atan2":
                c.arity(2);
                c.require(c.type(0).isNumeric() && c.type(1).isNumeric());
                return new Typed((c.name().equals("atan2") ? "atan2" : "pow") + "(CAST(" + c.sql(0) + " AS DOUBLE), CAST(" + c.sql(1)
                        + " AS DOUBLE))", TrinoType.DOUBLE);
            case "log":
                c.arity(2);
                c.require(c.type(0).isNumeric() && c.type(1).isNumeric());
                return new Typed("(ln(CAST(" + c.sql(1) + " AS DOUBLE)) / ln(CAST(" + c.sql(0) + " AS DOUBLE)))", TrinoType.DOUBLE);
            case "mod": {
                c.arity(2);
                TrinoType t = Coercions.common(c.type(0), c.type(1));
                c.require(t != null && t.isNumeric());
                String sql = t.is("double") || t.is("real") ? c.fn("fmod")
                        : c.tr().inTry ? "(" + c.sql(0) + " % " + c.sql(1) + ")" : c.fn("trino_mod");
                return new Typed("CAST(" + sql + " AS " + t.duckDb() + ")", t);
            }
            case "greatest", "least": {
                List<Typed> all = Operators.unifyTyped(c.node(), c.name(), c.args());
                return new Typed(c.name() + "(" + String.join(", ", all.stream().map(Typed::sql).toList()) + ")", all.get(0).type());
            }
            case "pi":
                c.arity(0);
                return new Typed("pi()", TrinoType.DOUBLE);
            case "e":
                c.arity(0);
                return new Typed("exp(1)", TrinoType.DOUBLE);
            case "rand", "random":
                c.arity(0);
                return new Typed("random()", TrinoType.DOUBLE);
            case "nan":
                return new Typed("CAST('NaN' AS DOUBLE)", TrinoType.DOUBLE);
            case "infinity":
                return new Typed("CAST('Infinity' AS DOUBLE)", TrinoType.DOUBLE);
            case "is_nan":
                c.arity(1);
                return new Typed(c.fn("isnan"), TrinoType.BOOLEAN);
            case "is_finite":
                c.arity(1);
                return new Typed(c.fn("isfinite"), TrinoType.BOOLEAN);
            case "is_infinite":
                c.arity(1);
                return new Typed(c.fn("isinf"), TrinoType.BOOLEAN);
            default:
                return null;
        }
    }

    static Typed dateTime(Call c) {
        switch (c.name()) {
            case "date_add": {
                c.arity(3);
                String unit = DateTimes.unit(c.literal(0), c.node());
                TrinoType t = c.type(2);
                DateTimes.requireTemporal(c.args().get(2), c.node(), c.name());
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
                DateTimes.requireTemporal(c.args().get(0), c.node(), c.name());
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
                return new Typed("CAST(" + (c.tr().inTry ? "try_strptime(" : "strptime(") + c.sql(0) + ", "
                        + Sql.string(DateTimes.mysqlFormat(c.literal(1), c.node())) + ") AS TIMESTAMP)", TrinoType.TIMESTAMP);
            case "format_datetime":
                c.arity(2);
                c.require(temporal(c, 0));
                return new Typed("strftime(" + c.sql(0) + ", " + Sql.string(DateTimes.jodaFormat(c.literal(1), c.node())) + ")",
                        TrinoType.VARCHAR);
            case "parse_datetime":
                c.arity(2);
                c.require(c.stringArg(0));
                return new Typed("CAST(strptime(" + c.sql(0) + ", " + Sql.string(DateTimes.jodaFormat(c.literal(1), c.node()))
                        + ") AS TIMESTAMPTZ)", TrinoType.TIMESTAMP_TZ);
            case "from_iso8601_timestamp":
                c.arity(1);
                c.require(c.stringArg(0));
                return new Typed("CAST(" + c.sql(0) + " AS TIMESTAMPTZ)", TrinoType.TIMESTAMP_TZ);
            case "from_iso8601_date":
                c.arity(1);
                c.require(c.stringArg(0));
                return new Typed("CAST(" + c.sql(0) + " AS DATE)", TrinoType.DATE);
            case "to_iso8601": {
                c.arity(1);
                c.require(temporal(c, 0));
                TrinoType t = c.type(0);
                String fmt = t.is("date") ? "%Y-%m-%d" : t.is("timestamp") ? "%Y-%m-%dT%H:%M:%S.%g" : "%Y-%m-%dT%H:%M:%S.%gZ";
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
                return new Typed("CAST(current_timestamp AS TIMESTAMPTZ)", TrinoType.TIMESTAMP_TZ);
            default:
                return null;
        }
    }

    static Typed collection(Call c) {
        switch (c.name()) {
            case "cardinality":
                c.arity(1);
                c.require(c.type(0).is("array") || c.type(0).is("map"));
                return new Typed("CAST(" + (c.type(0).is("map") ? "cardinality" : "len") + "(" + c.sql(0) + ") AS BIGINT)",
                        TrinoType.BIGINT);
            case "contains":
                c.arity(2);
                c.require(c.type(0).is("array") && Coercions.common(c.type(0).element(), c.type(1)) != null);
                return new Typed(c.fn("list_contains"), TrinoType.BOOLEAN);
            case "element_at":
                c.arity(2);
                if (c.type(0).is("map")) {
                    return new Typed(c.fn("trino_element_at_map"), c.type(0).elements().get(1));
                }
                c.require(c.type(0).is("array"));
                return new Typed(c.fn("trino_element_at"), c.type(0).element());
            case "array_join":
                c.arity(2, 3);
                c.require(c.type(0).is("array") && c.stringArg(1));
                return new Typed(c.n() == 2 ? "array_to_string(" + c.sql(0) + ", " + c.sql(1) + ")"
                        : "array_to_string(list_transform(" + c.sql(0) + ", __x -> coalesce(CAST(__x AS VARCHAR), " + c.sql(2) + ")), "
                        + c.sql(1) + ")", TrinoType.VARCHAR);
            case "sequence": {
                c.arity(2, 3);
                TrinoType t = c.type(0).isIntegral() ? TrinoType.BIGINT : c.type(0);
                String step = c.n() == 3 ? c.sql(2) : t.is("bigint") ? "CAST(1 AS BIGINT)" : "INTERVAL 1 DAY";
                String sql = "generate_series(" + c.sql(0) + ", " + c.sql(1) + ", " + step + ")";
                return new Typed("CAST(" + sql + " AS " + TrinoType.array(t).duckDb() + ")", TrinoType.array(t));
            }
            case "slice":
                c.arity(3);
                c.require(c.type(0).is("array") && c.type(1).isIntegral() && c.type(2).isIntegral());
                return new Typed(c.fn("trino_slice"), c.type(0));
            case "array_distinct":
                c.arity(1);
                c.require(c.type(0).is("array"));
                return new Typed(c.fn("trino_array_distinct"), c.type(0));
            case "array_sort":
                c.arity(1);
                c.require(c.type(0).is("array"));
                return new Typed("list_sort(" + c.sql(0) + ", 'ASC', 'NULLS LAST')", c.type(0));
            case "array_max", "array_min":
                c.arity(1);
                return new Typed(c.fn(c.name().equals("array_max") ? "list_max" : "list_min"), c.type(0).element());
            case "array_position":
                c.arity(2);
                return new Typed("CAST(coalesce(list_position(" + c.sql(0) + ", " + c.sql(1) + "), 0) AS BIGINT)", TrinoType.BIGINT);
            case "array_remove":
                c.arity(2);
                return new Typed("list_filter(" + c.sql(0) + ", __x -> __x IS DISTINCT FROM " + c.sql(1) + ")", c.type(0));
            case "flatten":
                c.arity(1);
                c.require(c.type(0).is("array") && c.type(0).element().is("array"));
                return new Typed(c.fn("flatten"), c.type(0).element());
            case "array_union":
                c.arity(2);
                return new Typed("trino_array_distinct(" + c.sql(0) + " || " + c.sql(1) + ")", Operators.unifyTyped(c.node(),
                        "array_union", c.args()).get(0).type());
            case "array_intersect":
                c.arity(2);
                return new Typed("trino_array_distinct(list_filter(" + c.sql(0) + ", __x -> list_contains(" + c.sql(1) + ", __x)))",
                        c.type(0));
            case "array_except":
                c.arity(2);
                return new Typed("trino_array_distinct(list_filter(" + c.sql(0) + ", __x -> NOT list_contains(" + c.sql(1)
                        + ", __x)))", c.type(0));
            case "arrays_overlap":
                c.arity(2);
                return new Typed("(len(list_filter(" + c.sql(0) + ", __x -> list_contains(" + c.sql(1) + ", __x))) > 0)",
                        TrinoType.BOOLEAN);
            case "repeat":
                c.arity(2);
                return new Typed("list_transform(range(CAST(" + c.sql(1) + " AS BIGINT)), __x -> " + c.sql(0) + ")",
                        TrinoType.array(c.type(0)));
            case "map": {
                if (c.n() == 0) {
                    TrinoType t = TrinoType.map(TrinoType.UNKNOWN, TrinoType.UNKNOWN);
                    return new Typed("MAP {}", t);
                }
                c.arity(2);
                c.require(c.type(0).is("array") && c.type(1).is("array"));
                return new Typed(c.fn("map"), TrinoType.map(c.type(0).element(), c.type(1).element()));
            }
            case "map_keys":
                c.arity(1);
                c.require(c.type(0).is("map"));
                return new Typed(c.fn("map_keys"), TrinoType.array(c.type(0).elements().get(0)));
            case "map_values":
                c.arity(1);
                c.require(c.type(0).is("map"));
                return new Typed(c.fn("map_values"), TrinoType.array(c.type(0).elements().get(1)));
            default:
                return null;
        }
    }

    static Typed jsonAndOther(Call c) {
        switch (c.name()) {
            case "json_extract_scalar":
                c.arity(2);
                return new Typed("trino_json_extract_scalar(" + c.sql(0) + ", " + JsonPaths.path(c, 1) + ")", TrinoType.VARCHAR);
            case "json_extract":
                c.arity(2);
                return new Typed("trino_json_extract(" + c.sql(0) + ", " + JsonPaths.path(c, 1) + ")", TrinoType.JSON);
            case "json_parse":
                c.arity(1);
                return new Typed(c.tr().inTry ? "(CASE WHEN json_valid(" + c.sql(0) + ") THEN json(" + c.sql(0) + ") END)"
                        : "trino_json_parse(" + c.sql(0) + ")", TrinoType.JSON);
            case "json_format":
                c.arity(1);
                return new Typed("CAST(" + c.sql(0) + " AS VARCHAR)", TrinoType.VARCHAR);
            case "json_array_length":
                c.arity(1);
                c.require(c.stringArg(0) || c.type(0).is("json"));
                return new Typed("CAST(json_array_length(" + c.sql(0) + ") AS BIGINT)", TrinoType.BIGINT);
            case "json_array_contains":
                c.arity(2);
                return new Typed("trino_json_array_contains(" + c.sql(0) + ", to_json(" + c.sql(1) + "))", TrinoType.BOOLEAN);
            case "json_size":
                c.arity(2);
                return new Typed("trino_json_size(" + c.sql(0) + ", " + JsonPaths.path(c, 1) + ")", TrinoType.BIGINT);
            case "to_hex":
                c.arity(1);
                return new Typed("hex(" + c.sql(0) + ")", TrinoType.VARCHAR);
            case "from_hex":
                c.arity(1);
                return new Typed("unhex(" + c.sql(0) + ")", TrinoType.VARBINARY);
            case "md5", "sha1", "sha256":
                c.arity(1);
                c.require(c.type(0).is("varbinary"));
                return new Typed("unhex(" + c.name() + "(" + c.sql(0) + "))", TrinoType.VARBINARY);
            case "to_base64":
                c.arity(1);
                return new Typed("to_base64(" + c.sql(0) + ")", TrinoType.VARCHAR);
            case "from_base64":
                c.arity(1);
                return new Typed("from_base64(" + c.sql(0) + ")", TrinoType.VARBINARY);
            case "translate":
                c.arity(3);
                return new Typed(c.fn("translate"), TrinoType.VARCHAR);
            case "is_json_scalar":
                c.arity(1);
                return new Typed("(json_type(" + c.sql(0) + ") NOT IN ('OBJECT', 'ARRAY'))", TrinoType.BOOLEAN);
            case "uuid":
                c.arity(0);
                return new Typed("uuid()", TrinoType.simple("uuid"));
            case "typeof":
                c.arity(1);
                return new Typed(Sql.string(c.type(0).toString()), TrinoType.VARCHAR);
            case "if":
                throw Errors.at("FUNCTION_NOT_FOUND", c.node(), "Function 'if' not registered");
            default:
                return null;
        }
    }
}
