package io.dataplatform.emr;

import io.dataplatform.internal.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * What DescribeStep says about a step at one moment.
 *
 * @param id              the step id, {@code s-...}
 * @param clusterId       the cluster it runs on
 * @param name            the step's name
 * @param state           its state
 * @param actionOnFailure what EMR does if it fails
 * @param failureReason   EMR's reason for a failure (for a Spark job: the exception), or null
 * @param failureMessage  EMR's message for a failure, or null
 * @param logFile         the log file EMR names for a failure, or null
 * @param createdAt       when it was submitted
 * @param startedAt       when it started running, or null
 * @param endedAt         when it ended, or null
 */
public record StepStatus(String id, String clusterId, String name, StepState state, ActionOnFailure actionOnFailure,
                         String failureReason, String failureMessage, String logFile, Instant createdAt,
                         Instant startedAt, Instant endedAt) {

    /** Validates the required fields. */
    public StepStatus {
        Checks.notEmpty(id, "id");
        Checks.notNull(state, "state");
    }

    /** Returns the failure's reason and message, if the step failed and EMR gave them. */
    public Optional<String> failure() {
        if (failureReason == null && failureMessage == null) {
            return Optional.empty();
        }
        if (failureMessage == null || failureMessage.equals(failureReason)) {
            return Optional.of(failureReason);
        }
        return Optional.of(failureReason == null ? failureMessage : failureReason + " (" + failureMessage + ")");
    }

    /** Returns the log file of a failure, if EMR named one. */
    public Optional<String> log() {
        return Optional.ofNullable(logFile);
    }
}
