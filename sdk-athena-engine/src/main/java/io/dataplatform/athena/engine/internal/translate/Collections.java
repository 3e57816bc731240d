package io.dataplatform.athena.engine.internal.translate;

import io.trino.sql.tree.Array;
import io.trino.sql.tree.LongLiteral;
import io.trino.sql.tree.SubscriptExpression;
import java.util.List;

/** Arrays, maps and rows: constructors and Trino's 1-based, failing subscript. */
final class Collections {
    private Collections() {
    }

    static Typed array(ExpressionTranslator tr, Array a) {
        if (a.getValues().isEmpty()) {
            return new Typed("[]", TrinoType.array(TrinoType.UNKNOWN));
        }
        List<Typed> values = Operators.unify(tr, a, "ARRAY", a.getValues());
        List<String> sql = values.stream().map(Typed::sql).toList();
        return new Typed("[" + String.join(", ", sql) + "]", TrinoType.array(values.get(0).type()));
    }

    static Typed subscript(ExpressionTranslator tr, SubscriptExpression s) {
        Typed base = tr.translate(s.getBase());
        TrinoType t = base.type();
        if (t.is("row")) {
            if (!(s.getIndex() instanceof LongLiteral l) || l.getParsedValue() < 1 || l.getParsedValue() > t.elements().size()) {
                throw Errors.at("INVALID_FUNCTION_ARGUMENT", s, "Subscript expression on ROW requires a constant index");
            }
            int i = (int) l.getParsedValue() - 1;
            String name = t.fieldNames().get(i).isEmpty() ? "field" + i : t.fieldNames().get(i);
            return new Typed("struct_extract(" + base.sql() + ", " + Sql.string(name) + ")", t.elements().get(i));
        }
        Typed index = tr.translate(s.getIndex());
        if (t.is("array")) {
            if (!index.type().isIntegral()) {
                throw Errors.typeMismatch(s, "Cannot use " + index.type() + " for subscript of " + t);
            }
            return new Typed((tr.inTry ? "trino_subscript_or_null(" : "trino_subscript(") + base.sql() + ", " + index.sql() + ")",
                    t.element());
        }
        if (t.is("map")) {
            if (Coercions.common(t.elements().get(0), index.type()) == null) {
                throw Errors.typeMismatch(s, "Cannot use " + index.type() + " for subscript of " + t);
            }
            return new Typed((tr.inTry ? "trino_element_at_map(" : "trino_map_subscript(") + base.sql() + ", " + index.sql() + ")",
                    t.elements().get(1));
        }
        throw Errors.typeMismatch(s, "Cannot use " + t + " for subscript");
    }
}
