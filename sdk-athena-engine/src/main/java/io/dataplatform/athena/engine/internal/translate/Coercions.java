package io.dataplatform.athena.engine.internal.translate;

import java.util.ArrayList;
import java.util.List;

/** Trino's implicit coercions: the common super type of two types, or null when Trino has none. */
final class Coercions {
    private Coercions() {
    }

    static TrinoType common(TrinoType a, TrinoType b) {
        if (a.equals(b)) {
            return a;
        }
        if (a.is("unknown")) {
            return b;
        }
        if (b.is("unknown")) {
            return a;
        }
        if (a.isIntegral() && b.isIntegral()) {
            return a.integralRank() >= b.integralRank() ? a : b;
        }
        if (a.isNumeric() && b.isNumeric()) {
            if (a.is("double") || b.is("double")) {
                return TrinoType.DOUBLE;
            }
            if (a.is("real") || b.is("real")) {
                return TrinoType.REAL;
            }
            TrinoType x = a.asDecimal();
            TrinoType y = b.asDecimal();
            int scale = Math.max(x.scale(), y.scale());
            int integral = Math.max(x.precision() - x.scale(), y.precision() - y.scale());
            return TrinoType.decimal(Math.min(38, integral + scale), scale);
        }
        if (a.is("varchar") && b.is("varchar")) {
            return a.precision() < 0 || b.precision() < 0 ? TrinoType.VARCHAR
                    : TrinoType.varchar(Math.max(a.precision(), b.precision()));
        }
        if (a.isString() && b.isString()) {
            return a.is("char") ? b : a;
        }
        if (a.is("timestamp with time zone") && b.is("timestamp with time zone")) {
            // Of two precisions, the finer: timestamp(0) with time zone and timestamp(3) with time zone compare as instants.
            return a.precision() >= b.precision() ? a : b;
        }
        if (a.isTemporal() && b.isTemporal() && !a.is("timestamp with time zone") && !b.is("timestamp with time zone")) {
            return a.is("timestamp") ? a : b;
        }
        if (a.base().equals(b.base()) && (a.is("array") || a.is("map") || a.is("row"))
                && a.elements().size() == b.elements().size()) {
            List<TrinoType> elements = new ArrayList<>();
            for (int i = 0; i < a.elements().size(); i++) {
                TrinoType e = common(a.elements().get(i), b.elements().get(i));
                if (e == null) {
                    return null;
                }
                elements.add(e);
            }
            return new TrinoType(a.base(), -1, 0, elements, a.fieldNames());
        }
        return null;
    }

    /** True when a value of type {@code from} can be used where {@code to} is expected. */
    static boolean canCoerce(TrinoType from, TrinoType to) {
        TrinoType c = common(from, to);
        return c != null && (c.equals(to) || c.base().equals(to.base()));
    }

    /** The DuckDB SQL of {@code value} as type {@code to} (a cast when DuckDB would hold it differently). */
    static String to(Typed value, TrinoType to) {
        if (value.type().equals(to) || value.type().is("unknown") && !to.is("row")) {
            return value.sql();
        }
        if (value.type().isString() && to.isString()) {
            return value.sql();
        }
        return "CAST(" + value.sql() + " AS " + to.duckDb() + ")";
    }
}
