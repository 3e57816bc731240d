package io.dataplatform.athena.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the cost estimate needs to know about a statement.
 *
 * @param tables       the catalog tables it reads (CTE names and derived tables excluded)
 * @param predicates   partition-prunable predicates: conjuncts of a WHERE without OR/NOT/CASE
 * @param selectStar   true if the outermost select list starts with {@code *} or {@code t.*}
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
     * @param database the database, or null for the query's default database
     * @param table    the table
     * @param alias    the alias, or null
     * @param block    the SELECT block it belongs to (predicates apply within a block only)
     */
    record TableRef(String database, String table, String alias, int block) {
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

        /** Returns true if a partition whose key has {@code value} may satisfy the predicate. */
        boolean test(String value) {
            if (!values.isEmpty()) {
                return values.stream().anyMatch(v -> compare(value, v) == 0);
            }
            if (lower != null) {
                int c = compare(value, lower);
                if (c < 0 || (c == 0 && !lowerInclusive)) {
                    return false;
                }
            }
            if (upper != null) {
                int c = compare(value, upper);
                return c < 0 || (c == 0 && upperInclusive);
            }
            return true;
        }

        /**
         * Numbers compare numerically when both sides are numbers ({@code month = 1} keeps partition
         * {@code 01}): erring towards keeping a partition keeps the estimate an upper bound.
         */
        static int compare(String a, String b) {
            BigDecimal x = number(a);
            BigDecimal y = number(b);
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
