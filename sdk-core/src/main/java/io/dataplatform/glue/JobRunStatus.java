package io.dataplatform.glue;

import io.dataplatform.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One attempt of a Glue job run as GetJobRun describes it.
 *
 * @param job           the job's name
 * @param runId         the run's id ({@code jr_...})
 * @param attempt       0 for the first attempt, 1 for the first retry, ...
 * @param previousRunId the id of the failed attempt this one retries, or empty for a first attempt
 * @param state         the run's state
 * @param startedOn     when the run was started
 * @param completedOn   when it ended, or null while it runs
 * @param executionTime the time it consumed resources, as Glue reports it (whole seconds)
 * @param dpuSeconds    the DPU-seconds it is billed for: Glue's DPUSeconds where Glue reports them
 *                      (flex and auto-scaling runs), else the execution time times the run's DPUs
 * @param capacity      the DPUs the run was allocated (workers times DPUs per worker)
 * @param errorMessage  Glue's error message, or empty
 */
public record JobRunStatus(String job, String runId, int attempt, String previousRunId, JobRunState state,
                           Instant startedOn, Instant completedOn, Duration executionTime, double dpuSeconds,
                           double capacity, String errorMessage) {

    /** Validates the status. */
    public JobRunStatus {
        Checks.notEmpty(job, "job");
        Checks.notEmpty(runId, "runId");
        Checks.notNull(state, "state");
        Checks.notNull(executionTime, "executionTime");
        previousRunId = previousRunId == null ? "" : previousRunId;
        errorMessage = errorMessage == null ? "" : errorMessage;
    }

    /** Returns when the run ended, if it has. */
    public Optional<Instant> completed() {
        return Optional.ofNullable(completedOn);
    }

    /** Returns true if the run is in a state it never leaves. */
    public boolean isFinal() {
        return state.isFinal();
    }
}
