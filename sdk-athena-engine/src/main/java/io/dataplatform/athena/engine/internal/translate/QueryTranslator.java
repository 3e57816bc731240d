package io.dataplatform.athena.engine.internal.translate;

import io.trino.sql.tree.AllColumns;
import io.trino.sql.tree.AllRows;
import io.trino.sql.tree.DereferenceExpression;
import io.trino.sql.tree.Except;
import io.trino.sql.tree.Expression;
import io.trino.sql.tree.FetchFirst;
import io.trino.sql.tree.GroupingElement;
import io.trino.sql.tree.GroupingSets;
import io.trino.sql.tree.Identifier;
import io.trino.sql.tree.Intersect;
import io.trino.sql.tree.Limit;
import io.trino.sql.tree.LongLiteral;
import io.trino.sql.tree.Node;
import io.trino.sql.tree.Offset;
import io.trino.sql.tree.OrderBy;
import io.trino.sql.tree.Query;
import io.trino.sql.tree.QueryBody;
import io.trino.sql.tree.QuerySpecification;
import io.trino.sql.tree.Relation;
import io.trino.sql.tree.Select;
import io.trino.sql.tree.SelectItem;
import io.trino.sql.tree.SetOperation;
import io.trino.sql.tree.SimpleGroupBy;
import io.trino.sql.tree.SingleColumn;
import io.trino.sql.tree.SortItem;
import io.trino.sql.tree.Table;
import io.trino.sql.tree.TableSubquery;
import io.trino.sql.tree.Union;
import io.trino.sql.tree.Values;
import io.trino.sql.tree.WithQuery;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Translates queries: SELECT with its clauses, set operations, VALUES and WITH. Inner queries name
 * their columns by position ({@code "_c0"}, ...) so that duplicate or unnamed Trino columns stay
 * addressable; the statement's own result carries Trino's names.
 */
final class QueryTranslator {
    /** A translated query: its DuckDB SQL and its columns (Trino names and types). */
    record Result(String sql, List<TypedColumn> columns) {
    }

    final TableResolver resolver;
    private final Deque<Map<String, Result>> ctes = new ArrayDeque<>();
    private final Relations relations;
    private int ids;

    QueryTranslator(TableResolver resolver) {
        this.resolver = resolver;
        this.relations = new Relations(this);
    }

    int nextId() {
        return ids++;
    }

    /** The statement's query, its columns named as Trino names them. */
    Result top(Query q) {
        return query(q, Scope.empty(), false);
    }

    /** A query inside an expression or FROM clause, its columns named by position. */
    Result subquery(Query q, Scope outer) {
        return query(q, outer, true);
    }

    Optional<Result> cte(String name) {
        for (Map<String, Result> level : ctes) {
            Result r = level.get(name);
            if (r != null) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    static String column(int i) {
        return "_c" + i;
    }

    private Result query(Query q, Scope outer, boolean positional) {
        StringBuilder with = new StringBuilder();
        Map<String, Result> level = new HashMap<>();
        ctes.push(level);
        try {
            if (q.getWith().isPresent()) {
                if (q.getWith().get().isRecursive()) {
                    throw Errors.notSupported(q.getWith().get(), "WITH RECURSIVE");
                }
                List<String> defs = new ArrayList<>();
                for (WithQuery w : q.getWith().get().getQueries()) {
                    String name = w.getName().getValue().toLowerCase(Locale.ROOT);
                    Result r = subquery(w.getQuery(), outer);
                    List<TypedColumn> cols = r.columns();
                    if (w.getColumnNames().isPresent()) {
                        cols = renamed(w, cols, w.getColumnNames().get(), name);
                    }
                    String sqlName = "_w" + nextId();
                    defs.add(sqlName + " AS (" + r.sql() + ")");
                    level.put(name, new Result(sqlName, cols));
                }
                with.append("WITH ").append(String.join(", ", defs)).append(' ');
            }
            Result body;
            if (q.getQueryBody() instanceof QuerySpecification spec && q.getOrderBy().isEmpty() && q.getLimit().isEmpty()
                    && q.getOffset().isEmpty()) {
                body = specification(spec, outer, positional);
            } else {
                Result inner = body(q.getQueryBody(), outer);
                body = ordered(inner, q.getOrderBy(), q.getOffset(), q.getLimit(), outer, positional);
            }
            return new Result(with + body.sql(), body.columns());
        } finally {
            ctes.pop();
        }
    }

    static List<TypedColumn> renamed(Node node, List<TypedColumn> cols, List<Identifier> names, String relation) {
        if (names.size() != cols.size()) {
            throw Errors.at("MISMATCHED_COLUMN_ALIASES", node, "Column alias list has " + names.size()
                    + " entries but '" + relation + "' has " + cols.size() + " columns available");
        }
        List<TypedColumn> out = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            out.add(new TypedColumn(names.get(i).getValue().toLowerCase(Locale.ROOT), cols.get(i).trinoType()));
        }
        return out;
    }

    /** A query body with positional column names. */
    Result body(QueryBody b, Scope outer) {
        if (b instanceof QuerySpecification spec) {
            return specification(spec, outer, true);
        }
        if (b instanceof TableSubquery t) {
            return subquery(t.getQuery(), outer);
        }
        if (b instanceof SetOperation s) {
            return setOperation(s, outer);
        }
        if (b instanceof Values v) {
            return relations.values(v, outer);
        }
        if (b instanceof Table t) {
            Relations.Rel rel = relations.relation(t, outer);
            List<String> items = new ArrayList<>();
            List<TypedColumn> cols = new ArrayList<>();
            for (Scope.Field f : rel.fields()) {
                items.add(f.sql() + " AS " + column(cols.size()));
                cols.add(new TypedColumn(f.name(), f.type().toString()));
            }
            return new Result("SELECT " + String.join(", ", items) + " FROM " + rel.sql(), cols);
        }
        throw Errors.notSupported(b, b.getClass().getSimpleName());
    }

    private Result setOperation(SetOperation s, Scope outer) {
        List<Result> parts = new ArrayList<>();
        for (Relation r : s.getRelations()) {
            parts.add(body((QueryBody) r, outer));
        }
        String op = s instanceof Union ? "UNION" : s instanceof Intersect ? "INTERSECT" : s instanceof Except ? "EXCEPT" : null;
        int width = parts.get(0).columns().size();
        List<TrinoType> types = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            TrinoType t = TrinoType.UNKNOWN;
            List<String> all = new ArrayList<>();
            for (Result p : parts) {
                if (p.columns().size() != width) {
                    throw Errors.typeMismatch(s, op + " query has different number of fields: " + width + ", " + p.columns().size());
                }
                TrinoType pt = TrinoType.parse(p.columns().get(i).trinoType());
                all.add(pt.toString());
                t = Coercions.common(t, pt);
                if (t == null) {
                    throw Errors.typeMismatch(s, "column " + (i + 1) + " in " + op + " query has incompatible types: "
                            + String.join(", ", all));
                }
            }
            types.add(t);
        }
        List<String> sqls = new ArrayList<>();
        for (Result p : parts) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < width; i++) {
                Typed v = new Typed(column(i), TrinoType.parse(p.columns().get(i).trinoType()));
                items.add(Coercions.to(v, types.get(i)) + " AS " + column(i));
            }
            sqls.add("SELECT " + String.join(", ", items) + " FROM (" + p.sql() + ")");
        }
        String joiner = " " + op + (s.isDistinct() ? " " : " ALL ");
        List<TypedColumn> cols = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            cols.add(new TypedColumn(parts.get(0).columns().get(i).name(), types.get(i).toString()));
        }
        return new Result("(" + String.join(joiner, sqls) + ")", cols);
    }

    /** ORDER BY / OFFSET / LIMIT over a query body's output columns. */
    private Result ordered(Result inner, Optional<OrderBy> orderBy, Optional<Offset> offset, Optional<Node> limit, Scope outer,
            boolean positional) {
        List<Scope.Field> fields = new ArrayList<>();
        for (int i = 0; i < inner.columns().size(); i++) {
            TypedColumn c = inner.columns().get(i);
            fields.add(new Scope.Field(List.of(), c.name(), TrinoType.parse(c.trinoType()), "_q." + column(i)));
        }
        Scope scope = new Scope(fields, outer);
        ExpressionTranslator tr = new ExpressionTranslator(this, scope, false, e -> null);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            items.add(fields.get(i).sql() + " AS " + (positional ? column(i) : Sql.identifier(inner.columns().get(i).name())));
        }
        String from = "SELECT " + String.join(", ", items) + " FROM (" + inner.sql() + ") AS _q";
        return new Result(from + tail(tr, e -> ordinal(e, fields), orderBy, offset, limit), inner.columns());
    }

    private static Typed ordinal(Expression e, List<Scope.Field> fields) {
        if (e instanceof LongLiteral l) {
            long i = l.getParsedValue();
            if (i < 1 || i > fields.size()) {
                throw Errors.at("INVALID_COLUMN_REFERENCE", e, "ORDER BY position " + i + " is not in select list");
            }
            Scope.Field f = fields.get((int) i - 1);
            return new Typed(f.sql(), f.type());
        }
        return null;
    }

    /** The ORDER BY, OFFSET and LIMIT / FETCH FIRST clauses. */
    private String tail(ExpressionTranslator tr, Function<Expression, Typed> ordinals, Optional<OrderBy> orderBy,
            Optional<Offset> offset, Optional<Node> limit) {
        StringBuilder sql = new StringBuilder();
        String order = orderBy.map(o -> sortItems(tr, o.getSortItems(), ordinals)).orElse(null);
        if (order != null) {
            sql.append(" ORDER BY ").append(order);
        }
        if (limit.isPresent()) {
            Node l = limit.get();
            if (l instanceof FetchFirst f && f.isWithTies()) {
                throw Errors.notSupported(f, "FETCH FIRST .. WITH TIES");
            }
            Optional<Expression> count = l instanceof Limit lim ? Optional.of(lim.getRowCount())
                    : ((FetchFirst) l).getRowCount();
            if (count.isEmpty()) {
                sql.append(" LIMIT 1");
            } else if (!(count.get() instanceof AllRows)) {
                sql.append(" LIMIT ").append(rowCount(count.get()));
            }
        }
        offset.ifPresent(o -> sql.append(" OFFSET ").append(rowCount(o.getRowCount())));
        return sql.toString();
    }

    private static long rowCount(Expression e) {
        if (e instanceof LongLiteral l) {
            return l.getParsedValue();
        }
        throw Errors.notSupported(e, "A row count that is not a literal");
    }

    static String sortItems(ExpressionTranslator tr, List<SortItem> items) {
        return sortItems(tr, items, e -> null);
    }

    /** Sort items; {@code ordinals} maps a sort key that is a select-list position ({@code ORDER BY 2}). */
    static String sortItems(ExpressionTranslator tr, List<SortItem> items, Function<Expression, Typed> ordinals) {
        List<String> out = new ArrayList<>();
        for (SortItem s : items) {
            Typed t = ordinals.apply(s.getSortKey());
            if (t == null) {
                t = tr.translate(s.getSortKey());
            }
            if (t.type().is("map") || t.type().is("json")) {
                throw Errors.typeMismatch(s, "Type " + t.type() + " is not orderable, and therefore cannot be used in ORDER BY");
            }
            String direction = s.getOrdering() == SortItem.Ordering.DESCENDING ? " DESC" : " ASC";
            // Trino's default is NULLS LAST whatever the direction.
            String nulls = s.getNullOrdering() == SortItem.NullOrdering.FIRST ? " NULLS FIRST" : " NULLS LAST";
            out.add(t.sql() + direction + nulls);
        }
        return String.join(", ", out);
    }

    private Result specification(QuerySpecification spec, Scope outer, boolean positional) {
        Relations.Rel from = spec.getFrom().map(r -> relations.relation(r, outer)).orElse(null);
        Scope scope = new Scope(from == null ? List.of() : from.fields(), outer);
        ExpressionTranslator tr = new ExpressionTranslator(this, scope, false, e -> null);
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
            items.add(v + " AS " + (positional ? column(i) : Sql.identifier(names.get(i))));
            cols.add(new TypedColumn(names.get(i), t.toString()));
        }
        sql.append(String.join(", ", items));
        if (from != null) {
            sql.append(" FROM ").append(from.sql());
        }
        spec.getWhere().ifPresent(w -> sql.append(" WHERE ").append(tr.bool(w)));
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
                elements.add(groupingElement(groupOrdinals, element));
            }
            sql.append(" GROUP BY ").append(g.isDistinct() ? "DISTINCT " : "").append(String.join(", ", elements));
        });
        spec.getHaving().ifPresent(h -> sql.append(" HAVING ").append(tr.bool(h)));
        if (!spec.getWindows().isEmpty()) {
            throw Errors.notSupported(spec.getWindows().get(0), "The WINDOW clause");
        }
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
        ExpressionTranslator order = new ExpressionTranslator(this, scope, false, e -> {
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
        checkAggregation(spec, tr, sources);
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
        sql.append(tail(order, orderOrdinals, spec.getOrderBy(), spec.getOffset(), spec.getLimit()));
        return new Result(sql.toString(), cols);
    }

    /** FETCH FIRST n ROWS WITH TIES: the rows whose rank in the ORDER BY is at most n. */
    private Result withTies(QuerySpecification spec, FetchFirst f, ExpressionTranslator order, Function<Expression, Typed> ordinals,
            StringBuilder select, List<TypedColumn> cols, boolean distinct) {
        if (spec.getOrderBy().isEmpty()) {
            throw Errors.at("MISSING_ORDER_BY", f, "FETCH FIRST WITH TIES clause requires ORDER BY");
        }
        if (distinct || spec.getOffset().isPresent()) {
            throw Errors.notSupported(f, "FETCH FIRST .. WITH TIES with DISTINCT or OFFSET");
        }
        String rank = "rank() OVER (ORDER BY " + sortItems(order, spec.getOrderBy().get().getSortItems(), ordinals) + ") AS _rk";
        int from = select.indexOf(" FROM ");
        String inner = from < 0 ? select + ", " + rank : select.substring(0, from) + ", " + rank + select.substring(from);
        long n = f.getRowCount().map(QueryTranslator::rowCount).orElse(1L);
        return new Result("SELECT * EXCLUDE (_rk) FROM (" + inner + ") WHERE _rk <= " + n + " ORDER BY _rk", cols);
    }

    private void checkAggregation(QuerySpecification spec, ExpressionTranslator tr, List<Node> sources) {
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
                    values.add(new Typed(f.sql(), f.type()));
                    names.add(f.name());
                    sources.add(all);
                }
            }
            return;
        }
        for (Scope.Field f : from.fields()) {
            if (!f.qualifiedOnly()) {
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
