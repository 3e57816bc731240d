package io.dataplatform.testing;

import java.time.Duration;
import java.util.Map;

/** What one attempt of a Glue job run on the fake is given, and how it makes fake time pass. */
public interface GlueJobRunContext {

    /** Returns the job's name. */
    String jobName();

    /** Returns the run's id ({@code jr_...}). */
    String runId();

    /** Returns the attempt: 0 for the first, 1 for the first retry, ... */
    int attempt();

    /**
     * Returns the run's arguments as the job sees them: the job's default arguments overridden by the
     * run's, names without the leading "--".
     */
    Map<String, String> arguments();

    /**
     * Returns the argument {@code name} (without "--").
     *
     * @throws IllegalArgumentException naming the argument and those given, if it was not given
     */
    String argument(String name);

    /**
     * Makes {@code duration} of fake time pass inside the run: the run ends that much later on the
     * world's clock, or ends as TIMEOUT when the job's timeout comes first. Nothing waits on the wall clock.
     */
    void work(Duration duration);

    /** Returns how much fake time the run has spent so far through {@link #work}. */
    Duration elapsed();

    /**
     * Runs the job's own code now, as the fake would without a handler: the {@code SparkJob} class the
     * SDK deployed, on local Spark. A handler that calls it wraps the real job, say to make fake time
     * pass around it or to fail the first attempts only.
     *
     * <pre>{@code
     * aws.glueJobs().handler("clean-sales", run -> {
     *     run.work(Duration.ofMinutes(45));    // the real job, 45 minutes long on the fake clock
     *     run.proceed();
     * });
     * }</pre>
     *
     * @throws IllegalStateException with the job's failure (its exception type and message) if it failed,
     *                               or why the fake cannot run it (a Python script)
     */
    void proceed();
}
