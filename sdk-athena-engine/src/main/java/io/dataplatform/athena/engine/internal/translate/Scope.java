package io.dataplatform.athena.engine.internal.translate;

import io.trino.sql.tree.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns an expression can see: those of the FROM clause (each with the relation name that
 * qualifies it) and, through {@code outer}, those of enclosing queries and lambdas.
 */
final class Scope {
    /** A column: the parts that may qualify it (table name, or alias), its name, type and DuckDB SQL. */
    record Field(List<String> qualifier, String name, TrinoType type, String sql, boolean qualifiedOnly, Origin origin) {
        Field(List<String> qualifier, String name, TrinoType type, String sql) {
            this(qualifier, name, type, sql, false, null);
        }

        Field(List<String> qualifier, String name, TrinoType type, String sql, boolean qualifiedOnly) {
            this(qualifier, name, type, sql, qualifiedOnly, null);
        }

        /** The same column seen under other qualifiers and name (an alias), still reading its table column. */
        Field renamed(List<String> newQualifier, String newName, boolean newQualifiedOnly) {
            return new Field(newQualifier, newName, type, sql, newQualifiedOnly, origin);
        }

        boolean qualifiedBy(List<String> parts) {
            return parts.size() <= qualifier.size()
                    && qualifier.subList(qualifier.size() - parts.size(), qualifier.size()).equals(parts);
        }
    }

    /** The table column a field reads, for {@link TableResolver#columnRead}; null for computed fields. */
    record Origin(List<String> table, String column) {
    }

    final List<Field> fields;
    final Scope outer;

    Scope(List<Field> fields, Scope outer) {
        this.fields = List.copyOf(fields);
        this.outer = outer;
    }

    static Scope empty() {
        return new Scope(List.of(), null);
    }

    /** The field named {@code name}, qualified by {@code qualifier} (empty for none); null if none. */
    Field find(List<String> qualifier, String name, Node node, String written) {
        List<Field> matches = new ArrayList<>();
        for (Field f : fields) {
            if (f.name.equals(name) && f.qualifiedBy(qualifier) && !(f.qualifiedOnly && qualifier.isEmpty())) {
                matches.add(f);
            }
        }
        if (matches.size() > 1) {
            throw Errors.at("AMBIGUOUS_NAME", node, "Column '" + written + "' is ambiguous");
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        return outer == null ? null : outer.find(qualifier, name, node, written);
    }

    boolean hasQualifier(List<String> qualifier) {
        for (Field f : fields) {
            if (f.qualifiedBy(qualifier) && !qualifier.isEmpty()) {
                return true;
            }
        }
        return outer != null && outer.hasQualifier(qualifier);
    }
}
