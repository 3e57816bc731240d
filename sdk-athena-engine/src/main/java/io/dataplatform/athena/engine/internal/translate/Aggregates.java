package io.dataplatform.athena.engine.internal.translate;

import io.trino.sql.tree.Expression;
import io.trino.sql.tree.FrameBound;
import io.trino.sql.tree.FunctionCall;
import io.trino.sql.tree.WindowFrame;
import io.trino.sql.tree.WindowSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Trino's aggregate and window functions, with DISTINCT, FILTER, ORDER BY and OVER (..). */
final class Aggregates {
    private static final Set<String> AGGREGATES = Set.of("count", "sum", "avg", "min", "max", "arbitrary", "any_value",
            "count_if", "bool_and", "bool_or", "every", "max_by", "min_by", "array_agg", "map_agg", "approx_distinct",
            "approx_percentile", "stddev", "stddev_samp", "stddev_pop", "variance", "var_samp", "var_pop", "listagg",
            "geometric_mean", "corr", "covar_samp", "covar_pop", "checksum", "histogram", "multimap_agg",
            "approx_most_frequent", "numeric_histogram", "kurtosis", "skewness", "bitwise_and_agg", "bitwise_or_agg",
            // Trino's, not translated: NOT_SUPPORTED by name rather than "not registered".
            "regr_slope", "regr_intercept", "bitwise_xor_agg", "approx_set", "map_union", "reduce_agg", "set_union",
            "tdigest_agg", "qdigest_agg", "make_set_digest", "merge_set_digest", "khyperloglog_agg", "entropy",
            "convex_hull_agg", "geometry_union_agg", "geometry_collect_agg", "learn_classifier", "learn_regressor",
            "learn_libsvm_classifier", "learn_libsvm_regressor", "evaluate_classifier_predictions", "spatial_partitioning",
            "theta_sketch_union");
    private static final Set<String> WINDOW_ONLY = Set.of("row_number", "rank", "dense_rank", "ntile", "percent_rank",
            "cume_dist", "lag", "lead", "first_value", "last_value", "nth_value");

    private Aggregates() {
    }

    static boolean isAggregate(String name) {
        return AGGREGATES.contains(name);
    }

    static boolean isWindowFunction(String name) {
        return WINDOW_ONLY.contains(name);
    }

    static Typed call(ExpressionTranslator tr, FunctionCall f, String name) {
        if (WINDOW_ONLY.contains(name) && f.getWindow().isEmpty()) {
            throw Errors.at("FUNCTION_NOT_FOUND", f, "Window function " + name + " requires an OVER clause");
        }
        if (!AGGREGATES.contains(name) && !WINDOW_ONLY.contains(name)) {
            throw Errors.at("FUNCTION_NOT_FOUND", f, "Function '" + name + "' not registered");
        }
        if (f.getWindow().isEmpty() && AGGREGATES.contains(name)) {
            for (Expression e : f.getArguments()) {
                if (AggregationCheck.containsAggregate(e)) {
                    throw Errors.at("NESTED_AGGREGATION", f, "Cannot nest aggregations inside aggregation '" + name + "': ["
                            + io.trino.sql.ExpressionFormatter.formatExpression(e) + "]");
                }
            }
        }
        List<Typed> a = new ArrayList<>();
        for (Expression e : f.getArguments()) {
            a.add(tr.translate(e));
        }
        Functions.Call c = new Functions.Call(tr, f, name, a);
        if (f.isDistinct() && f.getWindow().isPresent()) {
            throw Errors.notSupported(f, "DISTINCT in window function parameters");
        }
        String distinct = f.isDistinct() ? "DISTINCT " : "";
        // IGNORE NULLS (lag, lead, first_value, last_value, nth_value) goes inside DuckDB's parentheses.
        String nulls = f.getNullTreatment().filter(n -> n == FunctionCall.NullTreatment.IGNORE).map(n -> " IGNORE NULLS").orElse("");
        String orderBy = f.getOrderBy().map(o -> " ORDER BY " + QueryTranslator.sortItems(tr, o.getSortItems())).orElse("");
        Typed t = aggregate(c, distinct, orderBy, nulls);
        String sql = t.sql();
        if (f.getFilter().isPresent()) {
            sql = sql + " FILTER (WHERE " + tr.bool(f.getFilter().get()) + ")";
        }
        if (f.getWindow().isPresent()) {
            WindowSpecification w = f.getWindow().get() instanceof WindowSpecification s ? s
                    : named(tr, ((io.trino.sql.tree.WindowReference) f.getWindow().get()).getName());
            sql = sql + " OVER (" + over(tr, w) + ")";
        }
        return new Typed(cast(sql, t.type(), c), t.type());
    }

    /** DuckDB's aggregate result held as Trino's result type. */
    private static String cast(String sql, TrinoType t, Functions.Call c) {
        if (c.name().equals("sum") && t.is("decimal")) {
            // DuckDB's decimal sum runs past 38 digits unchecked (it printed 10^38 as a decimal(38,0));
            // Trino's DecimalSumAggregation fails with Decimal overflow.
            return "trino_decimal_overflow_checked(CAST(" + sql + " AS " + t.duckDb() + "), " + (t.precision() - t.scale()) + ")";
        }
        return switch (c.name()) {
            case "count", "count_if", "sum", "avg", "approx_distinct", "row_number", "rank", "dense_rank", "ntile" ->
                    "CAST(" + sql + " AS " + t.duckDb() + ")";
            default -> sql;
        };
    }

    private static Typed aggregate(Functions.Call c, String distinct, String orderBy, String nulls) {
        String args = String.join(", ", c.args().stream().map(Typed::sql).toList());
        switch (c.name()) {
            case "count":
                c.arity(0, 1);
                return new Typed("count(" + distinct + (c.n() == 0 ? "*" : args) + ")", TrinoType.BIGINT);
            case "approx_distinct":
                // Exact distinct count: Athena's estimate is within its standard error of this value.
                c.arity(1, 2);
                return new Typed("count(DISTINCT " + c.sql(0) + ")", TrinoType.BIGINT);
            case "checksum": {
                c.arity(1);
                if (!distinct.isEmpty() || c.node().getFilter().isPresent() || c.node().getWindow().isPresent()) {
                    throw Errors.notSupported(c.node(), "checksum with DISTINCT, FILTER or OVER");
                }
                TrinoType t = c.type(0);
                // Trino sums its per-type XX_HASH_64 operator; these types' operators are known: the bytes, or the value as a long.
                String hash;
                if (t.is("varchar")) {
                    hash = "trino_xxhash64_of(trino_bytes(encode(" + c.sql(0) + ")), octet_length(encode(" + c.sql(0) + ")))";
                } else if (t.is("varbinary")) {
                    hash = "trino_xxhash64_of(trino_bytes(" + c.sql(0) + "), octet_length(" + c.sql(0) + "))";
                } else if (t.isIntegral()) {
                    hash = "trino_xx_long(" + c.sql(0) + ")";
                } else {
                    throw Errors.notSupported(c.node(), "checksum of a " + t);
                }
                // An empty group sums nothing: NULL, as Trino's.
                return new Typed("trino_checksum_bytes(sum(trino_checksum_term(CASE WHEN " + c.sql(0) + " IS NOT NULL THEN " + hash
                        + " END)))", TrinoType.VARBINARY);
            }
            case "count_if":
                c.arity(1);
                return new Typed("count_if(" + distinct + args + ")", TrinoType.BIGINT);
            case "sum": {
                c.arity(1);
                TrinoType t = c.type(0);
                c.require(t.isNumeric() || t.is("unknown") || t.base().startsWith("interval"));
                TrinoType r = t.isIntegral() ? TrinoType.BIGINT : t.is("decimal") ? TrinoType.decimal(38, t.scale()) : t;
                return new Typed("sum(" + distinct + args + ")", r);
            }
            case "avg": {
                c.arity(1);
                TrinoType t = c.type(0);
                c.require(t.isNumeric() || t.is("unknown") || t.base().startsWith("interval"));
                TrinoType r = t.is("decimal") || t.is("real") || t.base().startsWith("interval") ? t : TrinoType.DOUBLE;
                if (t.is("decimal") && c.node().getWindow().isEmpty() && c.node().getFilter().isEmpty()) {
                    // Exact: Trino rounds the decimal average half up at the column's scale; DuckDB's is a double.
                    return new Typed(Operators.decimalDivide("sum(" + distinct + args + ")", t.scale(),
                            "count(" + distinct + args + ")", 0, r, true), r);
                }
                return new Typed("avg(" + distinct + args + ")", r);
            }
            case "min", "max", "arbitrary", "any_value", "first_value", "last_value":
                if ((c.name().equals("min") || c.name().equals("max")) && c.n() == 2) {
                    // min(x, n) and max(x, n): the n smallest (largest) values, in that order; DuckDB's are the same.
                    c.require(c.type(1).isIntegral() && distinct.isEmpty());
                    return new Typed(c.name() + "(" + args + ")", TrinoType.array(c.type(0)));
                }
                c.arity(1);
                String fn = c.name().equals("arbitrary") || c.name().equals("any_value") ? "any_value" : c.name();
                return new Typed(fn + "(" + distinct + args + nulls + ")", c.type(0));
            case "nth_value":
                c.arity(2);
                c.require(c.type(1).isIntegral());
                return new Typed("nth_value(" + args + nulls + ")", c.type(0));
            case "lag", "lead":
                c.arity(1, 2, 3);
                c.require((c.n() < 2 || c.type(1).isIntegral()) && (c.n() < 3 || Coercions.common(c.type(0), c.type(2)) != null));
                // Trino's LagFunction/LeadFunction fail on a negative offset; DuckDB's lag(x, -1) is a lead. Only a
                // literal offset is checked here (Trino checks every row's).
                Long offset = c.n() >= 2 ? Functions.integerLiteral(c.node().getArguments().get(1)) : null;
                if (offset != null && offset < 0) {
                    throw Errors.at("INVALID_FUNCTION_ARGUMENT", c.node(), "Offset must be at least 0");
                }
                return new Typed(c.name() + "(" + args + nulls + ")", c.type(0));
            case "bool_and", "every", "bool_or":
                c.arity(1);
                c.require(c.type(0).is("boolean") || c.type(0).is("unknown"));
                return new Typed((c.name().equals("bool_or") ? "bool_or(" : "bool_and(") + args + ")", TrinoType.BOOLEAN);
            case "max_by", "min_by":
                c.arity(2, 3);
                if (c.n() == 3) {
                    // The n values of x with the largest (smallest) y, in that order of y.
                    c.require(c.type(2).isIntegral());
                    return new Typed((c.name().equals("max_by") ? "arg_max(" : "arg_min(") + args + ")", TrinoType.array(c.type(0)));
                }
                return new Typed((c.name().equals("max_by") ? "arg_max(" : "arg_min(") + args + ")", c.type(0));
            case "array_agg":
                c.arity(1);
                return new Typed("list(" + distinct + args + orderBy + ")", TrinoType.array(c.type(0)));
            case "listagg": {
                // Trino's parser adds ON OVERFLOW (error flag, filler, WITH COUNT) as arguments 3 to 5.
                if (c.n() == 5 && c.node().getArguments().get(2) instanceof io.trino.sql.tree.BooleanLiteral b && !b.getValue()) {
                    throw Errors.notSupported(c.node(), "listagg ON OVERFLOW TRUNCATE");
                }
                String separator = c.n() >= 2 ? c.sql(1) : "''";
                return new Typed("string_agg(" + distinct + c.sql(0) + ", " + separator + orderBy + ")", TrinoType.VARCHAR);
            }
            case "map_agg":
                c.arity(2);
                return new Typed("trino_map_agg(list(" + c.sql(0) + "), list(" + c.sql(1) + "))",
                        TrinoType.map(c.type(0), c.type(1)));
            case "approx_percentile":
                c.arity(2);
                c.require(c.type(0).isNumeric() && (c.type(1).isNumeric() || c.type(1).is("array") && c.type(1).element().isNumeric()));
                // Trino has approx_percentile for bigint, real and double only: integers widen to bigint, decimals to double.
                TrinoType value = c.type(0).isIntegral() ? TrinoType.BIGINT : c.type(0).is("real") ? TrinoType.REAL : TrinoType.DOUBLE;
                TrinoType result = c.type(1).is("array") ? TrinoType.array(value) : value;
                return new Typed("CAST(quantile_disc(" + c.sql(0) + ", " + c.sql(1) + ") AS " + result.duckDb() + ")", result);
            case "stddev", "stddev_samp", "stddev_pop", "variance", "var_samp", "var_pop", "corr", "covar_samp", "covar_pop",
                    "geometric_mean", "kurtosis", "skewness": {
                c.require(c.n() >= 1 && c.args().stream().allMatch(x -> x.type().isNumeric() || x.type().is("unknown")));
                String fn2 = switch (c.name()) {
                    case "stddev" -> "stddev_samp";
                    case "variance" -> "var_samp";
                    default -> c.name();
                };
                return new Typed(fn2 + "(" + distinct + args + ")", TrinoType.DOUBLE);
            }
            case "row_number", "rank", "dense_rank":
                c.arity(0);
                return new Typed(c.name() + "()", TrinoType.BIGINT);
            case "ntile":
                c.arity(1);
                c.require(c.type(0).isIntegral());
                Long buckets = Functions.integerLiteral(c.node().getArguments().get(0));
                if (buckets != null && buckets <= 0) {
                    // NTileFunction's check; DuckDB's own fails as GENERIC_INTERNAL_ERROR.
                    throw Errors.at("INVALID_FUNCTION_ARGUMENT", c.node(), "Buckets must be greater than 0");
                }
                return new Typed("ntile(" + args + ")", TrinoType.BIGINT);
            case "percent_rank", "cume_dist":
                c.arity(0);
                return new Typed(c.name() + "()", TrinoType.DOUBLE);
            case "histogram":
                c.arity(1);
                return new Typed("CAST(histogram(" + args + ") AS " + TrinoType.map(c.type(0), TrinoType.BIGINT).duckDb() + ")",
                        TrinoType.map(c.type(0), TrinoType.BIGINT));
            case "bitwise_and_agg", "bitwise_or_agg":
                c.arity(1);
                c.require(c.type(0).isIntegral());
                return new Typed("CAST(" + (c.name().equals("bitwise_and_agg") ? "bit_and(" : "bit_or(") + args + ") AS BIGINT)",
                        TrinoType.BIGINT);
            default:
                throw Errors.notSupported(c.node(), "Trino's aggregate function '" + c.name() + "'");
        }
    }

    private static WindowSpecification named(ExpressionTranslator tr, io.trino.sql.tree.Identifier name) {
        WindowSpecification w = tr.queries.windows.isEmpty() ? null
                : tr.queries.windows.peek().get(name.getValue().toLowerCase(java.util.Locale.ROOT));
        if (w == null) {
            throw Errors.at("INVALID_WINDOW_REFERENCE", name, "Cannot resolve WINDOW name " + name.getValue());
        }
        return w;
    }

    private static String over(ExpressionTranslator tr, WindowSpecification spec) {
        List<String> parts = new ArrayList<>();
        WindowSpecification w = spec;
        if (spec.getExistingWindowName().isPresent()) {
            // WINDOW w AS (PARTITION BY ..) used as OVER (w ORDER BY ..): the named window's partitioning, then this order and frame.
            WindowSpecification base = named(tr, spec.getExistingWindowName().get());
            w = new WindowSpecification(base.getExistingWindowName(), base.getPartitionBy(),
                    spec.getOrderBy().isPresent() ? spec.getOrderBy() : base.getOrderBy(),
                    spec.getFrame().isPresent() ? spec.getFrame() : base.getFrame());
        }
        if (!w.getPartitionBy().isEmpty()) {
            parts.add("PARTITION BY " + String.join(", ", w.getPartitionBy().stream().map(e -> tr.translate(e).sql()).toList()));
        }
        w.getOrderBy().ifPresent(o -> parts.add("ORDER BY " + QueryTranslator.sortItems(tr, o.getSortItems())));
        WindowSpecification window = w;
        w.getFrame().ifPresent(frame -> {
            boolean offset = frame.getType() == WindowFrame.Type.RANGE && (frame.getStart().getValue().isPresent()
                    || frame.getEnd().flatMap(FrameBound::getValue).isPresent());
            if (offset) {
                List<io.trino.sql.tree.SortItem> keys = window.getOrderBy().map(o -> o.getSortItems()).orElse(List.of());
                if (keys.size() != 1) {
                    throw Errors.at("INVALID_ORDER_BY", frame, "Window frame of type RANGE PRECEDING or FOLLOWING requires single "
                            + "sort item in ORDER BY (actual: " + keys.size() + ")");
                }
                TrinoType key = tr.translate(keys.get(0).getSortKey()).type();
                if (!key.isNumeric() && !key.isTemporal()) {
                    throw Errors.typeMismatch(frame, "Window frame of type RANGE PRECEDING or FOLLOWING requires that sort item type "
                            + "be numeric, datetime or interval (actual: " + key + ")");
                }
            }
            parts.add(frame(tr, frame));
        });
        return String.join(" ", parts);
    }

    private static String frame(ExpressionTranslator tr, WindowFrame frame) {
        if (!frame.getMeasures().isEmpty() || frame.getPattern().isPresent()) {
            throw Errors.notSupported(frame, "Row pattern recognition in a window");
        }
        String type = frame.getType().name();
        String start = bound(tr, frame.getStart());
        return frame.getEnd().map(end -> type + " BETWEEN " + start + " AND " + bound(tr, end)).orElse(type + " " + start);
    }

    private static String bound(ExpressionTranslator tr, FrameBound b) {
        return switch (b.getType()) {
            case UNBOUNDED_PRECEDING -> "UNBOUNDED PRECEDING";
            case UNBOUNDED_FOLLOWING -> "UNBOUNDED FOLLOWING";
            case CURRENT_ROW -> "CURRENT ROW";
            case PRECEDING -> tr.translate(b.getValue().orElseThrow()).sql() + " PRECEDING";
            case FOLLOWING -> tr.translate(b.getValue().orElseThrow()).sql() + " FOLLOWING";
        };
    }
}
