package io.dataplatform.emr.internal;

import io.dataplatform.emr.CommandStep;
import io.dataplatform.emr.SparkStep;
import io.dataplatform.emr.SqlStep;
import io.dataplatform.emr.Step;
import io.dataplatform.internal.JobCode;
import io.dataplatform.s3.S3Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.emr.model.StepConfig;

/**
 * Turns the SDK's steps into EMR's StepConfig: every step runs through {@code command-runner.jar}. A
 * SparkStep uploads its jar (and, for a jar without sdk-spark in it, the sdk-spark jar, passed with
 * {@code --jars}) content-addressed below its code location first.
 */
final class StepCommands {
    static final String COMMAND_RUNNER = "command-runner.jar";

    private StepCommands() {
    }

    /**
     * Returns the StepConfig for {@code step}, uploading a SparkStep's code.
     *
     * @param releaseLabel  the cluster's release, checked against a SparkStep
     * @param clusterCode   the cluster's code location, or null
     */
    static StepConfig config(EmrContext context, Step step, String releaseLabel, S3Location clusterCode) {
        List<String> args = new ArrayList<>();
        if (step instanceof SparkStep spark) {
            sparkSubmit(context, spark, releaseLabel, clusterCode, args);
        } else if (step instanceof SqlStep sql) {
            args.add("spark-sql");
            args.add("-f");
            args.add(sql.file().uri());
        } else {
            args.addAll(((CommandStep) step).command());
        }
        return StepConfig.builder().name(step.name()).actionOnFailure(step.actionOnFailure().name())
                .hadoopJarStep(h -> h.jar(COMMAND_RUNNER).args(args)).build();
    }

    /** Checks a SparkStep against the release before anything is uploaded. */
    static void check(Step step, String releaseLabel, S3Location clusterCode) {
        if (step instanceof SparkStep spark) {
            ReleaseCheck.checkSparkJob(releaseLabel, spark.jobClass().getName());
            if (spark.codeLocation().isEmpty() && clusterCode == null) {
                throw new IllegalArgumentException("SparkStep " + spark.name() + " has nowhere to upload the jar of "
                        + spark.jobClass().getName() + ": set codeLocation(S3Location) on the step or on the cluster builder");
            }
        }
    }

    private static void sparkSubmit(EmrContext context, SparkStep spark, String releaseLabel, S3Location clusterCode,
                                    List<String> args) {
        check(spark, releaseLabel, clusterCode);
        S3Location prefix = spark.codeLocation().orElse(clusterCode);
        JobCode code = spark.jar().map(jar -> JobCode.of(spark.jobClass(), jar)).orElseGet(() -> JobCode.of(spark.jobClass()));
        Optional<JobCode> runtime = code.sparkRuntime(spark.jobClass().getClassLoader());
        S3Location jobJar = code.upload(context.s3(), context.s3Invoker(), prefix);
        args.add("spark-submit");
        args.add("--deploy-mode");
        args.add("cluster");
        args.add("--class");
        args.add(JobCode.SPARK_ENTRY_POINT);
        spark.sparkConf().forEach((key, value) -> {
            args.add("--conf");
            args.add(key + "=" + value);
        });
        if (runtime.isPresent()) {
            args.add("--jars");
            args.add(runtime.get().upload(context.s3(), context.s3Invoker(), prefix).uri());
        }
        args.add(jobJar.uri());
        args.add(spark.jobClass().getName());
        args.addAll(spark.arguments());
    }
}
