package io.dataplatform.testing.internal.athena;

import io.dataplatform.spark.SqlColumn;
import io.dataplatform.spark.SqlQueryFailedException;
import io.dataplatform.spark.SqlResult;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Runs the fake Athena's queries on sdk-spark's {@link io.dataplatform.spark.SqlEngine} over the
 * world's catalog and buckets, and words its failures as Athena's state change reasons
 * ({@code SYNTAX_ERROR: ...}, {@code COLUMN_NOT_FOUND: ...}).
 */
final class SqlEngine {
    private static final Pattern ATHENA_REASON = Pattern.compile("(CONSTRAINT_VIOLATION|HIVE_[A-Z_]+): ");
    /** Selects the DuckDB engine (sdk-athena-engine) instead of Spark's while its translator is not on main. */
    static final String ENGINE_PROPERTY = "dataplatform.fakeathena.engine";
    private final io.dataplatform.spark.SqlEngine engine;
    private final io.dataplatform.athena.engine.AthenaEngine duckDb;

    /**
     * The outcome of one query.
     *
     * @param columns      result column names
     * @param types        Athena type names of the columns
     * @param precisions   the columns' precisions as Athena reports them in ColumnInfo
     * @param scales       the columns' decimal scales (0 for other types)
     * @param rows         the rows as Athena prints values (null for SQL NULL)
     * @param bytesScanned what Spark read
     * @param error        Athena-style failure reason, or null when it succeeded
     */
    record Outcome(List<String> columns, List<String> types, List<Integer> precisions, List<Integer> scales,
                   List<List<String>> rows, long bytesScanned, String error) {
    }

    /** Runs over {@code glue} and {@code s3}; the world's {@code clock} is the NOW of projected partition dates. */
    SqlEngine(GlueClient glue, S3Client s3, Clock clock) {
        boolean spark = "spark".equals(System.getProperty(ENGINE_PROPERTY));
        this.engine = spark ? io.dataplatform.spark.SqlEngine.builder().s3Client(s3).glueClient(glue).clock(clock).build() : null;
        this.duckDb = spark ? null
                : io.dataplatform.athena.engine.AthenaEngine.builder().s3Client(s3).glueClient(glue).clock(clock).build();
    }

    /** Closes the DuckDB engine, if one runs: its connection and staged files. */
    void close() {
        if (duckDb != null) {
            duckDb.close();
        }
    }

    private Outcome runOnDuckDb(String sql, List<String> parameters, String database) {
        try {
            io.dataplatform.athena.engine.EngineResult result = duckDb.execute(sql, database, parameters);
            return new Outcome(result.columns().stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList(),
                    result.columns().stream().map(io.dataplatform.athena.engine.EngineColumn::type).toList(),
                    result.columns().stream().map(io.dataplatform.athena.engine.EngineColumn::precision).toList(),
                    result.columns().stream().map(io.dataplatform.athena.engine.EngineColumn::scale).toList(),
                    result.rows(), result.bytesScanned(), null);
        } catch (io.dataplatform.athena.engine.AthenaQueryException e) {
            return failed(e.getMessage());
        }
    }

    Outcome run(String sql, List<String> parameters, String database) {
        if (duckDb != null) {
            return runOnDuckDb(sql, parameters, database);
        }
        try {
            SqlResult result = engine.execute(sql, database, parameters);
            List<String> names = result.columns().stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
            List<String> types = result.columns().stream().map(SqlColumn::type).toList();
            List<Integer> precisions = result.columns().stream().map(SqlColumn::precision).toList();
            List<Integer> scales = result.columns().stream().map(SqlColumn::scale).toList();
            return new Outcome(names, types, precisions, scales, result.rows(), result.bytesScanned(), null);
        } catch (SqlQueryFailedException e) {
            return failed(reason(e));
        } catch (IllegalArgumentException e) {
            return failed("SYNTAX_ERROR: " + e.getMessage());
        }
    }

    /** Words a Spark failure the way Athena's StateChangeReason does: a category, then the first line. */
    static String reason(SqlQueryFailedException failure) {
        String message = String.valueOf(failure.getMessage());
        String first = message.lines().findFirst().orElse(message).trim();
        String type = failure.getCause() == null ? "" : failure.getCause().getClass().getSimpleName();
        // The engine refuses DDL and writes: they would change the JVM-wide Spark catalog every world shares.
        if (ATHENA_REASON.matcher(first).lookingAt()) {
            // Already worded as Athena words it (CONSTRAINT_VIOLATION, HIVE_METASTORE_ERROR of partition projection).
            return first;
        }
        String category = first.startsWith("Unsupported statement") ? "NOT_SUPPORTED"
                : first.startsWith("Invalid execution parameter") ? "INVALID_PARAMETER"
                : type.contains("Parse") || first.contains("PARSE_SYNTAX_ERROR") ? "SYNTAX_ERROR"
                : first.contains("UNRESOLVED_COLUMN") ? "COLUMN_NOT_FOUND"
                : first.contains("TABLE_OR_VIEW_NOT_FOUND") ? "TABLE_NOT_FOUND"
                : type.contains("Analysis") ? "SYNTAX_ERROR" : "GENERIC_INTERNAL_ERROR";
        return category + ": " + first;
    }

    private static Outcome failed(String reason) {
        return new Outcome(List.of(), List.of(), List.of(), List.of(), List.of(), 0, reason);
    }
}
