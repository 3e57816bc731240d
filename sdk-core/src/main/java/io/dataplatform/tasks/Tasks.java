package io.dataplatform.tasks;

/**
 * Runs {@link JobTask}s in-process against the platform that returned this: the way to run a task in
 * a test (on FakeAws, whose fake SES and registered HTTP responses the task then uses) and in
 * development. The run's arguments are {@code --name value} pairs, as a Glue job passes them.
 *
 * <pre>{@code
 * TaskRun run = platform.tasks().run(FetchRates.class, "--date", "2024-01-31");
 * run.orThrow();
 * }</pre>
 */
public interface Tasks {

    /**
     * Creates an instance of {@code taskClass} with its public no-argument constructor and runs it.
     * A failure inside {@code run} is returned in the {@link TaskRun}, not thrown.
     *
     * @throws IllegalArgumentException if the class cannot be instantiated or the arguments are not
     *                                  {@code --name value} pairs
     */
    TaskRun run(Class<? extends JobTask> taskClass, String... args);

    /** Runs {@code task} (an instance, or a lambda); see {@link #run(Class, String...)}. */
    TaskRun run(JobTask task, String... args);
}
