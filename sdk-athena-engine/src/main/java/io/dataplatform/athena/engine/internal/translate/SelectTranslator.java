package io.dataplatform.athena.engine.internal.translate;

import io.trino.sql.tree.AllColumns;
import io.trino.sql.tree.DereferenceExpression;
import io.trino.sql.tree.Expression;
import io.trino.sql.tree.FetchFirst;
import io.trino.sql.tree.GroupingElement;
import io.trino.sql.tree.GroupingSets;
import io.trino.sql.tree.Identifier;
import io.trino.sql.tree.LongLiteral;
import io.trino.sql.tree.Node;
import io.trino.sql.tree.QuerySpecification;
import io.trino.sql.tree.Select;
import io.trino.sql.tree.SelectItem;
import io.trino.sql.tree.SimpleGroupBy;
import io.trino.sql.tree.SingleColumn;
import io.trino.sql.tree.SortItem;
import io.trino.sql.tree.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Translates one SELECT (a query specification): FROM, WHERE, GROUP BY with Trino's aggregation rule,
 * HAVING, the select list with Trino's column names, ORDER BY (select aliases and ordinals), OFFSET, LIMIT.
 */
final class SelectTranslator {
    private final QueryTranslator queries;

    SelectTranslator(QueryTranslator queries) {
        this.queries = queries;
    }

    /** A SELECT: columns named by position, or as Trino names them for the statement's result. */
    QueryTranslator.Result translate(QuerySpecification spec, Scope outer, boolean positional) {
        java.util.Map<String, io.trino.sql.tree.WindowSpecification> named = new java.util.HashMap<>();
        for (io.trino.sql.tree.WindowDefinition w : spec.getWindows()) {
            named.put(w.getName().getValue().toLowerCase(Locale.ROOT), w.getWindow());
        }
        queries.windows.push(named);
        try {
            return translateSpecification(spec, outer, positional);
        } finally {
            queries.windows.pop();
        }
    }

    private QueryTranslator.Result translateSpecification(QuerySpecification spec, Scope outer, boolean positional) {
        if (spec.getGroupBy().isEmpty() && spec.getSelect().getSelectItems().stream().anyMatch(SelectTranslator::containsGrouping)) {
            throw Errors.at("MISSING_GROUP_BY", spec.getSelect(), "A GROUPING() operation can only be used with a corresponding "
                    + "GROUPING SET/CUBE/ROLLUP/GROUP BY clause");
        }
        Relations.Rel from = spec.getFrom().map(r -> queries.relations.relation(r, outer)).orElse(null);
        Scope scope = new Scope(from == null ? List.of() : from.fields(), outer);
        ExpressionTranslator tr = new ExpressionTranslator(queries, scope, false, e -> null);
        Select select = spec.getSelect();
        List<Typed> values = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Node> sources = new ArrayList<>();
        for (SelectItem item : select.getSelectItems()) {
            if (item instanceof AllColumns all) {
                expandAll(all, scope, from, values, names, sources);
            } else {
                SingleColumn c = (SingleColumn) item;
                values.add(tr.translate(c.getExpression()));
                sources.add(c.getExpression());
                names.add(c.getAlias().map(a -> a.getValue().toLowerCase(Locale.ROOT)).orElseGet(() -> name(c.getExpression(),
                        names.size())));
            }
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        if (select.isDistinct()) {
            sql.append("DISTINCT ");
        }
        List<String> items = new ArrayList<>();
        List<TypedColumn> cols = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            TrinoType t = values.get(i).type();
            String v = t.is("unknown") ? "CAST(" + values.get(i).sql() + " AS VARCHAR)" : values.get(i).sql();
            items.add(v + " AS " + (positional ? QueryTranslator.column(i) : Sql.identifier(names.get(i))));
            cols.add(new TypedColumn(names.get(i), t.toString(), t.is("timestamp with time zone") ? values.get(i).zone() : null));
        }
        sql.append(String.join(", ", items));
        if (from != null) {
            sql.append(" FROM ").append(from.sql());
        }
        spec.getWhere().ifPresent(w -> {
            AggregationCheck.requireScalar(w, "WHERE");
            sql.append(" WHERE ").append(tr.clause(w, "WHERE"));
        });
        Function<Expression, Typed> groupOrdinals = e -> {
            if (e instanceof LongLiteral l) {
                long i = l.getParsedValue();
                if (i < 1 || i > values.size()) {
                    throw Errors.at("INVALID_COLUMN_REFERENCE", e, "GROUP BY position " + i + " is not in select list");
                }
                return values.get((int) i - 1);
            }
            return tr.translate(e);
        };
        spec.getGroupBy().ifPresent(g -> {
            List<String> elements = new ArrayList<>();
            for (GroupingElement element : g.getGroupingElements()) {
                String groupSql = groupingElement(groupOrdinals, element);
                // GROUP BY () is one group of all rows.
                elements.add(groupSql.isEmpty() ? "GROUPING SETS (())" : groupSql);
            }
            sql.append(" GROUP BY ").append(g.isDistinct() ? "DISTINCT " : "").append(String.join(", ", elements));
        });
        spec.getHaving().ifPresent(h -> sql.append(" HAVING ").append(tr.clause(h, "HAVING")));
        Function<Expression, Typed> orderOrdinals = e -> {
            if (e instanceof LongLiteral l) {
                long i = l.getParsedValue();
                if (i < 1 || i > values.size()) {
                    throw Errors.at("INVALID_COLUMN_REFERENCE", e, "ORDER BY position " + i + " is not in select list");
                }
                return values.get((int) i - 1);
            }
            return null;
        };
        ExpressionTranslator order = new ExpressionTranslator(queries, scope, false, e -> {
            if (e instanceof Identifier id) {
                String n = id.getValue().toLowerCase(Locale.ROOT);
                int found = -1;
                for (int i = 0; i < names.size(); i++) {
                    if (names.get(i).equals(n)) {
                        if (found >= 0 && !values.get(found).sql().equals(values.get(i).sql())) {
                            throw Errors.at("AMBIGUOUS_NAME", e, "'" + n + "' in ORDER BY is ambiguous");
                        }
                        found = found < 0 ? i : found;
                    }
                }
                return found < 0 ? null : values.get(found);
            }
            return null;
        });
        checkAggregation(spec, tr, sources, names);
        if (select.isDistinct() && spec.getOrderBy().isPresent()) {
            for (SortItem item : spec.getOrderBy().get().getSortItems()) {
                Typed key = orderOrdinals.apply(item.getSortKey());
                String keySql = (key == null ? order.translate(item.getSortKey()) : key).sql();
                if (values.stream().noneMatch(v -> v.sql().equals(keySql))) {
                    throw Errors.at("EXPRESSION_NOT_IN_DISTINCT", item.getSortKey(),
                            "For SELECT DISTINCT, ORDER BY expressions must appear in select list");
                }
            }
        }
        if (spec.getLimit().isPresent() && spec.getLimit().get() instanceof FetchFirst f && f.isWithTies()) {
            return withTies(spec, f, order, orderOrdinals, sql, cols, select.isDistinct());
        }
        sql.append(queries.tail(order, orderOrdinals, spec.getOrderBy(), spec.getOffset(), spec.getLimit()));
        return new QueryTranslator.Result(sql.toString(), cols);
    }

    private static boolean containsGrouping(Node node) {
        if (node instanceof io.trino.sql.tree.GroupingOperation) {
            return true;
        }
        if (node instanceof io.trino.sql.tree.SubqueryExpression) {
            return false;
        }
        return node.getChildren().stream().anyMatch(SelectTranslator::containsGrouping);
    }

    /** FETCH FIRST n ROWS WITH TIES: the rows whose rank in the ORDER BY is at most n. */
    private QueryTranslator.Result withTies(QuerySpecification spec, FetchFirst f, ExpressionTranslator order,
            Function<Expression, Typed> ordinals,
            StringBuilder select, List<TypedColumn> cols, boolean distinct) {
        if (spec.getOrderBy().isEmpty()) {
            throw Errors.at("MISSING_ORDER_BY", f, "FETCH FIRST WITH TIES clause requires ORDER BY");
        }
        if (distinct || spec.getOffset().isPresent()) {
            throw Errors.notSupported(f, "FETCH FIRST .. WITH TIES with DISTINCT or OFFSET");
        }
        String rank = "rank() OVER (ORDER BY " + QueryTranslator.sortItems(order, spec.getOrderBy().get().getSortItems(), ordinals) + ") AS _rk";
        int from = select.indexOf(" FROM ");
        String inner = from < 0 ? select + ", " + rank : select.substring(0, from) + ", " + rank + select.substring(from);
        long n = f.getRowCount().map(QueryTranslator::rowCount).orElse(1L);
        return new QueryTranslator.Result("SELECT * EXCLUDE (_rk) FROM (" + inner + ") WHERE _rk <= " + n + " ORDER BY _rk", cols);
    }

    private void checkAggregation(QuerySpecification spec, ExpressionTranslator tr, List<Node> sources, List<String> names) {
        Scope scope = tr.scope;
        boolean aggregation = spec.getGroupBy().isPresent() || spec.getHaving().isPresent()
                || spec.getSelect().getSelectItems().stream().anyMatch(AggregationCheck::containsAggregate);
        if (!aggregation) {
            return;
        }
        List<Expression> grouped = new ArrayList<>();
        spec.getGroupBy().ifPresent(g -> {
            for (GroupingElement element : g.getGroupingElements()) {
                for (Expression e : element.getExpressions()) {
                    if (e instanceof LongLiteral l && l.getParsedValue() >= 1 && l.getParsedValue() <= sources.size()
                            && sources.get((int) l.getParsedValue() - 1) instanceof Expression item) {
                        grouped.add(item);
                    } else {
                        grouped.add(e);
                    }
                }
            }
        });
        java.util.Set<String> groupedSql = new java.util.HashSet<>();
        for (Expression g : grouped) {
            groupedSql.add(tr.translate(g).sql());
        }
        for (Node source : sources) {
            if (source instanceof Expression e) {
                AggregationCheck.check(e, grouped, groupedSql, tr);
            } else if (!grouped.isEmpty() || spec.getGroupBy().isEmpty()) {
                for (Scope.Field field : scope.fields) {
                    boolean isGrouped = groupedSql.contains(field.sql());
                    if (!isGrouped && !field.qualifiedOnly()) {
                        throw Errors.at("EXPRESSION_NOT_AGGREGATE", source, "'" + field.name()
                                + "' must be an aggregate expression or appear in GROUP BY clause");
                    }
                }
            }
        }
        spec.getHaving().ifPresent(h -> AggregationCheck.check(h, grouped, groupedSql, tr));
        // ORDER BY of an aggregation: a select alias, an ordinal, or grouped and aggregated expressions only.
        spec.getOrderBy().ifPresent(o -> o.getSortItems().forEach(item -> {
            Expression key = item.getSortKey();
            boolean alias = key instanceof Identifier id && names.contains(id.getValue().toLowerCase(Locale.ROOT));
            if (!(key instanceof LongLiteral) && !alias) {
                AggregationCheck.check(key, grouped, groupedSql, tr);
            }
        }));
    }

    private String groupingElement(Function<Expression, Typed> tr, GroupingElement element) {
        if (element instanceof SimpleGroupBy s) {
            return String.join(", ", s.getExpressions().stream().map(e -> tr.apply(e).sql()).toList());
        }
        if (element instanceof GroupingSets g) {
            List<String> sets = new ArrayList<>();
            for (List<Expression> set : g.getSets()) {
                sets.add("(" + String.join(", ", set.stream().map(e -> tr.apply(e).sql()).toList()) + ")");
            }
            return switch (g.getType()) {
                case EXPLICIT -> "GROUPING SETS (" + String.join(", ", sets) + ")";
                case ROLLUP -> "ROLLUP (" + String.join(", ", g.getSets().stream().flatMap(List::stream)
                        .map(e -> tr.apply(e).sql()).toList()) + ")";
                case CUBE -> "CUBE (" + String.join(", ", g.getSets().stream().flatMap(List::stream)
                        .map(e -> tr.apply(e).sql()).toList()) + ")";
            };
        }
        throw Errors.notSupported(element, element.getClass().getSimpleName());
    }

    private void expandAll(AllColumns all, Scope scope, Relations.Rel from, List<Typed> values, List<String> names,
            List<Node> sources) {
        if (from == null) {
            throw Errors.at("COLUMN_NOT_FOUND", all, "SELECT * not allowed in queries without FROM clause");
        }
        if (all.getTarget().isPresent()) {
            List<String> qualifier = qualifier(all.getTarget().get());
            if (qualifier == null || !scope.hasQualifier(qualifier)) {
                throw Errors.at("TABLE_NOT_FOUND", all, "Table '" + all.getTarget().get() + "' not found");
            }
            for (Scope.Field f : from.fields()) {
                if (f.qualifiedBy(qualifier) && !f.qualifier().isEmpty()) {
                    queries.read(f);
                    values.add(new Typed(f.sql(), f.type()));
                    names.add(f.name());
                    sources.add(all);
                }
            }
            return;
        }
        for (Scope.Field f : from.fields()) {
            if (!f.qualifiedOnly()) {
                queries.read(f);
                values.add(new Typed(f.sql(), f.type()));
                names.add(f.name());
                sources.add(all);
            }
        }
    }

    private static List<String> qualifier(Expression e) {
        if (e instanceof Identifier id) {
            return new ArrayList<>(List.of(id.getValue().toLowerCase(Locale.ROOT)));
        }
        if (e instanceof DereferenceExpression d) {
            List<String> base = qualifier(d.getBase());
            if (base != null) {
                base.add(d.getField().orElseThrow().getValue().toLowerCase(Locale.ROOT));
            }
            return base;
        }
        return null;
    }

    /** Trino's name for an unaliased select item: a column keeps its name, anything else is {@code _colN}. */
    private static String name(Expression e, int index) {
        if (e instanceof Identifier id) {
            return id.getValue().toLowerCase(Locale.ROOT);
        }
        if (e instanceof DereferenceExpression d && d.getField().isPresent()) {
            return d.getField().get().getValue().toLowerCase(Locale.ROOT);
        }
        return "_col" + index;
    }
}
