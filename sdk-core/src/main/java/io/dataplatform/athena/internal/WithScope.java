package io.dataplatform.athena.internal;

import io.trino.sql.tree.Query;

/**
 * The WITH queries visible at a point of a statement, innermost first. A non-recursive WITH query
 * sees the ones defined before it but not itself, so in {@code WITH t AS (SELECT * FROM t)} the
 * inner {@code t} is the catalog table, as in Trino.
 */
final class WithScope {
    static final WithScope NONE = new WithScope(null, null);

    private final Cte head;
    private final WithScope tail;

    private WithScope(Cte head, WithScope tail) {
        this.head = head;
        this.tail = tail;
    }

    /** Returns the scope with {@code name} defined as {@code body}. */
    WithScope define(String name, Query body, boolean recursive) {
        Cte cte = new Cte(name, body, recursive);
        WithScope next = new WithScope(cte, this);
        cte.scope = recursive ? next : this;
        return next;
    }

    /** Returns the WITH query {@code name} refers to here, or null for a catalog table. */
    Cte find(String name) {
        for (WithScope s = this; s.head != null; s = s.tail) {
            if (s.head.name.equals(name)) {
                return s.head;
            }
        }
        return null;
    }

    /** One WITH query; compared by identity, as two queries may share a name in different scopes. */
    static final class Cte {
        private final String name;
        private final Query body;
        private final boolean recursive;
        private WithScope scope;

        private Cte(String name, Query body, boolean recursive) {
            this.name = name;
            this.body = body;
            this.recursive = recursive;
        }

        String name() {
            return name;
        }

        Query body() {
            return body;
        }

        boolean recursive() {
            return recursive;
        }

        /** The scope its body is read in. */
        WithScope scope() {
            return scope;
        }
    }
}
