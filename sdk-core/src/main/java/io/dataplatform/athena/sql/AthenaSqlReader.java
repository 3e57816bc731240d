package io.dataplatform.athena.sql;

import io.dataplatform.athena.internal.SqlReading;
import io.dataplatform.athena.sql.StatementReads.KeyCondition;
import java.util.List;

/**
 * Reads Athena SQL as Athena does, with Trino's own parser (Athena engine v3's grammar): which
 * catalog tables a statement reads, how often, and the conditions that prune their partitions.
 * The cost guard sizes a query from it, and the fake Athena's engine reads the same tables and
 * partitions, so the two cannot disagree.
 *
 * <pre>{@code
 * StatementReads reads = AthenaSqlReader.read("SELECT * FROM sales WHERE year = ?", List.of("'2024'"));
 * }</pre>
 */
public final class AthenaSqlReader {

    private AthenaSqlReader() {
    }

    /**
     * Reads {@code sql}; {@code executionParameters} are the SQL literals Athena substitutes for its
     * {@code ?} placeholders, in order ({@code 'eu'}, {@code 2024}, {@code DATE '2024-01-31'}).
     *
     * @throws io.dataplatform.DataPlatformException if the statement's reads cannot be named with
     *         certainty (a prepared statement, a table function, SQL Athena's grammar rejects)
     */
    public static StatementReads read(String sql, List<String> executionParameters) {
        return SqlReading.read(sql, List.copyOf(executionParameters));
    }

    /**
     * Returns false only if a partition whose key of Glue type {@code keyType} holds
     * {@code partitionValue} certainly fails {@code condition}, compared in the key's type with
     * Trino's coercions; true whenever that is not certain.
     */
    public static boolean mayMatch(String keyType, String partitionValue, KeyCondition condition) {
        return SqlReading.mayMatch(keyType, partitionValue, condition);
    }
}
