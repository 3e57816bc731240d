package io.dataplatform.athena.engine.internal.translate;

import io.trino.sql.tree.ArithmeticBinaryExpression;
import io.trino.sql.tree.ArithmeticUnaryExpression;
import io.trino.sql.tree.Array;
import io.trino.sql.tree.AtTimeZone;
import io.trino.sql.tree.BetweenPredicate;
import io.trino.sql.tree.BinaryLiteral;
import io.trino.sql.tree.BooleanLiteral;
import io.trino.sql.tree.Cast;
import io.trino.sql.tree.CoalesceExpression;
import io.trino.sql.tree.ComparisonExpression;
import io.trino.sql.tree.CurrentTime;
import io.trino.sql.tree.DecimalLiteral;
import io.trino.sql.tree.DereferenceExpression;
import io.trino.sql.tree.DoubleLiteral;
import io.trino.sql.tree.ExistsPredicate;
import io.trino.sql.tree.Expression;
import io.trino.sql.tree.Extract;
import io.trino.sql.tree.FunctionCall;
import io.trino.sql.tree.GenericLiteral;
import io.trino.sql.tree.Identifier;
import io.trino.sql.tree.IfExpression;
import io.trino.sql.tree.InListExpression;
import io.trino.sql.tree.InPredicate;
import io.trino.sql.tree.IntervalLiteral;
import io.trino.sql.tree.IsNotNullPredicate;
import io.trino.sql.tree.IsNullPredicate;
import io.trino.sql.tree.LikePredicate;
import io.trino.sql.tree.LogicalExpression;
import io.trino.sql.tree.LongLiteral;
import io.trino.sql.tree.Node;
import io.trino.sql.tree.NotExpression;
import io.trino.sql.tree.NullIfExpression;
import io.trino.sql.tree.NullLiteral;
import io.trino.sql.tree.Row;
import io.trino.sql.tree.SearchedCaseExpression;
import io.trino.sql.tree.SimpleCaseExpression;
import io.trino.sql.tree.StringLiteral;
import io.trino.sql.tree.SubqueryExpression;
import io.trino.sql.tree.SubscriptExpression;
import io.trino.sql.tree.TimestampLiteral;
import io.trino.sql.tree.Trim;
import io.trino.sql.tree.TryExpression;
import io.trino.sql.tree.WhenClause;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Translates Trino expressions to DuckDB SQL, inferring each one's Trino type on the way. */
final class ExpressionTranslator {
    /**
     * The query's start time: the DuckDB variable {@code athena_query_start} when the engine sets it (from
     * the fake world's clock), else DuckDB's own clock. Trino gives every row of a query the same time.
     */
    static final String NOW = "CAST(coalesce(getvariable('athena_query_start'), current_timestamp) AS TIMESTAMPTZ)";

    final QueryTranslator queries;
    final Scope scope;
    /** Inside {@code try(..)}: Trino's runtime errors become NULL. */
    final boolean inTry;
    /** Select-list expressions an ORDER BY or GROUP BY may name by ordinal or alias; may be empty. */
    final Function<Expression, Typed> outputs;

    ExpressionTranslator(QueryTranslator queries, Scope scope, boolean inTry, Function<Expression, Typed> outputs) {
        this.queries = queries;
        this.scope = scope;
        this.inTry = inTry;
        this.outputs = outputs;
    }

    ExpressionTranslator withScope(Scope s) {
        return new ExpressionTranslator(queries, s, inTry, e -> null);
    }

    ExpressionTranslator inTry() {
        return new ExpressionTranslator(queries, scope, true, outputs);
    }

    Typed translate(Expression e) {
        queries.expressionPath.push(e);
        try {
            Typed t = translateNode(e);
            if (t.zone() != null) {
                // Whatever made the value (a literal, AT TIME ZONE, a cast, from_iso8601_timestamp ...), its zone
                // survives only where requireZoneConsumer allows it to go.
                requireZoneConsumer(e, zoned(e));
            }
            return t;
        } finally {
            queries.expressionPath.pop();
        }
    }

    private static String zoned(Expression e) {
        if (e instanceof AtTimeZone) {
            return "AT TIME ZONE other than 'UTC'";
        }
        if (e instanceof io.trino.sql.tree.GenericLiteral || e instanceof io.trino.sql.tree.TimestampLiteral) {
            return "A timestamp literal in a zone other than UTC";
        }
        if (e instanceof io.trino.sql.tree.FunctionCall f) {
            return f.getName() + "() of a zone other than UTC";
        }
        return "A timestamp with time zone other than UTC (" + e.getClass().getSimpleName() + ")";
    }

    private Typed translateNode(Expression e) {
        Typed output = outputs.apply(e);
        if (output != null) {
            return output;
        }
        if (e instanceof LongLiteral l) {
            long v = l.getParsedValue();
            return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? new Typed(Long.toString(v), TrinoType.INTEGER)
                    : new Typed("CAST(" + v + " AS BIGINT)", TrinoType.BIGINT);
        }
        if (e instanceof DecimalLiteral d) {
            BigDecimal v;
            try {
                v = new BigDecimal(d.getValue().strip());
            } catch (NumberFormatException ex) {
                throw Errors.at("INVALID_LITERAL", e, "'" + d.getValue() + "' is not a valid DECIMAL literal");
            }
            int scale = Math.max(0, v.scale());
            int precision = Math.max(v.precision(), scale);
            if (precision > 38) {
                throw Errors.at("INVALID_LITERAL", e, "Decimal literal '" + d.getValue() + "' is too large");
            }
            TrinoType t = TrinoType.decimal(precision, scale);
            return new Typed("CAST(" + v.toPlainString() + " AS " + t.duckDb() + ")", t);
        }
        if (e instanceof DoubleLiteral d) {
            return new Typed("CAST(" + Sql.string(Double.toString(d.getValue())) + " AS DOUBLE)", TrinoType.DOUBLE);
        }
        if (e instanceof StringLiteral s) {
            return new Typed(Sql.string(s.getValue()), TrinoType.varchar(s.getValue().codePointCount(0, s.getValue().length())));
        }
        if (e instanceof BooleanLiteral b) {
            return new Typed(b.getValue() ? "TRUE" : "FALSE", TrinoType.BOOLEAN);
        }
        if (e instanceof NullLiteral) {
            return new Typed("NULL", TrinoType.UNKNOWN);
        }
        if (e instanceof BinaryLiteral b) {
            return new Typed("unhex(" + Sql.string(b.toHexString()) + ")", TrinoType.VARBINARY);
        }
        if (e instanceof GenericLiteral g) {
            return genericLiteral(g.getType(), g.getValue(), g);
        }
        if (e instanceof TimestampLiteral t) {
            return genericLiteral("timestamp", t.getValue(), t);
        }
        if (e instanceof IntervalLiteral i) {
            return interval(i);
        }
        if (e instanceof io.trino.sql.tree.Parameter p) {
            if (p.getId() >= queries.parameters.size()) {
                throw Errors.at("INVALID_PARAMETER_USAGE", p, "Incorrect number of parameters: expected at least " + (p.getId() + 1)
                        + " but found " + queries.parameters.size());
            }
            return translate(queries.parameters.get(p.getId()));
        }
        if (e instanceof Identifier id) {
            return column(List.of(), id.getValue().toLowerCase(Locale.ROOT), id, id.getValue());
        }
        if (e instanceof DereferenceExpression d) {
            return dereference(d);
        }
        if (e instanceof ArithmeticBinaryExpression a) {
            return Operators.arithmetic(this, a);
        }
        if (e instanceof ArithmeticUnaryExpression u) {
            Typed v = translate(u.getValue());
            if (!v.type().isNumeric() && !v.type().is("unknown") && !v.type().base().startsWith("interval")) {
                throw Errors.typeMismatch(u, "Cannot negate " + v.type());
            }
            if (u.getSign() == ArithmeticUnaryExpression.Sign.PLUS) {
                return v;
            }
            if (v.type().isIntegral()) {
                String min = Operators.minimum(v.type());
                return new Typed("(CASE WHEN " + v.sql() + " = " + min + " THEN error('NUMERIC_VALUE_OUT_OF_RANGE: " + v.type()
                        + " negation overflow: " + min + "') ELSE CAST(-(" + v.sql() + ") AS " + v.type().duckDb() + ") END)", v.type());
            }
            return new Typed("(-(" + v.sql() + "))", v.type());
        }
        if (e instanceof ComparisonExpression c) {
            return Operators.comparison(this, c);
        }
        if (e instanceof LogicalExpression l) {
            List<String> terms = new ArrayList<>();
            for (Expression t : l.getTerms()) {
                terms.add(bool(t));
            }
            String op = l.getOperator() == LogicalExpression.Operator.AND ? " AND " : " OR ";
            return new Typed("(" + String.join(op, terms) + ")", TrinoType.BOOLEAN);
        }
        if (e instanceof NotExpression n) {
            return new Typed("(NOT " + bool(n.getValue()) + ")", TrinoType.BOOLEAN);
        }
        if (e instanceof IsNullPredicate p) {
            return new Typed("(" + translate(p.getValue()).sql() + " IS NULL)", TrinoType.BOOLEAN);
        }
        if (e instanceof IsNotNullPredicate p) {
            return new Typed("(" + translate(p.getValue()).sql() + " IS NOT NULL)", TrinoType.BOOLEAN);
        }
        if (e instanceof BetweenPredicate b) {
            List<Typed> all = Operators.unify(this, b, "BETWEEN", List.of(b.getValue(), b.getMin(), b.getMax()));
            TrinoType common = Coercions.common(Coercions.common(all.get(0).type(), all.get(1).type()), all.get(2).type());
            if (common != null && (common.is("double") || common.is("real"))) {
                return new Typed("(" + Operators.floatComparison(all.get(0).sql(), ">=", all.get(1).sql()) + " AND "
                        + Operators.floatComparison(all.get(0).sql(), "<=", all.get(2).sql()) + ")", TrinoType.BOOLEAN);
            }
            return new Typed("(" + all.get(0).sql() + " BETWEEN " + all.get(1).sql() + " AND " + all.get(2).sql() + ")",
                    TrinoType.BOOLEAN);
        }
        if (e instanceof InPredicate in) {
            return in(in);
        }
        if (e instanceof LikePredicate like) {
            Typed v = translate(like.getValue());
            Typed p = translate(like.getPattern());
            requireString(v, like, "LIKE");
            requireString(p, like, "LIKE");
            like.getEscape().ifPresent(x -> {
                if (x instanceof StringLiteral s && s.getValue().codePointCount(0, s.getValue().length()) != 1) {
                    throw Errors.at("INVALID_FUNCTION_ARGUMENT", x, "Escape string must be a single character");
                }
                if (x instanceof StringLiteral s && like.getPattern() instanceof StringLiteral pattern && !validEscapes(pattern.getValue(),
                        s.getValue().charAt(0))) {
                    // Trino's LikePattern refuses a dangling escape; DuckDB's LIKE just does not match.
                    throw Errors.at("INVALID_FUNCTION_ARGUMENT", like,
                            "Escape character must be followed by '%', '_' or the escape character itself");
                }
            });
            String esc = like.getEscape().map(x -> " ESCAPE " + translate(x).sql()).orElse("");
            return new Typed("(" + v.sql() + " LIKE " + p.sql() + esc + ")", TrinoType.BOOLEAN);
        }
        if (e instanceof Cast c) {
            return Casts.cast(this, c);
        }
        if (e instanceof FunctionCall f) {
            return Functions.call(this, f);
        }
        if (e instanceof SearchedCaseExpression c) {
            return caseWhen("", c.getWhenClauses(), c.getDefaultValue().orElse(null), c, null, false);
        }
        if (e instanceof SimpleCaseExpression c) {
            // CASE x WHEN v compares with Trino's =: for doubles and reals NaN matches no WHEN (DuckDB's would match NaN).
            boolean floating = c.getWhenClauses().stream().anyMatch(w -> isFloating(
                    Operators.unify(this, c, "CASE", List.of(c.getOperand(), w.getOperand())).get(0).type()));
            return caseWhen(floating ? "" : translate(c.getOperand()).sql() + " ", c.getWhenClauses(),
                    c.getDefaultValue().orElse(null), c, c.getOperand(), floating);
        }
        if (e instanceof IfExpression i) {
            List<Expression> branches = new ArrayList<>();
            branches.add(i.getTrueValue());
            i.getFalseValue().ifPresent(branches::add);
            List<Typed> values = Operators.unify(this, i, "IF", branches);
            return new Typed("(CASE WHEN " + bool(i.getCondition()) + " THEN " + values.get(0).sql() + " ELSE "
                    + (values.size() > 1 ? values.get(1).sql() : "NULL") + " END)", values.get(0).type());
        }
        if (e instanceof CoalesceExpression c) {
            List<Typed> values = Operators.unify(this, c, "COALESCE", c.getOperands());
            return new Typed("COALESCE(" + String.join(", ", values.stream().map(Typed::sql).toList()) + ")",
                    values.get(0).type());
        }
        if (e instanceof NullIfExpression n) {
            Typed first = translate(n.getFirst());
            List<Typed> values = Operators.unify(this, n, "NULLIF", List.of(n.getFirst(), n.getSecond()));
            if (isFloating(values.get(0).type())) {
                // Trino's NULLIF compares with =, under which NaN equals nothing: nullif(nan(), nan()) is NaN.
                return new Typed("(CASE WHEN " + Operators.floatComparison(values.get(0).sql(), "=", values.get(1).sql())
                        + " THEN NULL ELSE " + first.sql() + " END)", first.type());
            }
            return new Typed("NULLIF(" + first.sql() + ", " + values.get(1).sql() + ")", first.type());
        }
        if (e instanceof TryExpression t) {
            return inTry().translate(t.getInnerExpression());
        }
        if (e instanceof SubscriptExpression s) {
            return Collections.subscript(this, s);
        }
        if (e instanceof Array a) {
            return Collections.array(this, a);
        }
        if (e instanceof Row r) {
            List<String> sql = new ArrayList<>();
            List<TrinoType> types = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (Expression item : r.getItems()) {
                Typed t = translate(item);
                sql.add(t.sql());
                types.add(t.type());
                names.add("");
            }
            TrinoType type = TrinoType.row(names, types);
            return new Typed("CAST(row(" + String.join(", ", sql) + ") AS " + type.duckDb() + ")", type);
        }
        if (e instanceof Extract x) {
            return DateTimes.extract(this, x);
        }
        if (e instanceof CurrentTime c) {
            return switch (c.getFunction()) {
                case DATE -> new Typed("CAST(" + NOW + " AS DATE)", TrinoType.DATE);
                case TIMESTAMP -> new Typed(NOW, TrinoType.TIMESTAMP_TZ);
                case LOCALTIMESTAMP -> new Typed("CAST(" + NOW + " AS TIMESTAMP)", TrinoType.TIMESTAMP);
                default -> throw Errors.notSupported(c, c.getFunction().getName());
            };
        }
        if (e instanceof io.trino.sql.tree.Format f) {
            return Scalars.format(this, f);
        }
        if (e instanceof AtTimeZone a) {
            // The instant stays in UTC (Athena's session zone, so a plain timestamp is read as UTC); the zone is
            // carried beside it and applied where the value is printed. A zone that is not a literal cannot be carried.
            if (a.getTimeZone() instanceof StringLiteral zone && !"".equals(zone(zone.getValue()))) {
                Typed v = translate(a.getValue());
                if (v.type().is("timestamp") || v.type().is("timestamp with time zone")) {
                    int precision = v.type().precision() < 0 ? 3 : v.type().precision();
                    return new Typed("CAST(" + v.sql() + " AS TIMESTAMPTZ)",
                            new TrinoType("timestamp with time zone", precision, 0, List.of(), List.of()), zone(zone.getValue()));
                }
                throw Errors.typeMismatch(a, "Type of value must be a time or timestamp with or without time zone (actual "
                        + v.type() + ")");
            }
            throw Errors.notSupported(a, "AT TIME ZONE with a zone that is not a literal region or offset");
        }
        if (e instanceof io.trino.sql.tree.GroupingOperation g) {
            List<String> cols = new ArrayList<>();
            for (Expression c : g.getGroupingColumns()) {
                cols.add(translate(c).sql());
            }
            return new Typed("CAST(grouping(" + String.join(", ", cols) + ") AS INTEGER)", TrinoType.INTEGER);
        }
        if (e instanceof Trim t) {
            Typed v = translate(t.getTrimSource());
            String chars = t.getTrimCharacter().map(x -> ", " + translate(x).sql()).orElse("");
            String fn = switch (t.getSpecification()) {
                case BOTH -> "trim";
                case LEADING -> "ltrim";
                case TRAILING -> "rtrim";
            };
            return new Typed(fn + "(" + v.sql() + chars + ")", v.type());
        }
        if (e instanceof SubqueryExpression s) {
            QueryTranslator.Result r = queries.subquery(s.getQuery(), scope);
            if (r.columns().size() != 1) {
                throw Errors.at("NOT_SUPPORTED", s, "Multiple columns returned by subquery are not yet supported. Found "
                        + r.columns().size());
            }
            // Trino fails a scalar subquery that returns more than one row.
            return new Typed("(SELECT CASE WHEN count(*) > 1 THEN " + Errors.raise("SUBQUERY_MULTIPLE_ROWS",
                    "Scalar sub-query has returned multiple rows") + " ELSE any_value(_s._c0) END FROM (SELECT * FROM (" + r.sql()
                    + ") LIMIT 2) AS _s)", TrinoType.parse(r.columns().get(0).trinoType()));
        }
        if (e instanceof ExistsPredicate x) {
            QueryTranslator.Result r = queries.subquery(((SubqueryExpression) x.getSubquery()).getQuery(), scope);
            return new Typed("(EXISTS (" + r.sql() + "))", TrinoType.BOOLEAN);
        }
        if (e instanceof io.trino.sql.tree.JsonValue v) {
            return SqlJsonFunctions.jsonValue(this, v);
        }
        if (e instanceof io.trino.sql.tree.JsonQuery q) {
            return SqlJsonFunctions.jsonQuery(this, q);
        }
        throw Errors.notSupported(e, "The expression " + e.getClass().getSimpleName());
    }

    /**
     * A value carrying a zone other than UTC is printed in it only as a result column of the statement, or
     * read by what does not depend on the zone (comparisons, to_unixtime, a cast to varchar); arithmetic,
     * CASE, aggregates, constructors and the columns of subqueries would compute and print it in UTC, so
     * they are refused. {@code what} names the value (an AT TIME ZONE, a literal).
     */
    private void requireZoneConsumer(Node node, String what) {
        java.util.Iterator<Expression> outer = queries.expressionPath.iterator();
        outer.next();
        if (outer.hasNext()) {
            Expression parent = outer.next();
            boolean zoneFree = parent instanceof io.trino.sql.tree.Cast || parent instanceof io.trino.sql.tree.ComparisonExpression
                    || parent instanceof io.trino.sql.tree.IsNullPredicate || parent instanceof io.trino.sql.tree.IsNotNullPredicate
                    || parent instanceof io.trino.sql.tree.BetweenPredicate || parent instanceof io.trino.sql.tree.AtTimeZone
                    || parent instanceof io.trino.sql.tree.FunctionCall f && f.getWindow().isEmpty()
                            && Functions.ZONE_FREE.contains(f.getName().getSuffix().toLowerCase(Locale.ROOT));
            if (!zoneFree) {
                throw Errors.notSupported(node, what + " inside " + (parent instanceof io.trino.sql.tree.FunctionCall f
                        ? f.getName() + "()" : parent.getClass().getSimpleName()));
            }
            return;
        }
        if (!queries.inTopSelect()) {
            throw Errors.notSupported(node, what + " in a subquery, WITH query, VALUES or set operation");
        }
    }

    String bool(Expression e) {
        Typed t = translate(e);
        if (!t.type().is("boolean") && !t.type().is("unknown")) {
            throw Errors.typeMismatch(e, "Value of type " + t.type() + " must evaluate to a boolean");
        }
        return t.sql();
    }

    /** The predicate of a clause ({@code WHERE}, {@code HAVING}, {@code JOIN ON}), failing with the message Trino's analyzer gives it. */
    String clause(Expression e, String clause) {
        Typed t = translate(e);
        if (!t.type().is("boolean") && !t.type().is("unknown")) {
            throw Errors.typeMismatch(e, clause + " clause must evaluate to a boolean: actual type " + t.type());
        }
        return t.sql();
    }

    static void requireString(Typed t, Node node, String op) {
        if (!t.type().isString() && !t.type().is("unknown")) {
            throw Errors.typeMismatch(node, "Left side of " + op + " expression must evaluate to a varchar (actual: "
                    + t.type() + ")");
        }
    }

    private Typed column(List<String> qualifier, String name, Node node, String written) {
        Scope.Field f = scope.find(qualifier, name, node, written);
        if (f == null) {
            // Trino names the column in lower case, even a delimited one ("FRANCE" is 'france').
            throw Errors.at("COLUMN_NOT_FOUND", node, "Column '" + written.toLowerCase(Locale.ROOT) + "' cannot be resolved");
        }
        queries.read(f);
        return new Typed(f.sql(), f.type());
    }

    private Typed dereference(DereferenceExpression d) {
        List<String> parts = qualifiedParts(d);
        String field = d.getField().orElseThrow().getValue().toLowerCase(Locale.ROOT);
        if (parts != null && scope.hasQualifier(parts)) {
            Scope.Field f = scope.find(parts, field, d, d.toString());
            if (f != null) {
                queries.read(f);
                return new Typed(f.sql(), f.type());
            }
            throw Errors.at("COLUMN_NOT_FOUND", d, "Column '" + String.join(".", parts) + "." + field
                    + "' cannot be resolved");
        }
        Typed base = translate(d.getBase());
        if (!base.type().is("row")) {
            throw Errors.typeMismatch(d, "Expression " + d.getBase() + " is not of type ROW");
        }
        int index = base.type().fieldNames().indexOf(field);
        if (index < 0 && field.matches("field[0-9]+") && base.type().fieldNames().stream().allMatch(String::isEmpty)) {
            // Since 2021 Trino no longer names an anonymous row's fields field0, field1, ...
            throw Errors.at("INVALID_COLUMN_REFERENCE", d, "Column reference '" + field + "' is invalid");
        }
        if (index < 0) {
            throw Errors.at("COLUMN_NOT_FOUND", d, "Column '" + d + "' cannot be resolved");
        }
        return new Typed("struct_extract(" + base.sql() + ", " + Sql.string(field) + ")", base.type().elements().get(index));
    }

    /** The identifiers of {@code a.b} (lowercased), or null when the base is not a chain of names. */
    private static List<String> qualifiedParts(DereferenceExpression d) {
        Expression base = d.getBase();
        if (base instanceof Identifier id) {
            return List.of(id.getValue().toLowerCase(Locale.ROOT));
        }
        if (base instanceof DereferenceExpression inner) {
            List<String> parts = qualifiedParts(inner);
            if (parts == null) {
                return null;
            }
            List<String> all = new ArrayList<>(parts);
            all.add(inner.getField().orElseThrow().getValue().toLowerCase(Locale.ROOT));
            return all;
        }
        return null;
    }

    private Typed in(InPredicate in) {
        if (in.getValueList() instanceof InListExpression list) {
            List<Expression> all = new ArrayList<>();
            all.add(in.getValue());
            all.addAll(list.getValues());
            List<Typed> values = Operators.unify(this, in, "IN", all);
            List<String> items = values.subList(1, values.size()).stream().map(Typed::sql).toList();
            TrinoType common = values.stream().map(Typed::type).reduce(TrinoType.UNKNOWN, Coercions::common);
            if (common != null && (common.is("double") || common.is("real"))) {
                // x IN (a, b) is x = a OR x = b, with Trino's equality of doubles (NaN matches nothing).
                return new Typed("(" + String.join(" OR ", items.stream()
                        .map(item -> Operators.floatComparison(values.get(0).sql(), "=", item)).toList()) + ")", TrinoType.BOOLEAN);
            }
            return new Typed("(" + values.get(0).sql() + " IN (" + String.join(", ", items) + "))", TrinoType.BOOLEAN);
        }
        Typed v = translate(in.getValue());
        QueryTranslator.Result r = queries.subquery(((SubqueryExpression) in.getValueList()).getQuery(), scope);
        if (r.columns().size() != 1) {
            throw Errors.at("NOT_SUPPORTED", in.getValueList(), "Multiple columns returned by subquery are not yet supported. Found "
                    + r.columns().size());
        }
        TrinoType t = TrinoType.parse(r.columns().get(0).trinoType());
        if (Coercions.common(v.type(), t) == null) {
            throw Errors.typeMismatch(in, "Value expression and result of subquery must be of the same type: "
                    + v.type() + " vs " + t);
        }
        if (isFloating(Coercions.common(v.type(), t))) {
            // Under Trino's = a NaN matches nothing, so NaN IN (subquery) is false, or NULL when the subquery has a NULL;
            // DuckDB's IN would find a NaN in the subquery.
            return new Typed("(CASE WHEN isnan(" + v.sql() + ") THEN (CASE WHEN (SELECT bool_or(__in IS NULL) FROM ("
                    + r.sql() + ") AS __nan_in(__in)) THEN NULL ELSE false END) ELSE (" + v.sql() + " IN (" + r.sql() + ")) END)",
                    TrinoType.BOOLEAN);
        }
        return new Typed("(" + v.sql() + " IN (" + r.sql() + "))", TrinoType.BOOLEAN);
    }

    private static boolean isFloating(TrinoType type) {
        return type != null && (type.is("double") || type.is("real"));
    }

    private Typed caseWhen(String operand, List<WhenClause> whens, Expression otherwise, Node node, Expression operandExpr,
                           boolean floating) {
        List<Expression> results = new ArrayList<>();
        for (WhenClause w : whens) {
            results.add(w.getResult());
        }
        if (otherwise != null) {
            results.add(otherwise);
        }
        List<Typed> values = Operators.unify(this, node, "CASE", results);
        StringBuilder sql = new StringBuilder("(CASE ").append(operand);
        for (int i = 0; i < whens.size(); i++) {
            String cond;
            if (operandExpr == null) {
                cond = bool(whens.get(i).getOperand());
            } else if (floating) {
                List<Typed> pair = Operators.unify(this, node, "CASE", List.of(operandExpr, whens.get(i).getOperand()));
                cond = isFloating(pair.get(0).type()) ? Operators.floatComparison(pair.get(0).sql(), "=", pair.get(1).sql())
                        : "(" + pair.get(0).sql() + " = " + pair.get(1).sql() + ")";
            } else {
                Operators.unify(this, node, "CASE", List.of(operandExpr, whens.get(i).getOperand()));
                cond = translate(whens.get(i).getOperand()).sql();
            }
            sql.append("WHEN ").append(cond).append(" THEN ").append(values.get(i).sql()).append(' ');
        }
        if (otherwise != null) {
            sql.append("ELSE ").append(values.get(values.size() - 1).sql()).append(' ');
        }
        return new Typed(sql.append("END)").toString(), values.get(0).type());
    }

    /** Trino's name of a time zone: null for UTC, the offset or region otherwise, "" for no zone Trino knows. */
    static String zone(String text) {
        String z = text.strip();
        if (List.of("UTC", "Z", "+00:00", "UT", "GMT").contains(z.toUpperCase(Locale.ROOT))) {
            return null;
        }
        if (z.matches("[+-](0[0-9]|1[0-4]):[0-5][0-9]")) {
            return z;
        }
        if (!z.matches("[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)+")) {
            return "";
        }
        try {
            return java.time.ZoneId.of(z).getId();
        } catch (java.time.DateTimeException ex) {
            return "";
        }
    }

    /** A date or timestamp literal's fields: year, month, day, then hour, minute and second when present. */
    private static final java.util.regex.Pattern CALENDAR_FIELDS = java.util.regex.Pattern.compile(
            "([+-]?[0-9]+)-([0-9]{1,2})-([0-9]{1,2})(?: ([0-9]{1,2}):([0-9]{1,2})(?::([0-9]{1,2}))?)?.*");
    /** A timestamp literal with a zone: the local date and time, its fraction, the zone. */
    private static final java.util.regex.Pattern ZONED_TIMESTAMP = java.util.regex.Pattern.compile(
            "([0-9]{4}-[0-9]{1,2}-[0-9]{1,2} [0-9]{1,2}:[0-9]{1,2}(?::[0-9]{1,2}(\\.[0-9]{1,3})?)?) ?(\\S+)");

    /** Whether a date or timestamp literal of the right shape names a real day and time (not February 30, not 25:00). */
    private static boolean onTheCalendar(TrinoType type, String v) {
        if (!type.is("date") && !type.is("timestamp")) {
            return true;
        }
        java.util.regex.Matcher m = CALENDAR_FIELDS.matcher(v);
        if (!m.matches()) {
            return true;
        }
        try {
            java.time.LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            if (m.group(4) != null) {
                java.time.LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                        m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            }
            return true;
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return false;
        }
    }

    private Typed genericLiteral(String typeName, String value, Node node) {
        TrinoType type;
        try {
            type = TrinoType.parse(typeName);
        } catch (IllegalArgumentException ex) {
            throw Errors.typeMismatch(node, "Unknown type: " + typeName.toLowerCase(Locale.ROOT));
        }
        String v = value.strip();
        java.util.regex.Matcher zoned = ZONED_TIMESTAMP.matcher(v);
        if (type.is("timestamp") && zoned.matches() && !"".equals(zone(zoned.group(3)))) {
            // A timestamp with time zone literal: the instant is held in UTC, printed in the literal's zone.
            if (!onTheCalendar(type, zoned.group(1))) {
                throw Errors.at("INVALID_LITERAL", node, "'" + value + "' is not a valid TIMESTAMP literal");
            }
            String zone = zone(zoned.group(3));
            int precision = zoned.group(2) == null ? 0 : zoned.group(2).length() - 1;
            TrinoType tz = new TrinoType("timestamp with time zone", precision, 0, List.of(), List.of());
            String local = "CAST(" + Sql.string(zoned.group(1)) + " AS TIMESTAMP)";
            String sql = zone == null ? "CAST(" + local + " AS TIMESTAMPTZ)"
                    : zone.startsWith("+") || zone.startsWith("-") ? "CAST(" + Sql.string(zoned.group(1) + zone) + " AS TIMESTAMPTZ)"
                    : "timezone(" + Sql.string(zone) + ", " + local + ")";
            return new Typed(sql, tz, zone);
        }
        boolean valid = switch (type.base()) {
            case "date" -> v.matches("[+-]?[0-9]{1,6}-[0-9]{1,2}-[0-9]{1,2}");
            case "timestamp" -> v.matches("[0-9]{4,6}-[0-9]{1,2}-[0-9]{1,2}( [0-9]{1,2}:[0-9]{1,2}(:[0-9]{1,2}(\\.[0-9]{1,12})?)?)?");
            case "decimal" -> v.matches("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)");
            default -> true;
        };
        if (!valid || !onTheCalendar(type, v)) {
            throw Errors.at("INVALID_LITERAL", node, "'" + value + "' is not a valid " + type.base().toUpperCase(Locale.ROOT)
                    + " literal");
        }
        if (type.is("timestamp")) {
            int dot = value.indexOf('.');
            int precision = dot < 0 ? 0 : value.length() - dot - 1;
            type = new TrinoType("timestamp", precision, 0, List.of(), List.of());
        }
        if (type.is("json")) {
            return new Typed("json(" + Sql.string(value) + ")", TrinoType.JSON);
        }
        if (type.is("decimal")) {
            BigDecimal d = new BigDecimal(v);
            type = TrinoType.decimal(Math.max(d.precision(), Math.max(0, d.scale())), Math.max(0, d.scale()));
        }
        return new Typed("CAST(" + Sql.string(value) + " AS " + type.duckDb() + ")", type);
    }

    private Typed interval(IntervalLiteral i) {
        String sign = i.getSign() == IntervalLiteral.Sign.NEGATIVE ? "-" : "";
        String from = i.getStartField().name().toLowerCase(Locale.ROOT);
        boolean yearMonth = from.equals("year") || from.equals("month");
        TrinoType type = yearMonth ? TrinoType.INTERVAL_YEAR : TrinoType.INTERVAL_DAY;
        String value = i.getValue().strip();
        if (i.getEndField().isEmpty() && !value.matches("[0-9]+(\\.[0-9]+)?")) {
            throw Errors.at("INVALID_LITERAL", i, "'" + value + "' is not a valid INTERVAL literal");
        }
        if (i.getEndField().isPresent()) {
            // YEAR TO MONTH is written 'Y-M'; DAY TO SECOND 'D HH:MM:SS(.fff)': DuckDB reads '2 years 3 months', '1 day 02:00:00'.
            String text;
            if (yearMonth && value.matches("[0-9]+-[0-9]+")) {
                String[] parts = value.split("-");
                text = parts[0] + " years " + parts[1] + " months";
            } else if (from.equals("day") && value.matches("[0-9]+ [0-9:.]+")) {
                String[] parts = value.split(" ");
                text = parts[0] + " days " + parts[1];
            } else {
                throw Errors.notSupported(i, "The interval literal '" + value + "' " + from + " TO "
                        + i.getEndField().get().name().toLowerCase(Locale.ROOT));
            }
            return new Typed(sign.isEmpty() ? "(INTERVAL " + Sql.string(text) + ")" : "(-INTERVAL " + Sql.string(text) + ")", type);
        }
        return new Typed("(INTERVAL " + Sql.string(sign + value + " " + from) + ")", type);
    }

    /** Whether every escape character of a LIKE pattern is followed by %, _ or itself. */
    private static boolean validEscapes(String pattern, char escape) {
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) == escape) {
                if (i + 1 == pattern.length()) {
                    return false;
                }
                char next = pattern.charAt(++i);
                if (next != '%' && next != '_' && next != escape) {
                    return false;
                }
            }
        }
        return true;
    }
}
