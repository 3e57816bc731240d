package io.dataplatform.athena.engine.internal.translate;

import io.trino.sql.tree.Expression;
import io.trino.sql.tree.FunctionCall;
import io.trino.sql.tree.StringLiteral;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Trino's scalar functions on DuckDB; aggregates and window functions are in {@link Aggregates}. */
final class Functions {
    /** Trino 435 functions the fake Athena does not translate: NOT_SUPPORTED rather than "not registered". */
    private static final java.util.Set<String> UNSUPPORTED = java.util.Set.of("word_stem", "normalize", "soundex",
            "luhn_check", "to_base", "from_base", "murmur3", "spooky_hash_v2_32", "spooky_hash_v2_64",
            "hmac_md5", "hmac_sha1", "hmac_sha256", "hmac_sha512", "sha512", "bit_count", "at_timezone", "with_timezone", "parse_duration",
            "map_zip_with", "array_frequency", "shuffle",
            "combinations", "ngrams", "trim_array", "split_to_multimap", "json_object",
            "json_array", "current_timezone", "timezone_hour", "timezone_minute", "from_unixtime_nanos", "to_iso8601_date",
            "date_add_business", "current_time", "localtime", "regexp_position", "width_bucket", "cosine_similarity",
            "beta_cdf", "inverse_beta_cdf", "normal_cdf", "inverse_normal_cdf", "wilson_interval_lower", "wilson_interval_upper",
            "from_ieee754_32", "from_ieee754_64", "to_ieee754_32", "to_ieee754_64", "from_big_endian_32", "from_big_endian_64",
            "to_big_endian_32", "to_big_endian_64", "url_encode", "url_decode", "value_at_quantile", "merge", "array_has_duplicates",
            "array_duplicates", "contains_sequence", "remove_nulls", "st_point", "st_geometryfromtext", "st_astext",
            "st_contains", "st_distance", "great_circle_distance", "bitwise_left_shift", "bitwise_right_shift",
            "bitwise_right_shift_arithmetic");

    /** Functions whose answer does not depend on the zone a timestamp with time zone is printed in. */
    static final java.util.Set<String> ZONE_FREE = java.util.Set.of("to_unixtime", "typeof");

    private Functions() {
    }

    static Typed call(ExpressionTranslator tr, FunctionCall f) {
        String name = f.getName().getSuffix().toLowerCase(Locale.ROOT);
        if (f.getWindow().isPresent() || Aggregates.isAggregate(name) || Aggregates.isWindowFunction(name)) {
            return Aggregates.call(tr, f, name);
        }
        if (f.isDistinct() || f.getFilter().isPresent() || f.getOrderBy().isPresent()) {
            throw Errors.at("FUNCTION_NOT_FOUND", f, "Function '" + name + "' is not an aggregate function");
        }
        Typed lambdaResult = Lambdas.call(tr, f, name);
        if (lambdaResult != null) {
            return lambdaResult;
        }
        List<Typed> a = new ArrayList<>();
        for (Expression e : f.getArguments()) {
            a.add(tr.translate(e));
        }
        if (!ZONE_FREE.contains(name) && a.stream().anyMatch(x -> x.zone() != null)) {
            // The instant is held in UTC and its zone applied only when printed: fields, truncation and formats would be UTC's.
            throw Errors.notSupported(f, "Trino's function '" + name + "' of a timestamp with a time zone other than UTC");
        }
        Call c = new Call(tr, f, name, a);
        Typed t = Scalars.string(c);
        if (t == null) {
            t = Scalars.math(c);
        }
        if (t == null) {
            t = DateTimeFunctions.call(c);
        }
        if (t == null) {
            t = CollectionFunctions.call(c);
        }
        if (t == null) {
            t = JsonFunctions.call(c);
        }
        if (t == null && UNSUPPORTED.contains(name)) {
            throw Errors.notSupported(f, "Trino's function '" + name + "'");
        }
        if (t == null) {
            throw Errors.at("FUNCTION_NOT_FOUND", f, "Function '" + name + "' not registered");
        }
        return t;
    }

    /** One call being translated: the node, its name and translated arguments. */
    record Call(ExpressionTranslator tr, FunctionCall node, String name, List<Typed> args) {
        String sql(int i) {
            return args.get(i).sql();
        }

        TrinoType type(int i) {
            return args.get(i).type();
        }

        int n() {
            return args.size();
        }

        /** Fails as Trino does unless the call has one of the given numbers of arguments. */
        void arity(int... counts) {
            for (int c : counts) {
                if (c == args.size()) {
                    return;
                }
            }
            throw unexpected();
        }

        AthenaSqlException unexpected() {
            String types = args.stream().map(x -> x.type().toString()).collect(Collectors.joining(", "));
            return Errors.at("FUNCTION_NOT_FOUND", node, "Unexpected parameters (" + types + ") for function " + name);
        }

        void require(boolean ok) {
            if (!ok) {
                throw unexpected();
            }
        }

        boolean stringArg(int i) {
            return type(i).isString() || type(i).is("unknown");
        }

        /** The literal text of argument i, which must be a string literal. */
        String literal(int i) {
            if (node.getArguments().get(i) instanceof StringLiteral s) {
                return s.getValue();
            }
            throw Errors.notSupported(node, "A non-literal argument " + (i + 1) + " of " + name);
        }

        String fn(String duckDb) {
            return duckDb + "(" + args.stream().map(Typed::sql).collect(Collectors.joining(", ")) + ")";
        }
    }
}
