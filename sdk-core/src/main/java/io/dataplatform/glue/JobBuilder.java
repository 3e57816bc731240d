package io.dataplatform.glue;

import io.dataplatform.s3.S3Location;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Defines a Glue job. Setters check their argument at once; {@link #create()} checks the whole
 * definition, uploads the code of a {@code SparkJob} class and calls Glue.
 *
 * <p>Defaults: Glue {@value #DEFAULT_GLUE_VERSION}, {@value #DEFAULT_WORKERS} x {@link WorkerType#G_1X}
 * (the smallest a Spark job may have), a timeout of 60 minutes (Glue's own default is 48 hours),
 * no retries, one run at a time, standard execution.
 *
 * <p>A {@code SparkJob} class is deployed as a Glue Scala job: {@link #create()} uploads below
 * {@link #codeLocation} the jar that holds the class, the dataplatform-sdk-spark jar if the job's jar
 * does not hold it, and a generated Scala entry script, each under its SHA-256 so an unchanged file is
 * not uploaded again; the job gets {@code --job-language scala}, {@code --class DataPlatformGlueJob}
 * (the script's object) and {@code --extra-jars} with the jars.
 *
 * <pre>{@code
 * Job job = platform.glue().job("clean-sales")
 *         .sparkJob(CleanSales.class)
 *         .codeLocation(S3Location.parse("s3://acme-code/glue/"))
 *         .role("AWSGlueServiceRole-sales")
 *         .workers(2, WorkerType.G_1X).timeout(Duration.ofMinutes(30)).maxRetries(2)
 *         .create();
 * }</pre>
 */
public interface JobBuilder {
    /** The Glue version jobs get unless told otherwise: the newest 6.x (Spark 4.1, Scala 2.13, JDK 17). */
    String DEFAULT_GLUE_VERSION = "6.1";
    /** The workers a job gets unless told otherwise: Glue's minimum for a Spark job. */
    int DEFAULT_WORKERS = 2;
    /** The timeout a job gets unless told otherwise. */
    Duration DEFAULT_TIMEOUT = Duration.ofMinutes(60);

    /**
     * Runs the {@code SparkJob} class {@code jobClass} (from sdk-spark; checked by name, so sdk-core
     * needs no Spark), which must have been loaded from a jar.
     *
     * @throws IllegalArgumentException if the class does not implement {@code io.dataplatform.spark.SparkJob}
     */
    JobBuilder sparkJob(Class<?> jobClass);

    /** Runs the {@code SparkJob} class {@code jobClass} from the jar at {@code jar} (for a class run from a classes folder). */
    JobBuilder sparkJob(Class<?> jobClass, Path jar);

    /**
     * Runs the declarative ETL {@code mapping} through dataplatform-sdk-spark's
     * {@value io.dataplatform.glue.etl.EtlMapping#JOB_CLASS}, its arguments as the job's default
     * arguments. An unresolved mapping is resolved against its source table (one GetTable) at {@link #create()}.
     */
    JobBuilder etl(io.dataplatform.glue.etl.EtlMapping mapping);

    /** As {@link #etl(io.dataplatform.glue.etl.EtlMapping)}, with EtlJob taken from the jar at {@code sparkJar}. */
    JobBuilder etl(io.dataplatform.glue.etl.EtlMapping mapping, Path sparkJar);

    /**
     * Runs the plain-Java {@link io.dataplatform.tasks.JobTask} class {@code taskClass} (no Spark) as the
     * cheapest Glue job that can run it: a Spark job ({@code glueetl}, as Glue runs Java nowhere else)
     * on the fewest, smallest workers (2 x G.1X) with {@link ExecutionClass#FLEX} unless another
     * execution class is set, whose entry script calls sdk-core's {@code TaskMain}. Uploads the task's
     * jar, the dataplatform-sdk-core jar unless the task's jar holds it, and the entry script.
     */
    JobBuilder task(Class<? extends io.dataplatform.tasks.JobTask> taskClass);

    /** As {@link #task(Class)}, with the task class taken from the jar at {@code jar}. */
    JobBuilder task(Class<? extends io.dataplatform.tasks.JobTask> taskClass, Path jar);

    /** Runs the existing PySpark script at {@code scriptLocation} ({@code s3://bucket/key.py}); nothing is uploaded. */
    JobBuilder pythonScript(String scriptLocation);

    /** Sets where {@link #create()} uploads a {@code SparkJob}'s jars and entry script (required for those). */
    JobBuilder codeLocation(S3Location prefix);

    /** Sets the IAM role (name or ARN) the job runs as (required). */
    JobBuilder role(String role);

    /**
     * Sets the Glue version, e.g. {@code "6.1"}. Versions below 6.0 run Spark 3.5 on Scala 2.12 and are
     * refused for {@code SparkJob} classes at {@link #create()}.
     */
    JobBuilder glueVersion(String glueVersion);

    /** Sets how many workers of which type a run gets; Spark jobs need at least 2. */
    JobBuilder workers(int count, WorkerType type);

    /** Sets how long a run may take before Glue stops it as TIMEOUT: whole minutes, 1 minute to 7 days. */
    JobBuilder timeout(Duration timeout);

    /** Sets how often Glue retries a failed run, 0 to 10. */
    JobBuilder maxRetries(int maxRetries);

    /** Sets how many runs may run at once, at least 1; one more is refused with ConcurrentRunsExceededException. */
    JobBuilder maxConcurrentRuns(int maxConcurrentRuns);

    /** Adds a default argument ({@code name} without the leading "--"). */
    JobBuilder defaultArgument(String name, String value);

    /** Adds a tag, set when the job is created. */
    JobBuilder tag(String key, String value);

    /** Sets the execution class; {@link ExecutionClass#FLEX} needs G.1X or G.2X workers. */
    JobBuilder executionClass(ExecutionClass executionClass);

    /** Sets a description. */
    JobBuilder description(String description);

    /**
     * Creates the job, or brings an existing job of that name to this definition: when GetJob shows
     * the same definition nothing is called, otherwise one UpdateJob. Tags are set only at creation.
     *
     * @throws IllegalStateException    if the code (a SparkJob class or a script), the role or, for a
     *                                  SparkJob, the code location is missing, or a setting contradicts another
     * @throws IllegalArgumentException if a SparkJob class is not in a jar, or the Glue version cannot run it
     */
    Job create();

    /**
     * Replaces the definition of the existing job with this one (one UpdateJob).
     *
     * @throws io.dataplatform.ResourceNotFoundException if there is no such job
     */
    Job update();
}
