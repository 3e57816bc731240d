package io.dataplatform.spark.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one local Spark session of this JVM, started on first use (never by merely creating a
 * {@code FakeAws} or a {@code DataPlatform}) and shared by every runner and query engine after
 * that. Spark allows one {@code SparkContext} per JVM, so this is the one JVM-wide object by
 * necessity; the holder idiom makes its start lazy and thread-safe. Runs get their own child
 * session ({@link SparkSession#newSession()}), so their SQL settings, temporary views and S3
 * clients stay apart.
 */
public final class SharedSpark {
    /** The Spark local property that tags the jobs of one run, for {@link RunMetricsListener}. */
    public static final String RUN_ID = "dataplatform.run.id";
    private static final Logger LOG = LoggerFactory.getLogger(SharedSpark.class);

    private final SparkSession session;
    private final RunMetricsListener metrics = new RunMetricsListener();
    private final AtomicLong runs = new AtomicLong();

    private SharedSpark() {
        Path warehouse = temporaryWarehouse();
        SparkSession.Builder builder = SparkSession.builder();
        settings(warehouse).forEach(builder::config);
        this.session = builder.getOrCreate();
        SparkContext context = session.sparkContext();
        // Also set directly: getOrCreate() returns a session started elsewhere unchanged.
        configureS3(context.hadoopConfiguration());
        context.addSparkListener(metrics);
        LOG.info("Started local Spark {} ({}), warehouse {}", context.version(), context.master(), warehouse);
        warnIfModulesAreClosed();
    }

    /**
     * Spark runs without the --add-opens its launcher adds, until it turns a DATE or TIMESTAMP into a
     * Java object (collecting rows, {@code Dataset.as(..)}): that needs {@code sun.util.calendar} open
     * and fails with "IllegalAccessException: ... sun.util.calendar.ZoneInfo" otherwise. Say so once,
     * at start, with the fix, rather than at the first date.
     */
    private static void warnIfModulesAreClosed() {
        Module javaBase = Object.class.getModule();
        if (!javaBase.isOpen("sun.util.calendar", SharedSpark.class.getModule())) {
            LOG.warn("This JVM lacks the --add-opens Spark's launcher adds (see LocalSpark.jvmOptions()): Spark jobs "
                    + "run, but collecting DATE or TIMESTAMP values to Java objects will fail with an "
                    + "IllegalAccessException on sun.util.calendar.ZoneInfo. Add LocalSpark.jvmOptions() to the JVM's "
                    + "options (Maven: surefire's argLine).");
        }
    }

    private static SharedSpark instance;
    private static RuntimeException startFailure;

    /**
     * Returns the shared instance, starting Spark if this is the first call in the JVM. If Spark
     * could not start, this and every later call throw an exception that carries the first
     * failure as its cause (a holder class would hide it behind "Could not initialize class").
     *
     * @throws IllegalStateException naming the JVM and the first failure when Spark cannot start here
     */
    public static synchronized SharedSpark get() {
        if (instance == null && startFailure == null) {
            try {
                instance = new SharedSpark();
            } catch (RuntimeException | LinkageError e) {
                startFailure = new IllegalStateException("Local Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION()
                        + " could not start on Java " + Runtime.version() + " (" + System.getProperty("java.vendor")
                        + "): " + e, e);
            }
        }
        if (startFailure != null) {
            throw new IllegalStateException(startFailure.getMessage(), startFailure.getCause());
        }
        return instance;
    }

    /** Returns the shared session; prefer a child session per unit of work. */
    public SparkSession session() {
        return session;
    }

    /** Returns the listener that totals Spark's input and output metrics per run. */
    public RunMetricsListener metrics() {
        return metrics;
    }

    /** Returns a new id for a run, unique in this JVM. */
    public String nextRunId() {
        return "run-" + runs.incrementAndGet();
    }

    /**
     * Returns the Spark settings of the shared session: two local cores, four shuffle partitions
     * (Spark's 200 would mean 200 tiny tasks per shuffle), no UI, the in-memory catalog instead of
     * Hive and Derby, a temporary warehouse, UTC, and the S3 file system for s3:// and s3a://.
     */
    static Map<String, String> settings(Path warehouse) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spark.master", "local[2]");
        settings.put("spark.app.name", "dataplatform-local");
        settings.put("spark.ui.enabled", "false");
        settings.put("spark.ui.showConsoleProgress", "false");
        settings.put("spark.sql.shuffle.partitions", "4");
        settings.put("spark.default.parallelism", "2");
        settings.put("spark.sql.catalogImplementation", "in-memory");
        settings.put("spark.sql.warehouse.dir", warehouse.toUri().toString());
        settings.put("spark.sql.session.timeZone", "UTC");
        settings.put("spark.driver.host", "127.0.0.1");
        settings.put("spark.driver.bindAddress", "127.0.0.1");
        Configuration s3 = new Configuration(false);
        configureS3(s3);
        s3.forEach(entry -> settings.put("spark.hadoop." + entry.getKey(), entry.getValue()));
        return settings;
    }

    /**
     * Registers {@link S3ClientFileSystem} for {@code s3://} and {@code s3a://} in {@code conf},
     * with Hadoop's file system cache off for both schemes: the cache keys on scheme, bucket and
     * user only, so it would hand the file system of one client to a run that registered another.
     */
    public static void configureS3(Configuration conf) {
        for (String scheme : new String[] {"s3", "s3a"}) {
            conf.set("fs." + scheme + ".impl", S3ClientFileSystem.class.getName());
            conf.setBoolean("fs." + scheme + ".impl.disable.cache", true);
        }
    }

    private static Path temporaryWarehouse() {
        try {
            Path warehouse = Files.createTempDirectory("dataplatform-spark-warehouse");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(warehouse), "dataplatform-warehouse-cleanup"));
            return warehouse;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary Spark warehouse directory", e);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // The JVM is exiting; a left-over temporary directory is harmless.
        }
    }
}
