package io.dataplatform.testing.internal.compute;

import io.dataplatform.spark.JobContext;
import io.dataplatform.spark.JobResult;
import io.dataplatform.spark.LocalSparkRunner;
import io.dataplatform.spark.SparkJob;
import io.dataplatform.spark.SparkJobMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The {@link SparkJobLauncher} over sdk-spark's {@link LocalSparkRunner}: the jars' bytes are written to
 * temporary files (once per distinct content), loaded child-first, and the job runs on the JVM's shared
 * local Spark with the given S3 client. Loaded reflectively, and only when sdk-spark is on the classpath.
 */
public final class LocalSparkJobLauncher implements SparkJobLauncher {
    private static final Map<String, Path> FILES = new ConcurrentHashMap<>();

    /** Creates the launcher (see {@link SparkJobLauncher#local()}). */
    public LocalSparkJobLauncher() {
    }

    @Override
    public SparkJobOutcome run(List<JobJar> jars, String className, List<String> args, S3Client s3) {
        long start = System.nanoTime();
        URL[] urls = jars.stream().map(LocalSparkJobLauncher::file).toArray(URL[]::new);
        ClassLoader parent = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : LocalSparkJobLauncher.class.getClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (ChildFirstClassLoader loader = new ChildFirstClassLoader(urls, parent)) {
            thread.setContextClassLoader(loader);
            JobContext context = JobContext.parse(args);
            SparkJob job = SparkJobMain.instantiate(className, loader);
            JobResult result = LocalSparkRunner.builder().s3Client(s3).build().run(job, context);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return result.succeeded() ? SparkJobOutcome.success(elapsed) : SparkJobOutcome.failed(result.failureReason(), elapsed);
        } catch (IllegalArgumentException e) {
            return SparkJobOutcome.failed(e.getClass().getName() + ": " + e.getMessage(),
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the class loader of " + className, e);
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private static URL file(JobJar jar) {
        String sha = sha256(jar.bytes());
        Path path = FILES.computeIfAbsent(sha, key -> {
            try {
                Path file = Files.createTempFile("fakeaws-job-" + key.substring(0, 12) + "-", ".jar");
                file.toFile().deleteOnExit();
                Files.write(file, jar.bytes());
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the job jar " + jar.location() + " to a temporary file", e);
            }
        });
        try {
            return path.toUri().toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
