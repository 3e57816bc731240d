package io.dataplatform.testing;

/**
 * Java code a test registers to stand in for a Glue job the fake cannot run itself (a Python
 * script, a Scala script of its own) or to replace what a job does. An exception thrown here fails
 * the attempt with the exception's message as the run's ErrorMessage.
 *
 * <pre>{@code
 * aws.glueJobs().handler("export-orders", run -> {
 *     run.work(Duration.ofMinutes(3));                      // the run takes 3 minutes of fake time
 *     aws.s3().putObject(b -> b.bucket("out").key("orders/" + run.argument("date") + ".csv"),
 *             RequestBody.fromString("id,total\n1,10\n"));
 * });
 * }</pre>
 */
@FunctionalInterface
public interface GlueJobHandler {

    /** Does the work of one attempt of a run. */
    void run(GlueJobRunContext run) throws Exception;
}
