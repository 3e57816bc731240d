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
            "bitwise_right_shift_arithmetic",
            // The rest of Trino's documented functions (functions/list.md), none translated.
            "array_first", "array_histogram", "array_last", "bar", "bing_tile", "bing_tile_at", "bing_tile_coordinates",
            "bing_tile_polygon", "bing_tile_quadkey", "bing_tile_zoom_level", "bing_tiles_around", "char2hexint",
            "classify", "collect", "color", "cosine_distance", "current_groups", "element", "empty_approx_set",
            "ends_with", "features", "format_number", "from_base32", "from_base64url", "from_encoded_polyline",
            "from_geojson_geometry", "from_iso8601_timestamp_nanos", "fusion", "geometry_from_hadoop_shape",
            "geometry_invalid_reason", "geometry_nearest_points", "geometry_to_bing_tiles", "geometry_union",
            "hash_counts", "index", "intersection", "intersection_cardinality", "jaccard_index", "json_scalar",
            "line_interpolate_point", "line_interpolate_points", "line_locate_point", "multimap_from_entries",
            "objectid", "objectid_timestamp", "parse_data_size", "regress", "render", "rgb", "set", "simplify_geometry",
            "spatial_partitions", "st_area", "st_asbinary", "st_asewkb", "st_asewkt", "st_boundary", "st_buffer",
            "st_centroid", "st_collect", "st_convexhull", "st_coorddim", "st_crosses", "st_difference", "st_dimension",
            "st_disjoint", "st_endpoint", "st_envelope", "st_envelopeaspts", "st_equals", "st_exteriorring",
            "st_force2d", "st_force3d", "st_geometries", "st_geometryn", "st_geometrytype", "st_geomfrombinary",
            "st_geomfromewkt", "st_geomfromkml", "st_interiorringn", "st_interiorrings", "st_intersection",
            "st_intersects", "st_isclosed", "st_isempty", "st_isring", "st_issimple", "st_isvalid", "st_length",
            "st_linefromtext", "st_linemerge", "st_linestring", "st_makeline", "st_makepolygon",
            "st_minimumboundingcircle", "st_multi", "st_multipoint", "st_normalize", "st_numgeometries",
            "st_numinteriorring", "st_numpoints", "st_orientedenvelope", "st_overlaps", "st_pointn",
            "st_pointonsurface", "st_points", "st_polygon", "st_polygonize", "st_reduceprecision", "st_relate",
            "st_setsrid", "st_srid", "st_startpoint", "st_symdifference", "st_touches", "st_transform", "st_union",
            "st_voronoipolygons", "st_within", "st_x", "st_xmax", "st_xmin", "st_y", "st_ymax", "st_ymin", "st_z",
            "theta_sketch_cardinality", "timestamp_objectid", "timezone", "title_case", "to_base32", "to_base64url",
            "to_char", "to_date", "to_encoded_polyline", "to_geojson_geometry", "to_geometry", "to_spherical_geography",
            "to_timestamp", "values_at_quantiles", "version");

    /** Functions whose answer does not depend on the zone a timestamp with time zone is printed in. */
    static final java.util.Set<String> ZONE_FREE = java.util.Set.of("to_unixtime", "typeof");

    private Functions() {
    }

    /** The value of an integer literal, possibly negated ({@code -2}), or null for any other expression. */
    static Long integerLiteral(io.trino.sql.tree.Expression e) {
        if (e instanceof io.trino.sql.tree.LongLiteral l) {
            return l.getParsedValue();
        }
        if (e instanceof io.trino.sql.tree.ArithmeticUnaryExpression u && u.getSign() == io.trino.sql.tree.ArithmeticUnaryExpression.Sign.MINUS) {
            Long v = integerLiteral(u.getValue());
            return v == null ? null : -v;
        }
        return null;
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
