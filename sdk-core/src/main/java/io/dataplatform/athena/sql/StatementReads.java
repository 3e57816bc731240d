package io.dataplatform.athena.sql;

import io.dataplatform.internal.Checks;
import java.util.List;
import java.util.Set;

/**
 * What an Athena statement reads, as the cost estimate and the fake Athena's engine both see it
 * (one reading of the SQL, so they never disagree about which tables and partitions are read).
 * Made by {@link AthenaSqlReader#read}.
 *
 * @param reads        every read of a catalog table, once per time Athena reads it (a WITH query is
 *                     inlined at each reference, so its tables count once per reference)
 * @param selectStar   true if a select list whose rows the statement returns holds {@code *} or {@code t.*}
 *                     anywhere (any branch of a set operation; {@code TABLE t} too)
 * @param limited      true if the statement's outermost query has a {@code LIMIT n} or {@code FETCH FIRST}
 * @param placeholders the number of {@code ?} execution parameters
 */
public record StatementReads(List<TableRead> reads, boolean selectStar, boolean limited, int placeholders) {

    /** Copies the reads. */
    public StatementReads {
        reads = Checks.copyOf(reads, "reads");
    }

    /**
     * A table name as written, lowercased as Athena resolves it.
     *
     * @param catalog  the data catalog, or null for the query's catalog
     * @param database the database, or null for the query's default database
     * @param table    the table
     */
    public record TableName(String catalog, String database, String table) {
        @Override
        public String toString() {
            return (catalog == null ? "" : catalog + ".") + (database == null ? "" : database + ".") + table;
        }
    }

    /**
     * One read of a catalog table and the conditions that may prune its partitions.
     *
     * @param name       the table
     * @param conditions conditions the rows it contributes must meet, on its own columns: a qualified
     *                   one is already matched to this read; an unqualified one applies only if no
     *                   table in {@code siblings} has a column of that name
     * @param siblings   the other catalog tables of the same FROM clause
     */
    public record TableRead(TableName name, List<KeyCondition> conditions, List<TableName> siblings) {
        /** Copies the lists. */
        public TableRead {
            conditions = Checks.copyOf(conditions, "conditions");
            siblings = Checks.copyOf(siblings, "siblings");
        }
    }

    /**
     * A condition on one column with literal values: {@code =}, {@code IN}, a comparison or {@code BETWEEN}.
     *
     * @param qualified true if the column was written with this read's alias or name before it
     * @param column    the column, lowercased
     * @param values    the accepted values for {@code =} and {@code IN}; empty for a range
     * @param lower     the lower bound of a range, or null
     * @param lowerInclusive whether the lower bound is included
     * @param upper     the upper bound of a range, or null
     * @param upperInclusive whether the upper bound is included
     */
    public record KeyCondition(boolean qualified, String column, List<Literal> values, Literal lower, boolean lowerInclusive,
                        Literal upper, boolean upperInclusive) {
        /** Copies the values. */
        public KeyCondition {
            values = Checks.copyOf(values, "values");
        }
    }

    /**
     * A literal as Trino types it: {@code '2024'} is a string, {@code 2024} and {@code 2.5} numbers,
     * {@code DATE '2024-01-03'} a date, {@code TIMESTAMP '..'} a timestamp.
     *
     * @param type the literal's type
     * @param text its value as text
     */
    public record Literal(Type type, String text) {
        /** The literal types a partition value can be compared with. */
        public enum Type { STRING, NUMBER, DATE, TIMESTAMP }
    }

    /**
     * Returns true if {@code condition} certainly names a column of its own read: it is qualified,
     * or none of the sibling tables (whose columns are {@code siblingColumns}) has a column of that name.
     */
    public static boolean unambiguous(KeyCondition condition, Set<String> siblingColumns) {
        return condition.qualified() || !siblingColumns.contains(condition.column());
    }
}
