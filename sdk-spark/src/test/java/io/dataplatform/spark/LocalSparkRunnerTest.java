package io.dataplatform.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.spark.internal.S3ClientRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Runs jobs on local files: the S3 side is tested end to end against FakeAws in sdk-testing. */
class LocalSparkRunnerTest {
    // Never called: these jobs only touch local files.
    private static S3Client unusedS3;
    private static LocalSparkRunner runner;

    @TempDir
    Path dir;

    @BeforeAll
    static void createRunner() {
        unusedS3 = S3Client.builder().region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create()).build();
        runner = LocalSparkRunner.builder().s3Client(unusedS3).build();
    }

    @AfterAll
    static void closeClient() {
        unusedS3.close();
    }

    /** Writes ten rows as Parquet. */
    public static final class WriteTen implements SparkJob {
        @Override
        public void run(SparkSession spark, JobContext context) {
            spark.range(10).selectExpr("id", "id * 2 AS doubled").write().parquet(context.path("out"));
        }
    }

    /** Reads a Parquet dataset and fails unless it has {@code --rows} rows. */
    public static final class ReadBack implements SparkJob {
        @Override
        public void run(SparkSession spark, JobContext context) {
            List<Row> rows = spark.read().parquet(context.path("in")).collectAsList();
            if (rows.size() != context.integer("rows")) {
                throw new IllegalStateException("read back " + rows.size() + " rows");
            }
        }
    }

    /** Has no no-argument constructor. */
    public static final class NeedsArgument implements SparkJob {
        public NeedsArgument(String unused) {
        }

        @Override
        public void run(SparkSession spark, JobContext context) {
        }
    }

    /** Fails when created. */
    public static final class FailsWhenCreated implements SparkJob {
        public FailsWhenCreated() {
            throw new IllegalStateException("no config");
        }

        @Override
        public void run(SparkSession spark, JobContext context) {
        }
    }

    /** Abstract, so it cannot be created. */
    public abstract static class AbstractJob implements SparkJob {
    }

    @Test
    void run_writeThenRead_reportSparkMetricsPerRun() throws IOException {
        Path out = dir.resolve("out");

        JobResult written = runner.run(WriteTen.class, "--out", out.toUri().toString()).orThrow();
        JobResult read = runner.run(ReadBack.class, "--in", out.toUri().toString(), "--rows", "10").orThrow();

        assertThat(written.jobName()).isEqualTo(WriteTen.class.getName());
        assertThat(written.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(written.metrics().recordsWritten()).isEqualTo(10);
        assertThat(written.metrics().bytesWritten()).isEqualTo(sizeOfPartFiles(out));
        assertThat(read.metrics().recordsRead()).isEqualTo(10);
        assertThat(read.metrics().bytesRead()).isPositive();
        assertThat(read.metrics().recordsWritten()).isZero();
    }

    @Test
    void run_jobThrows_returnsFailedWithReason() {
        JobResult result = runner.run((spark, context) -> {
            throw new IllegalStateException("boom");
        });

        assertThat(result.status()).isEqualTo(JobStatus.FAILED);
        assertThat(result.failureReason()).isEqualTo("java.lang.IllegalStateException: boom");
        assertThat(result.metrics()).isEqualTo(JobMetrics.none());
    }

    @Test
    void run_missingArgument_failsTheRunNamingIt() {
        JobResult result = runner.run((spark, context) -> context.date("date"), "--region", "eu");

        assertThat(result.failureReason()).isEqualTo("java.lang.IllegalArgumentException: Missing job argument '--date':"
                + " pass it as '--date <value>' (given: --region)");
    }

    @Test
    void run_durationComesFromTheClock() {
        Clock fixed = Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);
        LocalSparkRunner fixedRunner = LocalSparkRunner.builder().s3Client(unusedS3).clock(fixed).build();

        assertThat(fixedRunner.run((spark, context) -> { }).duration()).isEqualTo(Duration.ZERO);
    }

    @Test
    void run_configApplies_onlyToThatRunnersRuns() {
        LocalSparkRunner tuned = LocalSparkRunner.builder().s3Client(unusedS3)
                .config("spark.sql.shuffle.partitions", "3").build();
        AtomicReference<String> seen = new AtomicReference<>();

        tuned.run((spark, context) -> seen.set(spark.conf().get("spark.sql.shuffle.partitions"))).orThrow();
        assertThat(seen).hasValue("3");
        runner.run((spark, context) -> seen.set(spark.conf().get("spark.sql.shuffle.partitions"))).orThrow();
        assertThat(seen).hasValue("4");
    }

    @Test
    void run_temporaryViews_doNotLeakIntoTheNextRun() {
        AtomicReference<Boolean> exists = new AtomicReference<>();
        runner.run((spark, context) -> spark.range(1).createOrReplaceTempView("leftover")).orThrow();

        runner.run((spark, context) -> exists.set(spark.catalog().tableExists("leftover"))).orThrow();

        assertThat(exists).hasValue(false);
    }

    @Test
    void run_registersTheClientOnlyWhileRunning() {
        int before = S3ClientRegistry.jvm().size();
        AtomicReference<Integer> during = new AtomicReference<>();

        runner.run((spark, context) -> during.set(S3ClientRegistry.jvm().size())).orThrow();

        assertThat(during).hasValue(before + 1);
        assertThat(S3ClientRegistry.jvm().size()).isEqualTo(before);
    }

    @Test
    void run_runIdsAreUnique() {
        assertThat(runner.run((spark, context) -> { }).runId()).isNotEqualTo(runner.run((spark, context) -> { }).runId());
    }

    @Test
    void run_classWithoutNoArgumentConstructor_failsBeforeRunning() {
        assertThatThrownBy(() -> runner.run(NeedsArgument.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid job class '" + NeedsArgument.class.getName() + "': must be a public concrete class"
                        + " with a public no-argument constructor");
    }

    @Test
    void run_abstractClass_failsBeforeRunning() {
        assertThatThrownBy(() -> runner.run(AbstractJob.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid job class '" + AbstractJob.class.getName() + "': must be a public concrete class"
                        + " with a public no-argument constructor");
    }

    @Test
    void run_constructorThrows_failsNamingTheCause() {
        assertThatThrownBy(() -> runner.run(FailsWhenCreated.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot create job class '" + FailsWhenCreated.class.getName() + "': its constructor threw"
                        + " java.lang.IllegalStateException: no config");
    }

    @Test
    void run_oddArguments_failBeforeRunning() {
        assertThatThrownBy(() -> runner.run(WriteTen.class, "--out"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid job argument '--out': it has no value; arguments must be '--name value' pairs");
    }

    @Test
    void build_withoutS3Client_failsNamingTheCall() {
        assertThatThrownBy(() -> LocalSparkRunner.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("s3Client is required: call LocalSparkRunner.builder().s3Client(..) before build()");
    }

    @Test
    void config_clientIdKey_isRefused() {
        assertThatThrownBy(() -> LocalSparkRunner.builder().config("dataplatform.s3.client.id", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid config key 'dataplatform.s3.client.id': it is set by the runner from s3Client(..)");
    }

    @Test
    void jvmOptions_openWhatSparkNeeds() {
        assertThat(LocalSpark.jvmOptions()).contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "-Dio.netty.tryReflectionSetAccessible=true");
    }

    private static long sizeOfPartFiles(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(f -> f.getFileName().toString().startsWith("part-"))
                    .mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
