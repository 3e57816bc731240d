package io.dataplatform.emr;

import io.dataplatform.internal.Checks;
import io.dataplatform.internal.JobCode;
import io.dataplatform.s3.S3Location;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A step that runs a {@code SparkJob} class (sdk-spark) with {@code spark-submit}: the jar that holds
 * the class is uploaded to S3 under the step's (or the cluster's) code location, named by its SHA-256
 * so an unchanged jar is uploaded once, and run through {@code command-runner.jar spark-submit --class
 * io.dataplatform.spark.SparkJobMain <jar> <job class> <args>}. When the jar does not hold sdk-spark
 * itself (an unshaded jar), the dataplatform-sdk-spark jar is uploaded as well and passed with
 * {@code --jars}; everything else the job needs beyond Spark and Hadoop must be in its jar.
 * Immutable: each method returns a changed copy.
 *
 * <pre>{@code
 * StepRun run = cluster.submit(SparkStep.of(CleanSales.class).args("--date", "2024-01-31")
 *         .actionOnFailure(ActionOnFailure.TERMINATE_CLUSTER));
 * }</pre>
 */
public final class SparkStep implements Step {
    private final Class<?> jobClass;
    private final Path jar;
    private final List<String> args;
    private final String name;
    private final ActionOnFailure actionOnFailure;
    private final Map<String, String> sparkConf;
    private final S3Location codeLocation;

    private SparkStep(Class<?> jobClass, Path jar, List<String> args, String name, ActionOnFailure actionOnFailure,
                      Map<String, String> sparkConf, S3Location codeLocation) {
        this.jobClass = jobClass;
        this.jar = jar;
        this.args = List.copyOf(args);
        this.name = name;
        this.actionOnFailure = actionOnFailure;
        this.sparkConf = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sparkConf));
        this.codeLocation = codeLocation;
    }

    /**
     * Returns a step running {@code jobClass}, a {@code SparkJob} loaded from a jar.
     *
     * @throws IllegalArgumentException if the class is no {@code SparkJob}, or was loaded from a classes
     *                                  folder rather than a jar (the message says how to build the jar)
     */
    public static SparkStep of(Class<?> jobClass) {
        checkJob(jobClass);
        JobCode.of(jobClass);
        return new SparkStep(jobClass, null, List.of(), jobClass.getSimpleName(), ActionOnFailure.CONTINUE, Map.of(), null);
    }

    /**
     * Returns a step running {@code jobClass} from the jar at {@code jar}: for a class run from a classes
     * folder (an IDE) whose jar was built as well.
     *
     * @throws IllegalArgumentException if the class is no {@code SparkJob} or the jar does not hold it
     */
    public static SparkStep of(Class<?> jobClass, Path jar) {
        checkJob(jobClass);
        JobCode.of(jobClass, jar);
        return new SparkStep(jobClass, jar, List.of(), jobClass.getSimpleName(), ActionOnFailure.CONTINUE, Map.of(), null);
    }

    private static void checkJob(Class<?> jobClass) {
        Checks.notNull(jobClass, "jobClass");
        Checks.require(JobCode.isSparkJob(jobClass), "Invalid job class %s: it does not implement %s (add the dependency"
                + " %s and implement it)", jobClass.getName(), JobCode.SPARK_JOB, JobCode.SPARK_ARTIFACT);
    }

    /**
     * Returns a copy with the job's arguments, {@code --name value} pairs as the job's {@code JobContext} reads them.
     *
     * @throws IllegalArgumentException if they are not {@code --name value} pairs
     */
    public SparkStep args(String... args) {
        Checks.notNull(args, "args");
        Checks.require(args.length % 2 == 0, "Invalid job arguments %s: must be '--name value' pairs", List.of(args));
        for (int i = 0; i < args.length; i += 2) {
            Checks.require(args[i] != null && args[i].startsWith("--") && args[i].length() > 2,
                    "Invalid job argument '%s' at position %s: arguments must be '--name value' pairs", args[i], i);
            Checks.require(args[i + 1] != null, "Invalid job argument '%s': its value must not be null", args[i]);
        }
        return new SparkStep(jobClass, jar, List.of(args), name, actionOnFailure, sparkConf, codeLocation);
    }

    /** Returns a copy named {@code name} (default: the job class's simple name). */
    public SparkStep name(String name) {
        Checks.notEmpty(name, "name");
        Checks.require(name.length() <= 256, "Invalid step name: at most 256 characters, but was %s", name.length());
        return new SparkStep(jobClass, jar, args, name, actionOnFailure, sparkConf, codeLocation);
    }

    /** Returns a copy with {@code action} on failure (default CONTINUE). */
    public SparkStep actionOnFailure(ActionOnFailure action) {
        Checks.notNull(action, "actionOnFailure");
        return new SparkStep(jobClass, jar, args, name, action, sparkConf, codeLocation);
    }

    /** Returns a copy passing {@code --conf key=value} to spark-submit. */
    public SparkStep sparkConf(String key, String value) {
        Checks.notEmpty(key, "sparkConf key");
        Checks.notNull(value, "sparkConf value");
        Map<String, String> conf = new LinkedHashMap<>(sparkConf);
        conf.put(key, value);
        return new SparkStep(jobClass, jar, args, name, actionOnFailure, conf, codeLocation);
    }

    /** Returns a copy uploading the job's jar below {@code location} instead of the cluster's code location. */
    public SparkStep codeLocation(S3Location location) {
        Checks.notNull(location, "codeLocation");
        return new SparkStep(jobClass, jar, args, name, actionOnFailure, sparkConf, location);
    }

    /** Returns the job class. */
    public Class<?> jobClass() {
        return jobClass;
    }

    /** Returns the jar named with {@link #of(Class, Path)}, if any; else the jar the class was loaded from is used. */
    public Optional<Path> jar() {
        return Optional.ofNullable(jar);
    }

    /** Returns the job's arguments. */
    public List<String> arguments() {
        return args;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ActionOnFailure actionOnFailure() {
        return actionOnFailure;
    }

    /** Returns the {@code --conf} settings for spark-submit. */
    public Map<String, String> sparkConf() {
        return sparkConf;
    }

    /** Returns the step's own code location, if set. */
    public Optional<S3Location> codeLocation() {
        return Optional.ofNullable(codeLocation);
    }

    /** Returns the job class and argument names; values may be secrets. */
    @Override
    public String toString() {
        return "SparkStep{" + name + ": " + jobClass.getName() + ", args="
                + java.util.stream.IntStream.range(0, args.size()).filter(i -> i % 2 == 0).mapToObj(args::get).toList()
                + ", " + actionOnFailure + "}";
    }
}
