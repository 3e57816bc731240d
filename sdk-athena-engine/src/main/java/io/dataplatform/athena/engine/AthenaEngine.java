package io.dataplatform.athena.engine;

import io.dataplatform.athena.engine.internal.EngineCore;
import io.dataplatform.athena.engine.internal.EngineFailure;
import io.dataplatform.athena.engine.internal.Translators;
import io.dataplatform.athena.engine.internal.Checks;
import java.time.Clock;
import java.util.List;

/**
 * Runs Athena SQL in-process on DuckDB over the tables of a Glue Data Catalog whose data is in S3,
 * as the fake Athena does: the same tables and partitions the cost estimate sizes
 * ({@link io.dataplatform.athena.sql.AthenaSqlReader}) are staged, their objects copied to a
 * temporary directory of this engine, and each table exposed to DuckDB as a view over exactly those
 * files, with the catalog's column types then the partition keys as constant columns.
 *
 * <pre>{@code
 * try (AthenaEngine engine = AthenaEngine.builder().s3Client(s3).glueClient(glue).build()) {
 *     EngineResult result = engine.execute("SELECT region, sum(amount) FROM sales GROUP BY region", "sales", List.of());
 *     result.rows(); result.bytesScanned();
 * }
 * }</pre>
 *
 * <p><b>What is read</b>: a location is a literal folder ({@code s3://b/t} reads the keys under
 * {@code t/}); files whose name, or a folder's below the location, starts with {@code _} or
 * {@code .}, folder markers and Glacier Flexible Retrieval or Deep Archive objects are skipped; a
 * partitioned table has the catalog's partitions, or with {@code projection.enabled} the projected
 * ones ({@code enum}, {@code integer}, {@code date} relative to the builder's clock, {@code injected}
 * from the WHERE clause's equalities; {@code storage.location.template}); each read keeps only the
 * partitions its conditions may match. Formats: LazySimpleSerDe text ({@code field.delim}, default
 * {@code \001}; {@code \N} NULL; no quoting; {@code escape.delim}), OpenCSVSerde ({@code separatorChar},
 * {@code quoteChar}, {@code escapeChar}), {@code skip.header.line.count}, the JSON SerDes (JSON lines,
 * keys matched case-insensitively), Parquet; gzip by the {@code .gz} extension. Views
 * ({@code VIRTUAL_VIEW}) fail as {@code NOT_SUPPORTED}.
 *
 * <p><b>Bytes scanned</b>, as Athena bills them, per read of a table (a table read twice counts twice):
 * for text and JSON files, every file's whole stored (compressed) size; for Parquet, every file's
 * footer (metadata, its 4-byte length and the {@code PAR1} magic) plus, in every row group, the
 * compressed column chunks of the columns the statement names (all of them under {@code SELECT *}).
 * Partitions a read's conditions rule out cost nothing. There is no 10 MB minimum: that is billing,
 * applied by the caller.
 *
 * <p>Thread-safe: statements run one at a time. The caller keeps owning the clients it passes.
 */
public final class AthenaEngine implements AutoCloseable {
    private final EngineCore core;

    private AthenaEngine(Builder builder) {
        this.core = new EngineCore(builder.s3Client, builder.glueClient, builder.clock, Translators.standard());
    }

    /** Returns a builder; {@code s3Client} and {@code glueClient} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs one query with Athena execution parameters ({@code 'eu'}, {@code 42}, {@code DATE '2024-01-31'},
     * each one literal) bound to its {@code ?} markers in order; unqualified tables belong to {@code database}.
     *
     * @throws IllegalArgumentException if {@code sql} or {@code database} is empty or {@code parameters} is null
     * @throws AthenaQueryException     with Athena's error type and message if Athena would fail the statement
     */
    public EngineResult execute(String sql, String database, List<String> parameters) {
        Checks.notEmpty(sql, "sql");
        Checks.notEmpty(database, "database");
        Checks.notNull(parameters, "parameters");
        try {
            return core.execute(sql, database, List.copyOf(parameters));
        } catch (EngineFailure failure) {
            throw new AthenaQueryException(failure.errorType(), failure.detail(), failure);
        }
    }

    /** Closes the engine's DuckDB connection and deletes its staged copies; the clients stay open. */
    @Override
    public void close() {
        core.close();
    }

    /** Builds an {@link AthenaEngine}. */
    public static final class Builder {
        private software.amazon.awssdk.services.s3.S3Client s3Client;
        private software.amazon.awssdk.services.glue.GlueClient glueClient;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Sets the client the tables' objects are listed and read with; the caller keeps owning it. */
        public Builder s3Client(software.amazon.awssdk.services.s3.S3Client s3Client) {
            this.s3Client = Checks.notNull(s3Client, "s3Client");
            return this;
        }

        /** Sets the Data Catalog client tables and partitions are looked up with; the caller keeps owning it. */
        public Builder glueClient(software.amazon.awssdk.services.glue.GlueClient glueClient) {
            this.glueClient = Checks.notNull(glueClient, "glueClient");
            return this;
        }

        /** Sets the clock that gives the NOW of projected partition dates; the system clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Checks.notNull(clock, "clock");
            return this;
        }

        /** Creates the engine; DuckDB starts with the first statement. */
        public AthenaEngine build() {
            Checks.required(s3Client, "s3Client", "AthenaEngine.builder()");
            Checks.required(glueClient, "glueClient", "AthenaEngine.builder()");
            return new AthenaEngine(this);
        }
    }
}
