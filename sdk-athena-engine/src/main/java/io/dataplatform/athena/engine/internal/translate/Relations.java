package io.dataplatform.athena.engine.internal.translate;

import io.trino.sql.tree.AliasedRelation;
import io.trino.sql.tree.Expression;
import io.trino.sql.tree.Identifier;
import io.trino.sql.tree.Join;
import io.trino.sql.tree.JoinOn;
import io.trino.sql.tree.JoinUsing;
import io.trino.sql.tree.Lateral;
import io.trino.sql.tree.Relation;
import io.trino.sql.tree.Row;
import io.trino.sql.tree.Table;
import io.trino.sql.tree.TableSubquery;
import io.trino.sql.tree.Unnest;
import io.trino.sql.tree.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The FROM clause: tables, subqueries, VALUES, joins, UNNEST and LATERAL, each aliased {@code _rN} in DuckDB. */
final class Relations {
    /** A relation translated: its DuckDB FROM text and the columns it exposes. */
    record Rel(String sql, List<Scope.Field> fields) {
    }

    private final QueryTranslator queries;

    Relations(QueryTranslator queries) {
        this.queries = queries;
    }

    Rel relation(Relation r, Scope outer) {
        if (r instanceof AliasedRelation a) {
            String alias = a.getAlias().getValue().toLowerCase(Locale.ROOT);
            List<Identifier> names = a.getColumnNames() == null || a.getColumnNames().isEmpty() ? null : a.getColumnNames();
            if (a.getRelation() instanceof Unnest u) {
                return unnest(u, outer, List.of(alias), names);
            }
            Rel inner = relation(a.getRelation(), outer);
            List<Scope.Field> fields = new ArrayList<>();
            List<Scope.Field> visible = inner.fields().stream().filter(f -> !f.qualifiedOnly()).toList();
            if (names != null && names.size() != visible.size()) {
                throw Errors.at("MISMATCHED_COLUMN_ALIASES", a, "Column alias list has " + names.size() + " entries but '"
                        + alias + "' has " + visible.size() + " columns available");
            }
            for (int i = 0; i < visible.size(); i++) {
                Scope.Field f = visible.get(i);
                String name = names == null ? f.name() : names.get(i).getValue().toLowerCase(Locale.ROOT);
                fields.add(f.renamed(List.of(alias), name, false));
            }
            return new Rel(inner.sql(), fields);
        }
        if (r instanceof Table t) {
            return table(t);
        }
        if (r instanceof TableSubquery t) {
            QueryTranslator.Result q = queries.subquery(t.getQuery(), outer);
            return derived("(" + q.sql() + ")", q.columns());
        }
        if (r instanceof Values v) {
            QueryTranslator.Result q = values(v, outer);
            return derived("(" + q.sql() + ")", q.columns());
        }
        if (r instanceof Lateral l) {
            QueryTranslator.Result q = queries.subquery(l.getQuery(), outer);
            Rel d = derived("(" + q.sql() + ")", q.columns());
            return new Rel("LATERAL " + d.sql(), d.fields());
        }
        if (r instanceof Unnest u) {
            return unnest(u, outer, List.of(), null);
        }
        if (r instanceof Join j) {
            return join(j, outer);
        }
        throw Errors.notSupported(r, "The relation " + r.getClass().getSimpleName());
    }

    private Rel table(Table t) {
        List<String> parts = t.getName().getParts().stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
        if (parts.size() == 1) {
            var cte = queries.cte(parts.get(0));
            if (cte.isPresent()) {
                return derived(cte.get().sql(), cte.get().columns(), parts);
            }
        }
        ResolvedTable resolved;
        try {
            resolved = queries.resolver.resolve(parts);
        } catch (AthenaSqlException e) {
            if (e.line() == 0) {
                String message = e.getMessage().substring(e.errorType().length() + 2);
                throw Errors.at(e.errorType(), t, message);
            }
            throw e;
        }
        String alias = "_r" + queries.nextId();
        List<Scope.Field> fields = new ArrayList<>();
        for (TypedColumn c : resolved.columns()) {
            String name = c.name().toLowerCase(Locale.ROOT);
            fields.add(new Scope.Field(parts, name, TrinoType.parse(c.trinoType()), alias + "." + Sql.identifier(c.name()), false,
                    new Scope.Origin(parts, name)));
        }
        return new Rel(resolved.duckDbRelation() + " AS " + alias, fields);
    }

    private Rel derived(String sql, List<TypedColumn> columns) {
        return derived(sql, columns, List.of());
    }

    private Rel derived(String sql, List<TypedColumn> columns, List<String> qualifier) {
        String alias = "_r" + queries.nextId();
        List<Scope.Field> fields = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            TypedColumn c = columns.get(i);
            fields.add(new Scope.Field(qualifier, c.name(), TrinoType.parse(c.trinoType()), alias + "." + QueryTranslator.column(i)));
        }
        return new Rel(sql + " AS " + alias, fields);
    }

    QueryTranslator.Result values(Values v, Scope outer) {
        ExpressionTranslator tr = new ExpressionTranslator(queries, outer, false, e -> null);
        List<List<Typed>> rows = new ArrayList<>();
        for (Expression row : v.getRows()) {
            List<Typed> cells = new ArrayList<>();
            if (row instanceof Row r) {
                for (Expression item : r.getItems()) {
                    cells.add(tr.translate(item));
                }
            } else {
                cells.add(tr.translate(row));
            }
            if (!rows.isEmpty() && rows.get(0).size() != cells.size()) {
                throw Errors.typeMismatch(row, "Values rows have mismatched sizes: " + rows.get(0).size() + " vs " + cells.size());
            }
            rows.add(cells);
        }
        int width = rows.get(0).size();
        List<TrinoType> types = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            List<Typed> column = new ArrayList<>();
            for (List<Typed> row : rows) {
                column.add(row.get(i));
            }
            types.add(Operators.unifyTyped(v, "VALUES", column).get(0).type());
        }
        List<String> sqlRows = new ArrayList<>();
        for (List<Typed> row : rows) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < width; i++) {
                TrinoType t = types.get(i).is("unknown") ? TrinoType.VARCHAR : types.get(i);
                cells.add("CAST(" + row.get(i).sql() + " AS " + t.duckDb() + ")");
            }
            sqlRows.add("(" + String.join(", ", cells) + ")");
        }
        List<String> names = new ArrayList<>();
        List<TypedColumn> cols = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            names.add(QueryTranslator.column(i));
            cols.add(new TypedColumn("_col" + i, types.get(i).toString()));
        }
        return new QueryTranslator.Result("SELECT * FROM (VALUES " + String.join(", ", sqlRows) + ") AS _v("
                + String.join(", ", names) + ")", cols);
    }

    private Rel join(Join j, Scope outer) {
        Rel left = relation(j.getLeft(), outer);
        Scope lateral = new Scope(left.fields(), outer);
        Rel right = relation(j.getRight(), lateral);
        List<Scope.Field> fields = new ArrayList<>(left.fields());
        fields.addAll(right.fields());
        Scope both = new Scope(fields, outer);
        String type = switch (j.getType()) {
            case CROSS, IMPLICIT -> "CROSS JOIN";
            case INNER -> "JOIN";
            case LEFT -> "LEFT JOIN";
            case RIGHT -> "RIGHT JOIN";
            case FULL -> "FULL JOIN";
        };
        if (j.getCriteria().isEmpty()) {
            return new Rel(left.sql() + " " + type + " " + right.sql(), fields);
        }
        if (j.getCriteria().get() instanceof JoinOn on) {
            ExpressionTranslator tr = new ExpressionTranslator(queries, both, false, e -> null);
            return new Rel(left.sql() + " " + type + " " + right.sql() + " ON " + tr.clause(on.getExpression(), "JOIN ON"), fields);
        }
        if (j.getCriteria().get() instanceof JoinUsing using) {
            return joinUsing(j, using, left, right, type);
        }
        throw Errors.notSupported(j, "NATURAL JOIN");
    }

    /** USING: each named column once (coalesced for FULL JOIN), then the others; qualified names still reach either side. */
    private Rel joinUsing(Join j, JoinUsing using, Rel left, Rel right, String type) {
        List<Scope.Field> fields = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        List<String> names = using.getColumns().stream().map(c -> c.getValue().toLowerCase(Locale.ROOT)).toList();
        for (String name : names) {
            Scope.Field l = find(left, name, j);
            Scope.Field r = find(right, name, j);
            TrinoType t = Coercions.common(l.type(), r.type());
            if (t == null) {
                throw Errors.typeMismatch(j, "Column types of left and right side are different for '" + name + "'");
            }
            conditions.add(l.sql() + " = " + r.sql());
            queries.read(l);
            queries.read(r);
            String sql = switch (j.getType()) {
                case FULL -> "COALESCE(" + l.sql() + ", " + r.sql() + ")";
                case RIGHT -> r.sql();
                default -> l.sql();
            };
            fields.add(new Scope.Field(List.of(), name, t, sql));
        }
        for (Rel side : List.of(left, right)) {
            for (Scope.Field f : side.fields()) {
                fields.add(f.renamed(f.qualifier(), f.name(), names.contains(f.name()) || f.qualifiedOnly()));
            }
        }
        return new Rel(left.sql() + " " + type + " " + right.sql() + " ON " + String.join(" AND ", conditions), fields);
    }

    private static Scope.Field find(Rel rel, String name, Join j) {
        for (Scope.Field f : rel.fields()) {
            if (f.name().equals(name) && !f.qualifiedOnly()) {
                return f;
            }
        }
        throw Errors.at("COLUMN_NOT_FOUND", j, "Column '" + name + "' is missing from the relation");
    }

    /** UNNEST of arrays (an array of rows gives a column per field) and maps (key, value), zipped, with ORDINALITY. */
    private Rel unnest(Unnest u, Scope outer, List<String> qualifier, List<Identifier> names) {
        ExpressionTranslator tr = new ExpressionTranslator(queries, outer, false, e -> null);
        String alias = "_r" + queries.nextId();
        List<String> items = new ArrayList<>();
        List<String> lengths = new ArrayList<>();
        List<Scope.Field> fields = new ArrayList<>();
        List<String> fieldNames = new ArrayList<>();
        List<TrinoType> fieldTypes = new ArrayList<>();
        List<String> fieldSql = new ArrayList<>();
        for (Expression e : u.getExpressions()) {
            Typed t = tr.translate(e);
            String col = "_u" + items.size();
            if (t.type().is("array")) {
                items.add("unnest(" + t.sql() + ") AS " + col);
                lengths.add("len(" + t.sql() + ")");
                TrinoType element = t.type().element();
                if (element.is("row")) {
                    for (int i = 0; i < element.elements().size(); i++) {
                        String fname = element.fieldNames().get(i);
                        fieldNames.add(fname.isEmpty() ? null : fname);
                        fieldTypes.add(element.elements().get(i));
                        fieldSql.add("struct_extract(" + alias + "." + col + ", " + Sql.string(fname.isEmpty() ? "field" + i : fname) + ")");
                    }
                } else {
                    fieldNames.add(null);
                    fieldTypes.add(element);
                    fieldSql.add(alias + "." + col);
                }
            } else if (t.type().is("map")) {
                items.add("unnest(map_keys(" + t.sql() + ")) AS " + col + "k");
                items.add("unnest(map_values(" + t.sql() + ")) AS " + col + "v");
                lengths.add("cardinality(" + t.sql() + ")");
                fieldNames.add(null);
                fieldNames.add(null);
                fieldTypes.add(t.type().elements().get(0));
                fieldTypes.add(t.type().elements().get(1));
                fieldSql.add(alias + "." + col + "k");
                fieldSql.add(alias + "." + col + "v");
            } else {
                throw Errors.typeMismatch(e, "Cannot unnest type: " + t.type());
            }
        }
        if (u.isWithOrdinality()) {
            items.add("unnest(range(1, greatest(" + String.join(", ", lengths) + ", 0) + 1)) AS _uo");
            fieldNames.add(null);
            fieldTypes.add(TrinoType.BIGINT);
            fieldSql.add(alias + "._uo");
        }
        if (names != null && !names.isEmpty() && names.size() != fieldTypes.size()) {
            throw Errors.at("MISMATCHED_COLUMN_ALIASES", u, "Column alias list has " + names.size() + " entries but '"
                    + String.join(".", qualifier) + "' has " + fieldTypes.size() + " columns available");
        }
        for (int i = 0; i < fieldTypes.size(); i++) {
            String name = names != null && !names.isEmpty() ? names.get(i).getValue().toLowerCase(Locale.ROOT)
                    : fieldNames.get(i) == null ? "_unnest" + i : fieldNames.get(i);
            fields.add(new Scope.Field(qualifier, name, fieldTypes.get(i), fieldSql.get(i)));
        }
        return new Rel("LATERAL (SELECT " + String.join(", ", items) + ") AS " + alias, fields);
    }
}
