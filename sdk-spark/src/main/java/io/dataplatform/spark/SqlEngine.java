package io.dataplatform.spark;

import io.dataplatform.spark.internal.Checks;
import io.dataplatform.spark.internal.S3ClientFileSystem;
import io.dataplatform.spark.internal.S3ClientRegistry;
import io.dataplatform.spark.internal.SharedSpark;
import io.dataplatform.spark.internal.SqlRun;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Runs SQL over the tables of a Glue Data Catalog whose data is in S3, on the JVM's local Spark
 * session ({@link LocalSpark}), as the fake Athena does. Tables a statement names are read through
 * the given {@link GlueClient} (GetTable, GetPartitions) and registered, for that statement only,
 * as Spark views over their S3 locations with their formats (LazySimpleSerDe and OpenCSVSerde
 * text, JSON lines with keys matched case-insensitively, Parquet; gzip by extension), header
 * skipping and partitions. As in Athena, a location is a literal folder ({@code s3://b/t} reads the
 * keys under {@code t/}, never a glob or a single object), files whose names start with {@code _}
 * or {@code .} are hidden, and a partitioned table has only the partitions in the catalog, or
 * those partition projection ({@code projection.enabled}) defines, with {@code NOW} taken from the builder's clock.
 *
 * <pre>{@code
 * SqlEngine engine = SqlEngine.builder().s3Client(aws.s3()).glueClient(glue).build();
 * SqlResult result = engine.execute("SELECT region, sum(amount) FROM sales GROUP BY region", "sales");
 * result.rows(); result.bytesScanned();
 * }</pre>
 *
 * <p><b>Bytes scanned</b> are Spark's task input metrics for the statement's jobs: the bytes its
 * file scans read through the S3 file system. CSV and JSON files are read whole (gzip files: their
 * compressed size); Parquet reads the footer and only the column chunks of the columns used;
 * partitions a filter on partition keys rules out are never opened. Like Athena's figure, this
 * is data read, not result size; unlike Athena it has no 10 MB minimum (that is billing, applied
 * by the caller).
 *
 * <p><b>Dialect</b>: Spark SQL with ANSI mode and double-quoted identifiers, so Athena's
 * {@code "column"} names, {@code date '2024-01-01'} and {@code timestamp '...'} literals,
 * {@code LIMIT}/{@code OFFSET}, {@code WITH}, joins, subqueries, {@code VALUES}, {@code try_cast},
 * {@code date_trunc}, {@code cardinality} and the common aggregates work as written. Bridged:
 * {@code CAST(x AS varchar)} without a length, and unaliased expressions are named {@code _col0},
 * {@code _col1} ... as Athena names them. Known differences: {@code 5/2} is {@code 2.5} (Athena: 2);
 * Trino-only functions such as {@code approx_distinct}, {@code arbitrary}, {@code date_parse},
 * {@code strpos}, {@code from_iso8601_timestamp}, {@code date_add('day', ...)} and
 * {@code date_diff('day', ...)} are missing or take other arguments, and {@code date_format} uses
 * Java patterns; such a statement fails with Spark's message. Only queries run: DDL, INSERT,
 * SHOW and EXPLAIN fail.
 */
public final class SqlEngine {
    private static final Logger LOG = LoggerFactory.getLogger(SqlEngine.class);

    private final S3Client s3Client;
    private final GlueClient glueClient;
    private final Clock clock;

    private SqlEngine(Builder builder) {
        this.s3Client = builder.s3Client;
        this.glueClient = builder.glueClient;
        this.clock = builder.clock;
    }

    /** Returns a builder; {@code s3Client} and {@code glueClient} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs one SQL query; unqualified table names belong to {@code database}.
     *
     * @throws IllegalArgumentException if {@code sql} or {@code database} is empty
     * @throws SqlQueryFailedException with Spark's message if the statement fails
     */
    public SqlResult execute(String sql, String database) {
        return execute(sql, database, List.of());
    }

    /**
     * Runs one SQL query with Athena execution parameters: literal texts ({@code 'eu'}, {@code 42},
     * {@code DATE '2024-01-31'}) bound to the {@code ?} markers in order, never spliced into the
     * text. A parameter that is not exactly one literal, or a count that differs from the markers,
     * fails the statement.
     *
     * @throws IllegalArgumentException if {@code sql} or {@code database} is empty or {@code parameters} is null
     * @throws SqlQueryFailedException with Spark's message (or the parameter rule) if the statement fails
     */
    public SqlResult execute(String sql, String database, List<String> parameters) {
        Checks.notEmpty(sql, "sql");
        Checks.notEmpty(database, "database");
        Checks.notNull(parameters, "parameters");
        List<String> values = new ArrayList<>(parameters);
        SharedSpark shared = SharedSpark.get();
        String runId = shared.nextRunId();
        SparkSession session = shared.session().newSession();
        String clientId = S3ClientRegistry.jvm().register(s3Client);
        // Only SQL options of this child session change; Athena's quoting and java.time values for dates.
        session.conf().set(S3ClientFileSystem.CLIENT_ID, clientId);
        session.conf().set("spark.sql.ansi.enabled", "true");
        session.conf().set("spark.sql.ansi.doubleQuotedIdentifiers", "true");
        session.conf().set("spark.sql.datetime.java8API.enabled", "true");
        // One shuffle partition: an ORDER BY over more would first sample its input with a separate job (range
        // partitioning), reading every file twice and doubling the bytes scanned; Athena reads data once.
        session.conf().set("spark.sql.shuffle.partitions", "1");
        SparkContext context = session.sparkContext();
        String outerRun = context.getLocalProperty(SharedSpark.RUN_ID);
        shared.metrics().start(runId);
        context.setLocalProperty(SharedSpark.RUN_ID, runId);
        Instant start = clock.instant();
        SqlRun.Answer answer;
        try {
            answer = new SqlRun(session, glueClient, s3Client, start).run(sql, database, values);
        } finally {
            context.setLocalProperty(SharedSpark.RUN_ID, outerRun);
            S3ClientRegistry.jvm().unregister(clientId);
        }
        long bytes = shared.metrics().finish(runId, context).bytesRead();
        Duration duration = Duration.between(start, clock.instant());
        if (answer.failure() != null) {
            LOG.info("SQL statement {} failed after {} ms: {}", runId, duration.toMillis(), answer.failureMessage());
            throw new SqlQueryFailedException(answer.failureMessage(), answer.failure());
        }
        LOG.info("SQL statement {} returned {} rows in {} ms, {} bytes scanned", runId, answer.rows().size(),
                duration.toMillis(), bytes);
        return new SqlResult(answer.columns(), answer.rows(), bytes, duration);
    }

    /** Builds a {@link SqlEngine}. */
    public static final class Builder {
        private S3Client s3Client;
        private GlueClient glueClient;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Sets the client the tables' data is read with; the caller keeps owning it. */
        public Builder s3Client(S3Client s3Client) {
            this.s3Client = Checks.notNull(s3Client, "s3Client");
            return this;
        }

        /** Sets the Data Catalog client tables and partitions are looked up with; the caller keeps owning it. */
        public Builder glueClient(GlueClient glueClient) {
            this.glueClient = Checks.notNull(glueClient, "glueClient");
            return this;
        }

        /**
         * Sets the clock execution times are measured on, and that gives the NOW of projected
         * partition dates ({@code projection.KEY.range} such as {@code NOW-7DAYS,NOW}); the system
         * clock by default.
         */
        public Builder clock(Clock clock) {
            this.clock = Checks.notNull(clock, "clock");
            return this;
        }

        /** Creates the engine; Spark itself starts only with the first statement. */
        public SqlEngine build() {
            Checks.required(s3Client, "s3Client", "SqlEngine.builder()");
            Checks.required(glueClient, "glueClient", "SqlEngine.builder()");
            return new SqlEngine(this);
        }
    }
}
