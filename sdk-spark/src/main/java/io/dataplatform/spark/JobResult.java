package io.dataplatform.spark;

import io.dataplatform.spark.internal.Checks;
import java.time.Duration;
import java.util.Optional;

/**
 * The outcome of one run of a {@link SparkJob}: how it ended, how long it took, and what Spark
 * read and wrote.
 *
 * @param jobName the job's class name
 * @param runId the run's id, unique in the JVM
 * @param status how the run ended
 * @param duration the time from start to end, on the runner's clock
 * @param metrics what the run's Spark tasks read and wrote
 * @param failureReason the failure's type and message; empty when the run succeeded
 */
public record JobResult(String jobName, String runId, JobStatus status, Duration duration, JobMetrics metrics,
        String failureReason) {

    /** Validates the fields; a failed run must have a reason and a successful one none. */
    public JobResult {
        Checks.notEmpty(jobName, "jobName");
        Checks.notEmpty(runId, "runId");
        Checks.notNull(status, "status");
        Checks.notNull(duration, "duration");
        Checks.notNull(metrics, "metrics");
        Checks.notNull(failureReason, "failureReason");
        Checks.require(status == JobStatus.SUCCEEDED == failureReason.isEmpty(),
                "failureReason must be empty exactly when status is SUCCEEDED, but status was %s and failureReason '%s'",
                status, failureReason);
    }

    /** Returns whether the run succeeded. */
    public boolean succeeded() {
        return status == JobStatus.SUCCEEDED;
    }

    /** Returns the failure's type and message, or empty if the run succeeded. */
    public Optional<String> failure() {
        return failureReason.isEmpty() ? Optional.empty() : Optional.of(failureReason);
    }

    /**
     * Returns this result if the run succeeded, or throws {@link SparkJobFailedException} naming
     * the job, the run and the reason.
     */
    public JobResult orThrow() {
        if (!succeeded()) {
            throw new SparkJobFailedException("Spark job " + jobName + " (" + runId + ") failed after "
                    + duration.toMillis() + " ms: " + failureReason);
        }
        return this;
    }
}
