package io.dataplatform.testing.internal.compute;

import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Runs a {@code SparkJob} class from jars read from the fake S3, as EMR steps and Glue jobs do, on local
 * Spark over the world's S3. Service-neutral: the fake EMR and the fake Glue decide when a job runs and
 * what its outcome means for their states.
 *
 * <p>Spark is not on the runtime classpath of sdk-testing's users: {@link #local()} returns a launcher
 * over sdk-spark's {@code LocalSparkRunner} when it is on the classpath, and otherwise one whose every run
 * fails naming the artifact to add. Only this package touches Spark, and only once a job runs.
 */
public interface SparkJobLauncher {
    /** The artifact a test adds to run Spark jobs on the fakes. */
    String SPARK_ARTIFACT = "io.dataplatform:dataplatform-sdk-spark";

    /**
     * Runs {@code className} (a {@code SparkJob}) with {@code args} ({@code --name value} pairs) from
     * {@code jars}: classes in the jars win over the test's classpath (as on a cluster), except Spark's, the
     * JDK's and sdk-spark's own, which are shared. Never throws for a job's failure: the outcome says it.
     *
     * @param s3 the client the job's {@code s3://} paths go through
     */
    SparkJobOutcome run(List<JobJar> jars, String className, List<String> args, S3Client s3);

    /** Returns the launcher of this JVM: local Spark if sdk-spark is on the classpath, else a refusing one. */
    static SparkJobLauncher local() {
        return Holder.LAUNCHER;
    }

    /** Loads the Spark-backed launcher only if Spark and sdk-spark can be loaded. */
    final class Holder {
        private static final SparkJobLauncher LAUNCHER = create();

        private Holder() {
        }

        private static SparkJobLauncher create() {
            ClassLoader loader = SparkJobLauncher.class.getClassLoader();
            try {
                Class.forName("org.apache.spark.sql.SparkSession", false, loader);
                Class.forName("io.dataplatform.spark.LocalSparkRunner", false, loader);
                return (SparkJobLauncher) Class.forName("io.dataplatform.testing.internal.compute.LocalSparkJobLauncher",
                        true, loader).getConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                String reason = "FakeAws cannot run Spark jobs: sdk-spark's LocalSparkRunner and Spark are not on the test"
                        + " classpath (" + e + "). Add the test dependency " + SPARK_ARTIFACT;
                return (jars, className, args, s3) -> SparkJobOutcome.failed(
                        "Cannot run " + className + ": " + reason, Duration.ZERO);
            }
        }
    }
}
