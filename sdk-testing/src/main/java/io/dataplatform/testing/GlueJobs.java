package io.dataplatform.testing;

import io.dataplatform.testing.internal.Arguments;
import io.dataplatform.testing.internal.glue.GlueJobWorld;
import java.util.Objects;

/**
 * The Glue jobs of a {@link FakeAws} world, for what a test sets up beyond the Glue API: Java
 * handlers for jobs the fake cannot run itself. A job deployed from a {@code SparkJob} class by the
 * SDK runs for real on local Spark; a Python job can only run through a handler, and starting one
 * without a handler is refused naming the job.
 *
 * <pre>{@code
 * aws.glueJobs().handler("nightly-export", run -> {
 *     if (run.attempt() < 2) {
 *         throw new IllegalStateException("upstream not ready");     // attempts 0 and 1 fail
 *     }
 *     run.work(Duration.ofMinutes(5));
 * });
 * }</pre>
 */
public final class GlueJobs {
    private final GlueJobWorld world;

    GlueJobs(GlueJobWorld world) {
        this.world = world;
    }

    /**
     * Runs {@code handler} for every attempt of every run of the job {@code jobName} from now on, in
     * place of the job's script. The job need not exist yet.
     */
    public GlueJobs handler(String jobName, GlueJobHandler handler) {
        if (jobName == null || jobName.isEmpty()) {
            throw new IllegalArgumentException("jobName must not be empty");
        }
        world.handler(jobName, Objects.requireNonNull(handler, "handler"));
        return this;
    }

    /** Removes the handler of {@code jobName}, if any; later runs run the job's own code again. */
    public GlueJobs removeHandler(String jobName) {
        world.handler(Arguments.notNull(jobName, "jobName"), null);
        return this;
    }
}
