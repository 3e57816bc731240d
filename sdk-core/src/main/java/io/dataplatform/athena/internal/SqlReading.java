package io.dataplatform.athena.internal;

import io.dataplatform.athena.sql.StatementReads;
import java.util.List;

/** The implementation behind {@link io.dataplatform.athena.sql.AthenaSqlReader}. */
public final class SqlReading {

    private SqlReading() {
    }

    /** See {@link io.dataplatform.athena.sql.AthenaSqlReader#read}. */
    public static StatementReads read(String sql, List<String> executionParameters) {
        return SqlAnalyzer.analyze(sql, executionParameters);
    }

    /** See {@link io.dataplatform.athena.sql.AthenaSqlReader#mayMatch}. */
    public static boolean mayMatch(String keyType, String partitionValue, StatementReads.KeyCondition condition) {
        return PartitionMatch.mayMatch(keyType, partitionValue, condition);
    }
}
