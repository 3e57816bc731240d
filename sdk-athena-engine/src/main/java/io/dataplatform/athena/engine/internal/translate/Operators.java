package io.dataplatform.athena.engine.internal.translate;

import io.trino.sql.tree.ArithmeticBinaryExpression;
import io.trino.sql.tree.ComparisonExpression;
import io.trino.sql.tree.Expression;
import io.trino.sql.tree.Node;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Trino's arithmetic and comparison operators: their result types, coercions and errors. */
final class Operators {
    private Operators() {
    }

    static Typed arithmetic(ExpressionTranslator tr, ArithmeticBinaryExpression a) {
        Typed l = tr.translate(a.getLeft());
        Typed r = tr.translate(a.getRight());
        TrinoType lt = l.type().is("unknown") ? r.type() : l.type();
        TrinoType rt = r.type().is("unknown") ? l.type() : r.type();
        String op = a.getOperator().getValue();
        ArithmeticBinaryExpression.Operator o = a.getOperator();
        if (lt.isNumeric() && rt.isNumeric()) {
            TrinoType t = Coercions.common(lt, rt);
            if (t.isIntegral()) {
                return switch (o) {
                    case DIVIDE -> new Typed(tr.inTry ? "(" + l.sql() + " // " + r.sql() + ")"
                            : "trino_idiv(" + l.sql() + ", " + r.sql() + ")", t);
                    case MODULUS -> new Typed(tr.inTry ? "(" + l.sql() + " % " + r.sql() + ")"
                            : "trino_mod(" + l.sql() + ", " + r.sql() + ")", t);
                    default -> new Typed("(" + Coercions.to(l, t) + " " + op + " " + Coercions.to(r, t) + ")", t);
                };
            }
            if (t.is("decimal")) {
                TrinoType x = lt.asDecimal();
                TrinoType y = rt.asDecimal();
                int p1 = x.precision();
                int s1 = x.scale();
                int p2 = y.precision();
                int s2 = y.scale();
                TrinoType result = switch (o) {
                    case ADD, SUBTRACT -> TrinoType.decimal(Math.min(38, Math.max(p1 - s1, p2 - s2) + Math.max(s1, s2) + 1),
                            Math.max(s1, s2));
                    case MULTIPLY -> TrinoType.decimal(Math.min(38, p1 + p2), s1 + s2);
                    case DIVIDE -> TrinoType.decimal(Math.min(38, p1 + s2 + Math.max(s2 - s1, 0)), Math.max(s1, s2));
                    case MODULUS -> TrinoType.decimal(Math.min(p2 - s2, p1 - s1) + Math.max(s1, s2), Math.max(s1, s2));
                };
                if (o == ArithmeticBinaryExpression.Operator.DIVIDE) {
                    return new Typed(decimalDivide(l.sql(), s1, r.sql(), s2, result, tr.inTry), result);
                }
                String sql = switch (o) {
                    case MODULUS -> (tr.inTry ? "(" + l.sql() + " % NULLIF(" + r.sql() + ", 0))"
                            : "trino_mod(" + l.sql() + ", " + r.sql() + ")");
                    default -> "(" + l.sql() + " " + op + " " + r.sql() + ")";
                };
                return new Typed("CAST(" + sql + " AS " + result.duckDb() + ")", result);
            }
            // real and double: IEEE semantics, x / 0 is Infinity or NaN as in Trino. DuckDB's % is C's fmod, which is
            // Java's % (the sign of the dividend); its fmod function is not (fmod(-7.5, 2) is 0.5 there, -1.5 in Trino).
            String sql = "(" + Coercions.to(l, t) + " " + op + " " + Coercions.to(r, t) + ")";
            return new Typed(sql, t);
        }
        boolean add = o == ArithmeticBinaryExpression.Operator.ADD;
        boolean sub = o == ArithmeticBinaryExpression.Operator.SUBTRACT;
        if ((add || sub) && lt.isTemporal() && rt.base().startsWith("interval")
                || add && rt.isTemporal() && lt.base().startsWith("interval")) {
            TrinoType t = lt.isTemporal() ? lt : rt;
            TrinoType interval = lt.isTemporal() ? rt : lt;
            String sql = "CAST((" + l.sql() + " " + op + " " + r.sql() + ") AS " + t.duckDb() + ")";
            if (t.is("date") && interval.is("interval day to second")) {
                // Trino's DateTimeOperators fail on a day-second interval that is not whole days; DuckDB's cast to DATE
                // would drop the hours.
                String i = lt.isTemporal() ? r.sql() : l.sql();
                sql = "CASE WHEN epoch(" + i + ") % 86400 <> 0 THEN " + Errors.raise("INVALID_FUNCTION_ARGUMENT", add
                        ? "Cannot add hour, minutes or seconds to a date" : "Cannot subtract hour, minutes or seconds from a date")
                        + " ELSE " + sql + " END";
            }
            return new Typed(sql, t);
        }
        boolean mul = o == ArithmeticBinaryExpression.Operator.MULTIPLY;
        if (mul && (lt.base().startsWith("interval") && rt.isNumeric() || rt.base().startsWith("interval") && lt.isNumeric())) {
            return new Typed("(" + l.sql() + " * " + r.sql() + ")", lt.base().startsWith("interval") ? lt : rt);
        }
        if (o == ArithmeticBinaryExpression.Operator.DIVIDE && lt.base().startsWith("interval") && rt.isNumeric()) {
            if (!lt.is("interval day to second")) {
                throw Errors.notSupported(a, "Dividing an " + lt);
            }
            // Trino divides the milliseconds by the double and truncates toward zero; 0 and NaN fail.
            String d = "CAST(" + r.sql() + " AS DOUBLE)";
            return new Typed("CASE WHEN isnan(" + d + ") OR " + d + " = 0 THEN " + "error('INVALID_FUNCTION_ARGUMENT: Cannot divide by double ' || "
                    + "CASE WHEN isnan(" + d + ") THEN 'NaN' ELSE '0.0' END) ELSE to_milliseconds(CAST(trunc(round(epoch(" + l.sql()
                    + ") * 1000) / " + d + ") AS BIGINT)) END", lt);
        }
        if (sub && lt.is("timestamp") && rt.is("timestamp")) {
            return new Typed("(" + l.sql() + " - " + r.sql() + ")", TrinoType.INTERVAL_DAY);
        }
        if (sub && lt.is("date") && rt.is("date")) {
            // DuckDB's date - date is a day count; Trino's is an interval day to second.
            return new Typed("(CAST(" + l.sql() + " AS TIMESTAMP) - CAST(" + r.sql() + " AS TIMESTAMP))", TrinoType.INTERVAL_DAY);
        }
        if ((add || sub) && lt.base().startsWith("interval") && lt.equals(rt)) {
            return new Typed("(" + l.sql() + " " + op + " " + r.sql() + ")", lt);
        }
        throw Errors.typeMismatch(a, "Cannot apply operator: " + l.type() + " " + op + " " + r.type());
    }

    /**
     * {@code a / b} for decimals of scales {@code sa} and {@code sb}, exactly: the unscaled values are
     * divided as 128-bit integers and rounded half away from zero to the result's scale.
     */
    static String decimalDivide(String a, int sa, String b, int sb, TrinoType result, boolean orNull) {
        int k = result.scale() + sb - sa;
        String n = "(CAST((" + a + ") * " + pow10(sa) + " AS HUGEINT) * " + pow10(k) + ")";
        String d = "CAST((" + b + ") * " + pow10(sb) + " AS HUGEINT)";
        String q = (orNull ? "trino_round_div_or_null(" : "trino_round_div(") + n + ", " + d + ")";
        return "CAST(trino_unscaled_text(" + q + ", " + result.scale() + ") AS " + result.duckDb() + ")";
    }

    static String pow10(int k) {
        return "CAST(1" + "0".repeat(k) + " AS HUGEINT)";
    }

    static Typed comparison(ExpressionTranslator tr, ComparisonExpression c) {
        Typed l = tr.translate(c.getLeft());
        Typed r = tr.translate(c.getRight());
        String op = c.getOperator().getValue();
        TrinoType t = Coercions.common(l.type(), r.type());
        boolean equality = c.getOperator() == ComparisonExpression.Operator.EQUAL
                || c.getOperator() == ComparisonExpression.Operator.NOT_EQUAL
                || c.getOperator() == ComparisonExpression.Operator.IS_DISTINCT_FROM;
        if (t == null || t.is("map") && !equality || t.is("json")) {
            String written = c.getOperator() == ComparisonExpression.Operator.IS_DISTINCT_FROM ? "IS DISTINCT FROM" : op;
            throw Errors.typeMismatch(c, "Cannot apply operator: " + l.type() + " " + written + " " + r.type());
        }
        String sqlOp = c.getOperator() == ComparisonExpression.Operator.IS_DISTINCT_FROM ? "IS DISTINCT FROM" : op;
        if ((l.type().is("char") || r.type().is("char")) && t.isString()) {
            // Trino pads the other side to the char's length: trailing spaces never decide a comparison with a char.
            return new Typed("(rtrim(" + l.sql() + ") " + sqlOp + " rtrim(" + r.sql() + "))", TrinoType.BOOLEAN);
        }
        if (t.is("array") && !t.element().is("array") && !t.element().is("map") && !t.element().is("row")
                && (c.getOperator() == ComparisonExpression.Operator.EQUAL || c.getOperator() == ComparisonExpression.Operator.NOT_EQUAL)) {
            // Trino's array = (ArrayType.equalOperator): false on a length or element difference, else NULL when a
            // position holds a NULL, NaN equal to nothing; DuckDB holds NULL equal to NULL and NaN to NaN.
            String macro = t.element().is("double") || t.element().is("real") ? "trino_float_array_eq(" : "trino_array_eq(";
            String eq = macro + l.sql() + ", " + r.sql() + ")";
            return new Typed(c.getOperator() == ComparisonExpression.Operator.EQUAL ? eq : "(NOT " + eq + ")", TrinoType.BOOLEAN);
        }
        if (t.is("row") && t.elements().stream().noneMatch(f -> f.is("array") || f.is("map") || f.is("row"))
                && (c.getOperator() == ComparisonExpression.Operator.EQUAL || c.getOperator() == ComparisonExpression.Operator.NOT_EQUAL)) {
            // Trino's row = (RowType's equal operator): false when a field differs, else NULL when a field is NULL on
            // either side; DuckDB compares NULL fields as values.
            List<String> differs = new ArrayList<>();
            List<String> nulls = new ArrayList<>();
            for (int i = 1; i <= t.elements().size(); i++) {
                String a = "struct_extract_at(" + l.sql() + ", " + i + ")";
                String b = "struct_extract_at(" + r.sql() + ", " + i + ")";
                boolean floating = t.elements().get(i - 1).is("double") || t.elements().get(i - 1).is("real");
                differs.add("(" + a + " IS NOT NULL AND " + b + " IS NOT NULL AND (" + a + " <> " + b + (floating ? " OR isnan(" + a + ")" : "")
                        + "))");
                nulls.add(a + " IS NULL OR " + b + " IS NULL");
            }
            String eq = "(CASE WHEN " + l.sql() + " IS NULL OR " + r.sql() + " IS NULL THEN NULL WHEN " + String.join(" OR ", differs)
                    + " THEN false WHEN " + String.join(" OR ", nulls) + " THEN NULL ELSE true END)";
            return new Typed(c.getOperator() == ComparisonExpression.Operator.EQUAL ? eq : "(NOT " + eq + ")", TrinoType.BOOLEAN);
        }
        if ((t.is("double") || t.is("real")) && c.getOperator() != ComparisonExpression.Operator.IS_DISTINCT_FROM) {
            return new Typed(floatComparison(l.sql(), op, r.sql()), TrinoType.BOOLEAN);
        }
        return new Typed("(" + l.sql() + " " + sqlOp + " " + r.sql() + ")", TrinoType.BOOLEAN);
    }

    /** {@code a op b} for doubles and reals as Trino compares them: with NaN only {@code <>} is true. */
    static String floatComparison(String a, String op, String b) {
        return "trino_float_compare(" + a + ", " + b + ", (" + a + ") " + op + " (" + b + "), " + op.equals("<>") + ")";
    }

    /** The smallest value of an integer type, as SQL (its negation and absolute value overflow the type). */
    static String minimum(TrinoType integral) {
        return switch (integral.base()) {
            case "tinyint" -> "-128";
            case "smallint" -> "-32768";
            case "integer" -> "-2147483648";
            default -> "-9223372036854775808";
        };
    }

    static String maximum(TrinoType integral) {
        return switch (integral.base()) {
            case "tinyint" -> "127";
            case "smallint" -> "32767";
            case "integer" -> "2147483647";
            default -> "9223372036854775807";
        };
    }

    /** Translates {@code expressions} to their common super type, failing as Trino does when there is none. */
    static List<Typed> unify(ExpressionTranslator tr, Node node, String what, List<? extends Expression> expressions) {
        List<Typed> values = new ArrayList<>();
        for (Expression e : expressions) {
            values.add(tr.translate(e));
        }
        return unifyTyped(node, what, values);
    }

    static List<Typed> unifyTyped(Node node, String what, List<Typed> values) {
        TrinoType common = TrinoType.UNKNOWN;
        for (Typed v : values) {
            TrinoType next = Coercions.common(common, v.type());
            if (next == null) {
                Set<String> all = new LinkedHashSet<>();
                values.forEach(x -> all.add(x.type().toString()));
                if (what.equals("BETWEEN") && values.size() == 3) {
                    throw Errors.typeMismatch(node, "Cannot check if " + values.get(0).type() + " is BETWEEN "
                            + values.get(1).type() + " and " + values.get(2).type());
                }
                // Trino's wording: "IN value and list items", "All COALESCE operands", "All ARRAY elements", "All CASE results".
                String subject = what.equals("IN") ? "IN value and list items" : what.equals("COALESCE") ? "All COALESCE operands"
                        : what.equals("ARRAY") ? "All ARRAY elements" : "All " + what + " results";
                throw Errors.typeMismatch(node, subject + " must be the same type or coercible to a common type. "
                        + "Cannot find common type between " + common + " and " + v.type()
                        + ", all types (without duplicates): " + all);
            }
            common = next;
        }
        List<Typed> out = new ArrayList<>();
        for (Typed v : values) {
            out.add(new Typed(Coercions.to(v, common), common));
        }
        return out;
    }
}
