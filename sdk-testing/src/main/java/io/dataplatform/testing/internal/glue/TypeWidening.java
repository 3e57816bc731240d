package io.dataplatform.testing.internal.glue;

import io.dataplatform.glue.Column;
import io.dataplatform.glue.GlueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the crawler reconciles the types it sees for one column across rows and files: integers widen
 * to bigint, integers and doubles to double, structs merge field by field, arrays by element, and
 * anything else that disagrees becomes string, as Glue's classifiers do.
 */
final class TypeWidening {
    private TypeWidening() {
    }

    /** Returns the narrowest type holding both; a null argument means "no value seen yet". */
    static GlueType widen(GlueType a, GlueType b) {
        if (a == null) {
            return b;
        }
        if (b == null || a.equals(b)) {
            return a;
        }
        if (isInteger(a) && isInteger(b)) {
            return rank(a) >= rank(b) ? a : b;
        }
        if (isNumber(a) && isNumber(b)) {
            return GlueType.DOUBLE;
        }
        if (a instanceof GlueType.Array x && b instanceof GlueType.Array y) {
            return GlueType.array(widen(x.element(), y.element()));
        }
        if (a instanceof GlueType.Struct x && b instanceof GlueType.Struct y) {
            Map<String, GlueType> fields = new LinkedHashMap<>();
            x.fields().forEach(f -> fields.put(f.name(), f.type()));
            y.fields().forEach(f -> fields.merge(f.name(), f.type(), TypeWidening::widen));
            List<GlueType.Field> merged = new ArrayList<>();
            fields.forEach((name, type) -> merged.add(GlueType.Field.of(name, type)));
            return GlueType.struct(merged);
        }
        return GlueType.STRING;
    }

    /** Merges two column lists by name: first-seen order, types widened, new columns appended. */
    static List<Column> merge(List<Column> first, List<Column> second) {
        Map<String, GlueType> types = new LinkedHashMap<>();
        first.forEach(c -> types.put(c.name(), c.type()));
        second.forEach(c -> types.merge(c.name(), c.type(), TypeWidening::widen));
        List<Column> out = new ArrayList<>();
        types.forEach((name, type) -> out.add(Column.of(name, type)));
        return out;
    }

    private static boolean isInteger(GlueType t) {
        return t.equals(GlueType.TINYINT) || t.equals(GlueType.SMALLINT) || t.equals(GlueType.INT) || t.equals(GlueType.BIGINT);
    }

    private static boolean isNumber(GlueType t) {
        return isInteger(t) || t.equals(GlueType.FLOAT) || t.equals(GlueType.DOUBLE) || t instanceof GlueType.Decimal;
    }

    private static int rank(GlueType t) {
        return t.equals(GlueType.TINYINT) ? 0 : t.equals(GlueType.SMALLINT) ? 1 : t.equals(GlueType.INT) ? 2 : 3;
    }
}
