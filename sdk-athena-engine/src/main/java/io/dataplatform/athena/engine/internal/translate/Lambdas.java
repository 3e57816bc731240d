package io.dataplatform.athena.engine.internal.translate;

import io.trino.sql.tree.Expression;
import io.trino.sql.tree.FunctionCall;
import io.trino.sql.tree.LambdaArgumentDeclaration;
import io.trino.sql.tree.LambdaExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Trino's higher-order functions (transform, filter, reduce, any_match, ...) as DuckDB list lambdas. */
final class Lambdas {
    private Lambdas() {
    }

    /** The translated call, or null when {@code name} is not a function that takes a lambda. */
    static Typed call(ExpressionTranslator tr, FunctionCall f, String name) {
        List<Expression> args = f.getArguments();
        switch (name) {
            case "transform": {
                Typed array = array(tr, f, args, 2);
                Typed body = lambda(tr, f, args.get(1), List.of(array.type().element()));
                return new Typed("list_transform(" + array.sql() + ", " + body.sql() + ")", TrinoType.array(body.type()));
            }
            case "filter": {
                Typed array = array(tr, f, args, 2);
                Typed body = predicate(f, lambda(tr, f, args.get(1), List.of(array.type().element())));
                return new Typed("list_filter(" + array.sql() + ", " + body.sql() + ")", array.type());
            }
            case "any_match", "all_match", "none_match": {
                Typed array = array(tr, f, args, 2);
                Typed body = predicate(f, lambda(tr, f, args.get(1), List.of(array.type().element())));
                String matches = "list_transform(" + array.sql() + ", " + body.sql() + ")";
                String sql = switch (name) {
                    case "any_match" -> "trino_any_match(" + matches + ")";
                    case "all_match" -> "trino_all_match(" + matches + ")";
                    default -> "(NOT trino_any_match(" + matches + "))";
                };
                return new Typed(sql, TrinoType.BOOLEAN);
            }
            case "reduce": {
                Typed array = array(tr, f, args, 4);
                Typed initial = tr.translate(args.get(1));
                Typed step = lambda(tr, f, args.get(2), List.of(initial.type(), array.type().element()));
                TrinoType state = Coercions.common(initial.type(), step.type());
                if (state == null) {
                    throw Errors.typeMismatch(f, "Cannot find common type for reduce state: " + initial.type() + " and " + step.type());
                }
                step = lambda(tr, f, args.get(2), List.of(state, array.type().element()));
                String reduced = "list_reduce(" + array.sql() + ", " + step.sql() + ", " + Coercions.to(initial, state) + ")";
                return inline(tr, f, args.get(3), List.of(new Typed(reduced, state)));
            }
            case "zip_with": {
                if (args.size() != 3) {
                    throw Errors.at("FUNCTION_NOT_FOUND", f, "Unexpected parameters for function zip_with");
                }
                Typed a = tr.translate(args.get(0));
                Typed b = tr.translate(args.get(1));
                String i = "__z" + tr.queries.nextId();
                Typed body = inline(tr, f, args.get(2), List.of(new Typed(a.sql() + "[" + i + "]", a.type().element()),
                        new Typed(b.sql() + "[" + i + "]", b.type().element())));
                return new Typed("list_transform(range(1, greatest(len(" + a.sql() + "), len(" + b.sql() + ")) + 1), " + i + " -> "
                        + body.sql() + ")", TrinoType.array(body.type()));
            }
            case "transform_values", "transform_keys", "map_filter": {
                if (args.size() != 2) {
                    throw Errors.at("FUNCTION_NOT_FOUND", f, "Unexpected parameters for function " + name);
                }
                Typed map = tr.translate(args.get(0));
                if (!map.type().is("map")) {
                    throw Errors.at("FUNCTION_NOT_FOUND", f, "Unexpected parameters (" + map.type() + ") for function " + name);
                }
                String e = "__e" + tr.queries.nextId();
                TrinoType k = map.type().elements().get(0);
                TrinoType v = map.type().elements().get(1);
                Typed body = inline(tr, f, args.get(1), List.of(new Typed(e + ".key", k), new Typed(e + ".value", v)));
                String entries = "map_entries(" + map.sql() + ")";
                return switch (name) {
                    case "map_filter" -> new Typed("map_from_entries(list_filter(" + entries + ", " + e + " -> " + body.sql() + "))",
                            map.type());
                    case "transform_values" -> new Typed("map_from_entries(list_transform(" + entries + ", " + e
                            + " -> struct_pack(key := " + e + ".key, value := " + body.sql() + ")))", TrinoType.map(k, body.type()));
                    default -> new Typed("trino_map_from_keyed_entries(list_transform(" + entries + ", " + e
                            + " -> struct_pack(key := " + body.sql() + ", value := " + e + ".value)))", TrinoType.map(body.type(), v));
                };
            }
            case "array_sort": {
                if (args.size() != 2) {
                    return null;
                }
                return sortWith(tr, f, array(tr, f, args, 2), args.get(1));
            }
            case "array_sort_with", "find_first":
                throw Errors.notSupported(f, "The function " + name);
            default:
                return null;
        }
    }

    /**
     * array_sort(a, (x, y) -> ...) with Trino's comparator (negative, zero or positive): DuckDB sorts by no
     * lambda, so each element's place is counted, stably, as the elements the comparator puts before it.
     */
    private static Typed sortWith(ExpressionTranslator tr, FunctionCall f, Typed array, Expression comparator) {
        String a = "__a" + tr.queries.nextId();
        String i = "__i" + tr.queries.nextId();
        String j = "__j" + tr.queries.nextId();
        String places = "__p" + tr.queries.nextId();
        String k = "__k" + tr.queries.nextId();
        TrinoType element = array.type().element();
        Typed cmp = inline(tr, f, comparator, List.of(new Typed(a + "[" + j + "]", element), new Typed(a + "[" + i + "]", element)));
        if (!cmp.type().isIntegral() && !cmp.type().is("unknown")) {
            throw Errors.at("FUNCTION_NOT_FOUND", f, "Unexpected parameters for function array_sort: the comparator must return integer, not "
                    + cmp.type());
        }
        // Trino fails a comparator result other than -1, 0 or 1, NULL included.
        String checked = "CASE WHEN coalesce((" + cmp.sql() + ") NOT IN (-1, 0, 1), true) THEN " + Errors.raise("INVALID_FUNCTION_ARGUMENT",
                "Lambda comparator must return either -1, 0, or 1") + " ELSE (" + cmp.sql() + ") END";
        // The comparator is never called with an element and itself, as Trino's sort does not call it so.
        String others = "list_filter(range(1, len(" + a + ") + 1), " + j + " -> " + j + " <> " + i + ")";
        String before = "len(list_filter(" + others + ", " + j + " -> " + checked + " < 0 OR (" + j + " < " + i + " AND " + checked
                + " = 0)))";
        String placed = "list_transform(range(1, len(" + a + ") + 1), " + i + " -> " + before + ")";
        // A comparator that is not a consistent order gives two elements one place; Trino's answer then depends on its sort.
        String sorted = "CASE WHEN len(list_distinct(" + places + ")) < len(" + places + ") THEN " + Errors.raise("NOT_SUPPORTED",
                "array_sort with a comparator that is not a consistent order is not supported by the fake Athena") + " ELSE list_transform(range(0, len(" + a + ")), " + k + " -> "
                + a + "[list_position(" + places + ", " + k + ")]) END";
        return new Typed("list_transform([" + array.sql() + "], " + a + " -> list_transform([" + placed + "], " + places + " -> " + sorted
                + ")[1])[1]", array.type());
    }

    private static Typed predicate(FunctionCall f, Typed lambda) {
        if (!lambda.type().is("boolean") && !lambda.type().is("unknown")) {
            throw Errors.at("FUNCTION_NOT_FOUND", f, "Unexpected parameters for function " + f.getName()
                    + ": the lambda must return boolean, not " + lambda.type());
        }
        return lambda;
    }

    private static Typed array(ExpressionTranslator tr, FunctionCall f, List<Expression> args, int arity) {
        if (args.size() != arity) {
            throw Errors.at("FUNCTION_NOT_FOUND", f, "Unexpected parameters for function " + f.getName());
        }
        Typed array = tr.translate(args.get(0));
        if (!array.type().is("array")) {
            throw Errors.at("FUNCTION_NOT_FOUND", f, "Unexpected parameters (" + array.type() + ") for function " + f.getName());
        }
        return array;
    }

    /** A DuckDB lambda {@code (a, b) -> body} whose parameters have the given types. */
    private static Typed lambda(ExpressionTranslator tr, FunctionCall f, Expression e, List<TrinoType> types) {
        LambdaExpression l = lambdaOf(f, e, types.size());
        List<Scope.Field> fields = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            String sql = "__l" + tr.queries.nextId();
            names.add(sql);
            fields.add(new Scope.Field(List.of(), name(l.getArguments().get(i)), types.get(i), sql));
        }
        Typed body = tr.withScope(new Scope(fields, tr.scope)).translate(l.getBody());
        String params = names.size() == 1 ? names.get(0) : "(" + String.join(", ", names) + ")";
        return new Typed(params + " -> " + body.sql(), body.type());
    }

    /** The lambda's body with its parameters bound to the given expressions. */
    private static Typed inline(ExpressionTranslator tr, FunctionCall f, Expression e, List<Typed> bindings) {
        LambdaExpression l = lambdaOf(f, e, bindings.size());
        List<Scope.Field> fields = new ArrayList<>();
        for (int i = 0; i < bindings.size(); i++) {
            fields.add(new Scope.Field(List.of(), name(l.getArguments().get(i)), bindings.get(i).type(), "(" + bindings.get(i).sql() + ")"));
        }
        return tr.withScope(new Scope(fields, tr.scope)).translate(l.getBody());
    }

    private static LambdaExpression lambdaOf(FunctionCall f, Expression e, int params) {
        if (e instanceof LambdaExpression l && l.getArguments().size() == params) {
            return l;
        }
        throw Errors.at("FUNCTION_NOT_FOUND", f, "Unexpected parameters for function " + f.getName()
                + ": expected a lambda with " + params + " argument(s)");
    }

    private static String name(LambdaArgumentDeclaration d) {
        return d.getName().getValue().toLowerCase(Locale.ROOT);
    }
}
