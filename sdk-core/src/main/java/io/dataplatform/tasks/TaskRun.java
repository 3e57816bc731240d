package io.dataplatform.tasks;

import io.dataplatform.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The outcome of one run of a {@link JobTask}: how it ended, when it started, how long it took on the
 * platform's clock, and what it threw.
 *
 * @param taskName  the task class's simple name
 * @param runId     the run's id
 * @param status    how the run ended
 * @param startedAt when it started, on the platform's clock
 * @param duration  how long it took, on the platform's clock (a fake clock counts only the time it advanced)
 * @param error     what {@code run} threw; null exactly when it succeeded
 */
public record TaskRun(String taskName, String runId, TaskStatus status, Instant startedAt, Duration duration,
                      Throwable error) {

    /** Validates the fields: a failed run has an error, a successful one none. */
    public TaskRun {
        Checks.notEmpty(taskName, "taskName");
        Checks.notEmpty(runId, "runId");
        Checks.notNull(status, "status");
        Checks.notNull(startedAt, "startedAt");
        Checks.notNull(duration, "duration");
        Checks.require((status == TaskStatus.SUCCEEDED) == (error == null),
                "error must be null exactly when status is SUCCEEDED, but status was %s and error %s", status, error);
    }

    /** Returns whether the run succeeded. */
    public boolean succeeded() {
        return status == TaskStatus.SUCCEEDED;
    }

    /** Returns what the run threw, if it failed. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(error);
    }

    /** Returns this run if it succeeded, or throws {@link TaskFailedException} with the task's exception as cause. */
    public TaskRun orThrow() {
        if (error != null) {
            throw new TaskFailedException("Task " + taskName + " (" + runId + ") failed after " + duration.toMillis()
                    + " ms: " + error.getClass().getSimpleName() + ": " + error.getMessage(), error);
        }
        return this;
    }

    @Override
    public String toString() {
        return "TaskRun{" + taskName + " " + runId + " " + status + " in " + duration.toMillis() + " ms"
                + (error == null ? "" : ": " + error) + "}";
    }
}
