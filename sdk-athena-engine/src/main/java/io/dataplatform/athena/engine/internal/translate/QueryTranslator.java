package io.dataplatform.athena.engine.internal.translate;

import io.trino.sql.tree.AllRows;
import io.trino.sql.tree.Except;
import io.trino.sql.tree.Expression;
import io.trino.sql.tree.FetchFirst;
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
import io.trino.sql.tree.SetOperation;
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
    final Relations relations;
    private final SelectTranslator select;
    /** The named windows (WINDOW clause) of the SELECTs being translated, innermost first. */
    final Deque<Map<String, io.trino.sql.tree.WindowSpecification>> windows = new ArrayDeque<>();
    private int ids;
    private boolean topIsSelect;
    /** The expressions being translated, innermost first: what consumes a value (see AT TIME ZONE). */
    final java.util.ArrayDeque<io.trino.sql.tree.Expression> expressionPath = new java.util.ArrayDeque<>();

    /** The values of the statement's {@code ?} parameters, in order (Athena's execution parameters). */
    final List<Expression> parameters;

    QueryTranslator(TableResolver resolver, List<Expression> parameters) {
        this.resolver = resolver;
        this.parameters = List.copyOf(parameters);
        this.relations = new Relations(this);
        this.select = new SelectTranslator(this);
    }

    /** Tells the resolver that the statement reads the table column behind {@code field}, if any. */
    void read(Scope.Field field) {
        if (field.origin() != null) {
            resolver.columnRead(field.origin().table(), field.origin().column());
        }
    }

    int nextId() {
        return ids++;
    }

    /** The statement's query, its columns named as Trino names them. */
    Result top(Query q) {
        topIsSelect = q.getQueryBody() instanceof QuerySpecification;
        return query(q, Scope.empty(), false);
    }

    /**
     * Whether expressions being translated are in the statement's own SELECT (not a subquery, WITH query
     * or set operation), whose result columns alone carry the zone a value prints in.
     */
    boolean inTopSelect() {
        return topIsSelect && ctes.size() == 1;
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
                body = select.translate(spec, outer, positional);
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
            out.add(new TypedColumn(names.get(i).getValue().toLowerCase(Locale.ROOT), cols.get(i).trinoType(), cols.get(i).zone()));
        }
        return out;
    }

    /** A query body with positional column names. */
    Result body(QueryBody b, Scope outer) {
        if (b instanceof QuerySpecification spec) {
            return select.translate(spec, outer, true);
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
        String alias = "_q" + nextId();
        List<Scope.Field> fields = new ArrayList<>();
        for (int i = 0; i < inner.columns().size(); i++) {
            TypedColumn c = inner.columns().get(i);
            fields.add(new Scope.Field(List.of(), c.name(), TrinoType.parse(c.trinoType()), alias + "." + column(i)));
        }
        Scope scope = new Scope(fields, outer);
        ExpressionTranslator tr = new ExpressionTranslator(this, scope, false, e -> null);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            items.add(fields.get(i).sql() + " AS " + (positional ? column(i) : Sql.identifier(inner.columns().get(i).name())));
        }
        String from = "SELECT " + String.join(", ", items) + " FROM (" + inner.sql() + ") AS " + alias;
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
    String tail(ExpressionTranslator tr, Function<Expression, Typed> ordinals, Optional<OrderBy> orderBy,
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

    static long rowCount(Expression e) {
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

}
