package io.dataplatform.spark;

import io.dataplatform.spark.internal.Checks;
import io.dataplatform.spark.internal.S3ClientFileSystem;
import io.dataplatform.spark.internal.S3ClientRegistry;
import io.dataplatform.spark.internal.SharedSpark;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Runs a {@link SparkJob} in-process on the JVM's local Spark session ({@link LocalSpark}), with
 * {@code s3://} and {@code s3a://} paths served by the given {@link S3Client} (a {@code FakeAws}
 * client in tests, a real one in development). Each run gets its own child session, so its SQL
 * settings, temporary views and S3 client stay its own; runners are thread-safe and cheap.
 *
 * <pre>{@code
 * LocalSparkRunner runner = LocalSparkRunner.builder().s3Client(aws.s3()).build();
 * JobResult result = runner.run(CleanSales.class, "--date", "2024-01-31").orThrow();
 * result.metrics().recordsWritten();
 * }</pre>
 */
public final class LocalSparkRunner {
    private static final Logger LOG = LoggerFactory.getLogger(LocalSparkRunner.class);

    private final S3Client s3Client;
    private final Clock clock;
    private final Map<String, String> config;

    private LocalSparkRunner(Builder builder) {
        this.s3Client = builder.s3Client;
        this.clock = builder.clock;
        this.config = Map.copyOf(builder.config);
    }

    /** Returns a builder; {@code s3Client} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates an instance of {@code jobClass} with its public no-argument constructor (as a
     * cluster would) and runs it with {@code args}.
     *
     * @throws IllegalArgumentException if the class cannot be instantiated or the arguments are not {@code --name value} pairs
     */
    public JobResult run(Class<? extends SparkJob> jobClass, String... args) {
        JobContext context = JobContext.parse(args);
        return run(instantiate(jobClass), context);
    }

    /** Runs {@code job} with {@code args}; see {@link #run(SparkJob, JobContext)}. */
    public JobResult run(SparkJob job, String... args) {
        return run(job, JobContext.parse(args));
    }

    /**
     * Runs {@code job} and returns how it ended. An exception thrown by the job does not escape:
     * the result is {@link JobStatus#FAILED} with the exception's type and message (the stack
     * trace is logged); call {@link JobResult#orThrow()} to turn that into an exception.
     */
    public JobResult run(SparkJob job, JobContext context) {
        Checks.notNull(job, "job");
        Checks.notNull(context, "context");
        SharedSpark shared = SharedSpark.get();
        String runId = shared.nextRunId();
        String jobName = job.getClass().getName();
        SparkSession session = shared.session().newSession();
        config.forEach((key, value) -> session.conf().set(key, value));
        String clientId = S3ClientRegistry.jvm().register(s3Client);
        // SQL settings of a session reach the Hadoop configuration of its reads and writes, and so the file system.
        session.conf().set(S3ClientFileSystem.CLIENT_ID, clientId);
        SparkContext sparkContext = session.sparkContext();
        String outerRun = sparkContext.getLocalProperty(SharedSpark.RUN_ID);
        shared.metrics().start(runId);
        sparkContext.setLocalProperty(SharedSpark.RUN_ID, runId);
        Instant start = clock.instant();
        String failure = "";
        try {
            LOG.info("Running Spark job {} ({}) with {}", jobName, runId, context);
            job.run(session, context);
        } catch (Exception e) {
            // Not only RuntimeException: Spark's AnalysisException is a checked exception that Scala throws undeclared.
            failure = describe(e);
            LOG.warn("Spark job {} ({}) failed", jobName, runId, e);
        } finally {
            sparkContext.setLocalProperty(SharedSpark.RUN_ID, outerRun);
            S3ClientRegistry.jvm().unregister(clientId);
        }
        Duration duration = Duration.between(start, clock.instant());
        JobMetrics metrics = shared.metrics().finish(runId, sparkContext);
        JobStatus status = failure.isEmpty() ? JobStatus.SUCCEEDED : JobStatus.FAILED;
        LOG.info("Spark job {} ({}) {} in {} ms: {}", jobName, runId, status, duration.toMillis(), metrics);
        return new JobResult(jobName, runId, status, duration, metrics, failure);
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getName() + (message == null ? "" : ": " + message);
    }

    private static SparkJob instantiate(Class<? extends SparkJob> jobClass) {
        Checks.notNull(jobClass, "jobClass");
        String rule = "Invalid job class '" + jobClass.getName() + "': must be a public concrete class with a public"
                + " no-argument constructor";
        if (jobClass.isInterface() || Modifier.isAbstract(jobClass.getModifiers())
                || !Modifier.isPublic(jobClass.getModifiers())) {
            throw new IllegalArgumentException(rule);
        }
        Constructor<? extends SparkJob> constructor;
        try {
            constructor = jobClass.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(rule, e);
        }
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("Cannot create job class '" + jobClass.getName() + "': its constructor threw "
                    + describe(e.getCause()), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(rule, e);
        }
    }

    /** Builds a {@link LocalSparkRunner}. */
    public static final class Builder {
        private S3Client s3Client;
        private Clock clock = Clock.systemUTC();
        private final Map<String, String> config = new LinkedHashMap<>();

        private Builder() {
        }

        /** Sets the client that serves {@code s3://} and {@code s3a://} paths; the caller keeps owning it. */
        public Builder s3Client(S3Client s3Client) {
            this.s3Client = Checks.notNull(s3Client, "s3Client");
            return this;
        }

        /** Sets the clock durations are measured on; the system clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Checks.notNull(clock, "clock");
            return this;
        }

        /**
         * Sets a Spark SQL option for every run's session, such as {@code spark.sql.shuffle.partitions};
         * static options (those fixed when Spark starts) are refused by Spark at run time.
         */
        public Builder config(String key, String value) {
            Checks.notEmpty(key, "config key");
            Checks.notNull(value, "config value");
            Checks.require(!key.equals(S3ClientFileSystem.CLIENT_ID),
                    "Invalid config key '%s': it is set by the runner from s3Client(..)", key);
            config.put(key, value);
            return this;
        }

        /** Creates the runner; Spark itself starts only with the first run. */
        public LocalSparkRunner build() {
            Checks.required(s3Client, "s3Client", "LocalSparkRunner.builder()");
            return new LocalSparkRunner(this);
        }
    }
}
