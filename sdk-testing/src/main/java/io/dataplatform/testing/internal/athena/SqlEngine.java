package io.dataplatform.testing.internal.athena;

import io.dataplatform.athena.engine.AthenaEngine;
import io.dataplatform.athena.engine.AthenaQueryException;
import io.dataplatform.athena.engine.EngineColumn;
import io.dataplatform.athena.engine.EngineResult;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Runs the fake Athena's queries on sdk-athena-engine's {@link AthenaEngine} (Trino's dialect on
 * DuckDB) over the world's catalog and buckets, and hands back its failures worded as Athena's
 * state change reasons ({@code SYNTAX_ERROR: ...}, {@code COLUMN_NOT_FOUND: ...}).
 */
final class SqlEngine {
    private final AthenaEngine engine;

    /**
     * The outcome of one query.
     *
     * @param columns      result column names
     * @param types        Athena type names of the columns
     * @param precisions   the columns' precisions as Athena reports them in ColumnInfo
     * @param scales       the columns' decimal scales (0 for other types)
     * @param rows         the rows as Athena prints values (null for SQL NULL)
     * @param bytesScanned the bytes Athena would bill
     * @param error        Athena-style failure reason, or null when it succeeded
     */
    record Outcome(List<String> columns, List<String> types, List<Integer> precisions, List<Integer> scales,
                   List<List<String>> rows, long bytesScanned, String error) {
    }

    /** Runs over {@code glue} and {@code s3}; the world's {@code clock} is the NOW of projected partition dates. */
    SqlEngine(GlueClient glue, S3Client s3, Clock clock) {
        this.engine = AthenaEngine.builder().s3Client(s3).glueClient(glue).clock(clock).build();
    }

    /** Closes the engine: its DuckDB connection and staged files. */
    void close() {
        engine.close();
    }

    Outcome run(String sql, List<String> parameters, String database) {
        try {
            EngineResult result = engine.execute(sql, database, parameters);
            return new Outcome(result.columns().stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList(),
                    result.columns().stream().map(EngineColumn::type).toList(),
                    result.columns().stream().map(EngineColumn::precision).toList(),
                    result.columns().stream().map(EngineColumn::scale).toList(),
                    result.rows(), result.bytesScanned(), null);
        } catch (AthenaQueryException e) {
            // The engine words its message as Athena's StateChangeReason: "ERROR_TYPE: message".
            return failed(e.getMessage());
        }
    }

    private static Outcome failed(String reason) {
        return new Outcome(List.of(), List.of(), List.of(), List.of(), List.of(), 0, reason);
    }
}
