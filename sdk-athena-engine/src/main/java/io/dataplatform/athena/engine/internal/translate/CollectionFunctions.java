package io.dataplatform.athena.engine.internal.translate;

import io.dataplatform.athena.engine.internal.translate.Functions.Call;
import java.util.List;

/** Trino's array and map functions; {@link #call} returns null for a name it does not know. */
final class CollectionFunctions {
    private CollectionFunctions() {
    }

    static Typed call(Call c) {
        switch (c.name()) {
            case "cardinality":
                c.arity(1);
                if (c.type(0).is("unknown")) {
                    // Both of Trino's candidates return bigint and are NULL on NULL, so its resolver picks either.
                    return new Typed("CAST(NULL AS BIGINT)", TrinoType.BIGINT);
                }
                c.require(c.type(0).is("array") || c.type(0).is("map"));
                return new Typed("CAST(" + (c.type(0).is("map") ? "cardinality" : "len") + "(" + c.sql(0) + ") AS BIGINT)",
                        TrinoType.BIGINT);
            case "contains":
                c.arity(2);
                c.require(c.type(0).is("array") && Coercions.common(c.type(0).element(), c.type(1)) != null);
                if (floating(c.type(0))) {
                    // Trino's = finds no NaN (NaN = NaN is false); DuckDB's list_contains does.
                    return new Typed("CASE WHEN isnan(" + c.sql(1) + ") THEN (CASE WHEN " + c.sql(0) + " IS NULL OR list_count(" + c.sql(0)
                            + ") < len(" + c.sql(0) + ") THEN NULL ELSE false END) ELSE " + c.fn("trino_contains") + " END", TrinoType.BOOLEAN);
                }
                return new Typed(c.fn("trino_contains"), TrinoType.BOOLEAN);
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
                // Trino writes each element with its cast to varchar (ArrayJoin): 1.5E0 for a double, a timestamp
                // with its fraction digits; DuckDB's array_to_string writes 1.5 and drops them.
                String text = Casts.toVarchar(new Typed("__x", c.type(0).element()));
                return new Typed(c.n() == 2 ? "array_to_string(list_transform(" + c.sql(0) + ", __x -> " + text + "), " + c.sql(1) + ")"
                        : "array_to_string(list_transform(" + c.sql(0) + ", __x -> coalesce(" + text + ", " + c.sql(2) + ")), "
                        + c.sql(1) + ")", TrinoType.VARCHAR);
            case "sequence": {
                c.arity(2, 3);
                c.require(c.type(0).isIntegral() && c.type(1).isIntegral() && (c.n() < 3 || c.type(2).isIntegral())
                        || c.type(0).isTemporal() && c.type(1).isTemporal() && (c.n() < 3 || c.type(2).base().startsWith("interval")));
                TrinoType t = c.type(0).isIntegral() ? TrinoType.BIGINT : c.type(0);
                // Without a step Trino counts down when stop is before start; a step of zero, or one that never
                // reaches stop, fails; so does a result over 10,000 entries.
                String step = c.n() == 3 ? c.sql(2) : t.is("bigint")
                        ? "CAST(CASE WHEN " + c.sql(1) + " < " + c.sql(0) + " THEN -1 ELSE 1 END AS BIGINT)"
                        : "(CASE WHEN " + c.sql(1) + " < " + c.sql(0) + " THEN INTERVAL (-1) DAY ELSE INTERVAL 1 DAY END)";
                String sql = (t.is("bigint") ? "trino_sequence(" : "trino_temporal_sequence(") + c.sql(0) + ", " + c.sql(1) + ", "
                        + step + ")";
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
                // Trino's answer is NULL when the array holds a NULL; DuckDB skips NULLs.
                return new Typed("(CASE WHEN len(" + c.sql(0) + ") > list_count(" + c.sql(0) + ") THEN NULL ELSE "
                        + c.fn(c.name().equals("array_max") ? "list_max" : "list_min") + " END)", c.type(0).element());
            case "array_position": {
                c.arity(2);
                // Trino compares with =: a NULL value answers NULL, NULL elements never match and NaN matches nothing;
                // DuckDB's list_position finds NULL and NaN.
                String nan = floating(c.type(0)) ? " WHEN isnan(" + c.sql(1) + ") THEN 0" : "";
                return new Typed("CAST(CASE WHEN " + c.sql(0) + " IS NULL OR " + c.sql(1) + " IS NULL THEN NULL" + nan
                        + " ELSE coalesce(list_position(" + c.sql(0) + ", " + c.sql(1) + "), 0) END AS BIGINT)", TrinoType.BIGINT);
            }
            case "array_remove": {
                c.arity(2);
                // As array_position: a NULL value answers NULL, NULL elements stay, and a NaN equals nothing so stays.
                String nan = floating(c.type(0)) ? " OR isnan(__x)" : "";
                return new Typed("CASE WHEN " + c.sql(1) + " IS NULL THEN NULL ELSE list_filter(" + c.sql(0) + ", __x -> __x IS NULL OR __x <> "
                        + c.sql(1) + nan + ") END", c.type(0));
            }
            case "flatten":
                c.arity(1);
                c.require(c.type(0).is("array") && c.type(0).element().is("array"));
                return new Typed(c.fn("flatten"), c.type(0).element());
            case "array_union":
                c.arity(2);
                return new Typed("trino_array_distinct(" + c.sql(0) + " || " + c.sql(1) + ")", Operators.unifyTyped(c.node(),
                        "array_union", c.args()).get(0).type());
            // Trino's array_intersect and array_except match elements with IDENTICAL, where NULL is NULL's match;
            // DuckDB's list_contains never finds a NULL.
            case "array_intersect":
                c.arity(2);
                return new Typed("trino_array_distinct(list_filter(" + c.sql(0) + ", __x -> CASE WHEN __x IS NULL THEN list_count("
                        + c.sql(1) + ") < len(" + c.sql(1) + ") ELSE list_contains(" + c.sql(1) + ", __x) END))", c.type(0));
            case "array_except":
                c.arity(2);
                // ArrayExceptFunction gives the first array back as it is (duplicates too) when either array is empty.
                return new Typed("CASE WHEN len(" + c.sql(0) + ") = 0 OR len(" + c.sql(1) + ") = 0 THEN " + c.sql(0)
                        + " ELSE trino_array_distinct(list_filter(" + c.sql(0) + ", __x -> CASE WHEN __x IS NULL THEN list_count(" + c.sql(1)
                        + ") = len(" + c.sql(1) + ") ELSE NOT list_contains(" + c.sql(1) + ", __x) END)) END", c.type(0));
            case "arrays_overlap":
                c.arity(2);
                // Trino: no common non-NULL element but a NULL in either (non-empty) array is NULL, not false.
                return new Typed("CASE WHEN " + c.sql(0) + " IS NULL OR " + c.sql(1) + " IS NULL THEN NULL WHEN len(" + c.sql(0) + ") = 0 OR len(" + c.sql(1) + ") = 0 THEN false "
                        + "WHEN len(list_filter(" + c.sql(0) + ", __x -> list_contains(" + c.sql(1) + ", __x))) > 0 THEN true "
                        + "WHEN list_count(" + c.sql(0) + ") < len(" + c.sql(0) + ") OR list_count(" + c.sql(1) + ") < len(" + c.sql(1)
                        + ") THEN NULL ELSE false END", TrinoType.BOOLEAN);
            case "repeat":
                c.arity(2);
                return new Typed("list_transform(range(CAST(" + c.sql(1) + " AS BIGINT)), __x -> " + c.sql(0) + ")",
                        TrinoType.array(c.type(0)));
            case "split_to_map":
                c.arity(3);
                c.require(c.stringArg(0) && c.stringArg(1) && c.stringArg(2));
                return new Typed(c.fn("trino_split_to_map"), TrinoType.map(TrinoType.VARCHAR, TrinoType.VARCHAR));
            case "map": {
                if (c.n() == 0) {
                    TrinoType t = TrinoType.map(TrinoType.UNKNOWN, TrinoType.UNKNOWN);
                    return new Typed("MAP {}", t);
                }
                c.arity(2);
                c.require(c.type(0).is("array") && c.type(1).is("array"));
                return new Typed(c.fn("trino_map"), TrinoType.map(c.type(0).element(), c.type(1).element()));
            }
            case "map_entries": {
                c.arity(1);
                c.require(c.type(0).is("map"));
                TrinoType row = TrinoType.row(List.of("", ""), c.type(0).elements());
                return new Typed("list_transform(map_entries(" + c.sql(0) + "), __e -> struct_pack(field0 := __e.key, "
                        + "field1 := __e.value))", TrinoType.array(row));
            }
            case "map_from_entries": {
                c.arity(1);
                c.require(c.type(0).is("array") && c.type(0).element().is("row") && c.type(0).element().elements().size() == 2);
                TrinoType row = c.type(0).element();
                String k = row.fieldNames().get(0).isEmpty() ? "field0" : row.fieldNames().get(0);
                String v = row.fieldNames().get(1).isEmpty() ? "field1" : row.fieldNames().get(1);
                return new Typed("trino_map_from_keyed_entries(list_transform(" + c.sql(0) + ", __e -> struct_pack(key := struct_extract(__e, "
                        + Sql.string(k) + "), value := struct_extract(__e, " + Sql.string(v) + "))))", TrinoType.map(row.elements().get(0),
                        row.elements().get(1)));
            }
            case "map_concat": {
                c.require(c.n() >= 2 && c.args().stream().allMatch(a -> a.type().is("map")));
                List<Typed> all = Operators.unifyTyped(c.node(), "map_concat", c.args());
                return new Typed("map_concat(" + String.join(", ", all.stream().map(Typed::sql).toList()) + ")", all.get(0).type());
            }
            case "zip": {
                c.require(c.n() >= 2 && c.n() <= 5 && c.args().stream().allMatch(a -> a.type().is("array")));
                List<String> fields = new java.util.ArrayList<>();
                List<String> lengths = new java.util.ArrayList<>();
                List<TrinoType> types = new java.util.ArrayList<>();
                List<String> names = new java.util.ArrayList<>();
                for (int i = 0; i < c.n(); i++) {
                    fields.add("field" + i + " := " + c.sql(i) + "[__i]");
                    lengths.add("len(" + c.sql(i) + ")");
                    types.add(c.type(i).element());
                    names.add("");
                }
                TrinoType row = TrinoType.row(names, types);
                return new Typed("list_transform(range(1, greatest(" + String.join(", ", lengths) + ") + 1), __i -> CAST(struct_pack("
                        + String.join(", ", fields) + ") AS " + row.duckDb() + "))", TrinoType.array(row));
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

    private static boolean floating(TrinoType array) {
        return array.is("array") && (array.element().is("double") || array.element().is("real"));
    }
}
