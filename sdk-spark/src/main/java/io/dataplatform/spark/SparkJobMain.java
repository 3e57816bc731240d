package io.dataplatform.spark;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code spark-submit} main class that runs a {@link SparkJob} on a cluster (an EMR step, a Glue
 * job): the first argument names the job class, the rest are the job's {@code --name value} arguments.
 * It builds the {@link JobContext}, creates the job with its public no-argument constructor and runs it
 * on {@code SparkSession.builder().getOrCreate()} (the cluster's session, whose {@code s3://} paths are
 * EMRFS or Glue's). An exception thrown by the job fails the application, and so the step.
 *
 * <pre>
 * spark-submit --class io.dataplatform.spark.SparkJobMain --jars dataplatform-sdk-spark.jar clean-sales.jar \
 *     com.acme.CleanSales --date 2024-01-31
 * </pre>
 *
 * Uses only sdk-spark's {@code SparkJob} and {@code JobContext} and Spark itself, so the sdk-spark jar
 * next to the job's jar is all a cluster needs from this SDK.
 */
public final class SparkJobMain {

    private SparkJobMain() {
    }

    /**
     * Runs the job named by {@code args[0]} with the arguments that follow.
     *
     * @throws IllegalArgumentException if no job class is named, it is no SparkJob, or the arguments are not pairs
     */
    public static void main(String[] args) {
        if (args == null || args.length == 0 || args[0].startsWith("--")) {
            throw new IllegalArgumentException("Usage: SparkJobMain <SparkJob class> [--name value ...]: the first"
                    + " argument must name the job class, e.g. com.acme.CleanSales");
        }
        JobContext context = JobContext.parse(Arrays.copyOfRange(args, 1, args.length));
        SparkJob job = instantiate(args[0], loader());
        SparkSession spark = SparkSession.builder().appName(args[0]).getOrCreate();
        job.run(spark, context);
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : SparkJobMain.class.getClassLoader();
    }

    /**
     * Creates the job {@code className} from {@code loader} with its public no-argument constructor.
     *
     * @throws IllegalArgumentException naming the class and the rule it breaks
     */
    public static SparkJob instantiate(String className, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("Job class " + className + " is not in the job's jar nor on the classpath", e);
        }
        if (!SparkJob.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("Invalid job class " + className + ": it does not implement "
                    + SparkJob.class.getName());
        }
        String rule = "Invalid job class " + className + ": must be a public concrete class with a public no-argument"
                + " constructor";
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || !Modifier.isPublic(type.getModifiers())) {
            throw new IllegalArgumentException(rule);
        }
        try {
            Constructor<?> constructor = type.getConstructor();
            return (SparkJob) constructor.newInstance();
        } catch (NoSuchMethodException | IllegalAccessException | InstantiationException e) {
            throw new IllegalArgumentException(rule, e);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("Cannot create job class " + className + ": its constructor threw "
                    + e.getCause(), e.getCause());
        }
    }
}
