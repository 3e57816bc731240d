package io.dataplatform.glue;

import io.dataplatform.cost.Money;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * A started run of a Glue job. When an attempt fails and the job has retries left, Glue starts a new
 * attempt (a new run id whose PreviousRunId is the failed one); this handle follows those attempts,
 * so {@link #await()} returns or fails with the last one.
 *
 * <pre>{@code
 * JobRun run = job.start(Map.of("date", "2024-01-31"))
 *         .onProgress(s -> log.info("{} attempt {}: {}", s.runId(), s.attempt(), s.state()))
 *         .await(Duration.ofMinutes(30));
 * run.dpuSeconds(); run.cost();
 * }</pre>
 */
public interface JobRun {

    /** Returns the job's name. */
    String job();

    /** Returns the id of the first attempt, the one StartJobRun returned. */
    String id();

    /** Registers a listener told of every status change seen while waiting; returns this run. */
    JobRun onProgress(Consumer<JobRunStatus> listener);

    /**
     * Waits until the run's last attempt has ended, however long that takes (the job's own timeout
     * bounds it); returns this run.
     *
     * @throws JobRunFailedException if it ended FAILED, TIMEOUT or ERROR
     */
    JobRun await();

    /**
     * Waits up to {@code timeout}; returns this run.
     *
     * @throws io.dataplatform.OperationTimeoutException naming the run, its last state and the wait,
     *                                                   with this run as its handle, if it has not ended in time
     * @throws JobRunFailedException                     if it ended FAILED, TIMEOUT or ERROR
     */
    JobRun await(Duration timeout);

    /** Returns the status of the latest attempt (one or two Glue calls). */
    JobRunStatus status();

    /** Returns the latest attempt's number (0 for the first), as of the last status read. */
    int attempt();

    /** Returns the latest attempt's error message, empty if none, as of the last status read. */
    String errorMessage();

    /** Returns the DPU-seconds of every attempt seen so far. */
    double dpuSeconds();

    /** Returns what every attempt seen so far cost at the platform's Glue prices (billed per second, 1-minute minimum). */
    Money cost();

    /** Returns the statuses of the attempts seen so far, first attempt first. */
    List<JobRunStatus> attempts();

    /** Asks Glue to stop the latest attempt (BatchStopJobRun); it goes STOPPING, then STOPPED. */
    void stop();
}
