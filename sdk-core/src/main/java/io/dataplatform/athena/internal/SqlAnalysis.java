package io.dataplatform.athena.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the cost estimate needs to know about a statement.
 *
 * @param tables       the catalog tables it reads (CTE names and derived tables excluded), a WITH query's
 *                     tables once per reference to it, as Athena inlines WITH queries
 * @param predicates   partition-prunable predicates: conjuncts of a WHERE without OR/NOT/CASE
 * @param selectStar   true if an outermost select list (any set-operation branch) starts with {@code *} or {@code t.*}
 * @param limited      true if the outermost query has a {@code LIMIT} or {@code FETCH FIRST}
 * @param placeholders the number of {@code ?} execution parameters
 */
record SqlAnalysis(List<TableRef> tables, List<Predicate> predicates, boolean selectStar, boolean limited,
                   int placeholders) {

    SqlAnalysis {
        tables = List.copyOf(tables);
        predicates = List.copyOf(predicates);
    }

    /**
     * A table reference.
     *
     * @param catalog  the data catalog, or null for the query's catalog
     * @param database the database, or null for the query's default database
     * @param table    the table
     * @param alias    the alias, or null
     * @param block    the SELECT block it belongs to (predicates apply within a block only)
     */
    record TableRef(String catalog, String database, String table, String alias, int block) {
    }

    /**
     * {@code column = v}, {@code column IN (v, ..)}, a comparison or {@code BETWEEN} with literal values.
     *
     * @param qualifier the table name or alias before the column, or null
     * @param column    the column
     * @param values    the accepted values for = and IN; empty for a range
     * @param lower     the lower bound, or null
     * @param lowerInclusive whether the lower bound is included
     * @param upper     the upper bound, or null
     * @param upperInclusive whether the upper bound is included
     * @param block     the SELECT block of its WHERE
     */
    record Predicate(String qualifier, String column, List<String> values, String lower, boolean lowerInclusive,
                     String upper, boolean upperInclusive, int block) {

        Predicate {
            values = List.copyOf(values);
        }

        /**
         * Returns true if a partition whose key has {@code value} may satisfy the predicate. The key's
         * type is unknown here, so a partition is kept if either the numeric order (an int key:
         * {@code month = 1} keeps {@code 01}) or the string order (a string key: {@code hour < '9'}
         * keeps {@code 10}) selects it: erring towards keeping a partition keeps the estimate an upper bound.
         */
        boolean test(String value) {
            return test(value, true) || test(value, false);
        }

        private boolean test(String value, boolean numeric) {
            if (!values.isEmpty()) {
                return values.stream().anyMatch(v -> compare(value, v, numeric) == 0);
            }
            if (lower != null) {
                int c = compare(value, lower, numeric);
                if (c < 0 || (c == 0 && !lowerInclusive)) {
                    return false;
                }
            }
            if (upper != null) {
                int c = compare(value, upper, numeric);
                return c < 0 || (c == 0 && upperInclusive);
            }
            return true;
        }

        /** Compares numerically when asked and both sides are numbers, else as strings. */
        static int compare(String a, String b, boolean numeric) {
            BigDecimal x = numeric ? number(a) : null;
            BigDecimal y = numeric ? number(b) : null;
            return x != null && y != null ? x.compareTo(y) : a.compareTo(b);
        }

        private static BigDecimal number(String s) {
            try {
                return s.isEmpty() ? null : new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
