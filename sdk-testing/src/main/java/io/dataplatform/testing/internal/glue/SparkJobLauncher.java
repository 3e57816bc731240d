package io.dataplatform.testing.internal.glue;

import io.dataplatform.testing.internal.Caller;
import java.time.Duration;
import java.util.List;

/**
 * Runs a {@code SparkJob} class from jars in the world's S3 on local Spark: the compute side of a
 * {@code FakeAws} world, shared by the fake EMR's steps and the fake Glue's jobs.
 */
@FunctionalInterface
public interface SparkJobLauncher {

    /**
     * Runs {@code className} from {@code jars} ({@code s3://} URIs in the world's S3) with
     * {@code arguments} ({@code --name value} pairs), reading and writing S3 as {@code caller}.
     *
     * @return how the run ended
     */
    Outcome launch(List<String> jars, String className, List<String> arguments, Caller caller);

    /**
     * How a launched job ended.
     *
     * @param failure the failure's type and message, or null if the job succeeded
     * @param elapsed the fake time the job made pass through its context
     */
    record Outcome(String failure, Duration elapsed) {
    }
}
