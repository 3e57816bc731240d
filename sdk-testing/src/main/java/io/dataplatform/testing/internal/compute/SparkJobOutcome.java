package io.dataplatform.testing.internal.compute;

import java.time.Duration;
import java.util.Objects;

/**
 * How one run of a Spark job on a fake service ended.
 *
 * @param succeeded true if the job ran to its end
 * @param failure   the failure's type and message (the job's exception, or why it could not start); empty on success
 * @param elapsed   the wall-clock time the run took
 */
public record SparkJobOutcome(boolean succeeded, String failure, Duration elapsed) {

    /** Validates the fields; a failed run has a reason. */
    public SparkJobOutcome {
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(elapsed, "elapsed");
        if (succeeded != failure.isEmpty()) {
            throw new IllegalArgumentException("failure must be empty exactly when the run succeeded");
        }
    }

    /** Returns a successful outcome. */
    public static SparkJobOutcome success(Duration elapsed) {
        return new SparkJobOutcome(true, "", elapsed);
    }

    /** Returns a failed outcome with {@code failure}. */
    public static SparkJobOutcome failed(String failure, Duration elapsed) {
        return new SparkJobOutcome(false, failure.isEmpty() ? "failed" : failure, elapsed);
    }
}
