package io.dataplatform.tasks;

/**
 * A plain-Java job: no Spark, for the jobs that call APIs, move files and send email. One class,
 * three places to run it: in-process with {@code platform.tasks().run(MyTask.class, args)} (tests and
 * development, on FakeAws or AWS), from a scheduler, and deployed as a Glue job whose entry point is
 * {@link TaskMain}. A task class needs a public no-argument constructor; one instance serves one run.
 *
 * <pre>{@code
 * public final class FetchRates implements JobTask {
 *     public void run(TaskContext context) {
 *         LocalDate date = context.arguments().date("date");
 *         HttpResponse rates = context.http().get("https://api.example.com/rates?date=" + date);
 *         context.platform().bucket("acme-raw").put("rates/" + date + ".json", rates.body());
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface JobTask {

    /** Does the job's work; throwing fails the run (the run's result keeps the exception). */
    void run(TaskContext context) throws Exception;
}
