package io.dataplatform.emr;

import io.dataplatform.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What DescribeCluster says about a cluster at one moment.
 *
 * @param id                   the cluster id, {@code j-...}
 * @param name                 the cluster's name
 * @param state                its state
 * @param stateChangeCode      why it is in that state ({@code USER_REQUEST}, {@code STEP_FAILURE},
 *                             {@code ALL_STEPS_COMPLETED}, ...), or null
 * @param stateChangeMessage   EMR's message for the state change, or null
 * @param releaseLabel         the release, e.g. {@code emr-spark-8.0.0}
 * @param createdAt            when it was created
 * @param readyAt              when it became ready to run steps, or null
 * @param endedAt              when it shut down, or null
 * @param terminationProtected true if it is protected against termination
 * @param autoTerminate        true if it terminates once its steps are done
 * @param stepConcurrency      how many steps may run at once
 * @param logUri               where EMR writes its logs, or null
 */
public record ClusterStatus(String id, String name, ClusterState state, String stateChangeCode,
                            String stateChangeMessage, String releaseLabel, Instant createdAt, Instant readyAt,
                            Instant endedAt, boolean terminationProtected, boolean autoTerminate, int stepConcurrency,
                            String logUri) {

    /** Validates the required fields. */
    public ClusterStatus {
        Checks.notEmpty(id, "id");
        Checks.notNull(state, "state");
    }

    /** Returns the reason for the current state, e.g. {@code STEP_FAILURE: Shut down as step failed}, if EMR gave one. */
    public Optional<String> reason() {
        if (stateChangeCode == null && stateChangeMessage == null) {
            return Optional.empty();
        }
        return Optional.of((stateChangeCode == null ? "" : stateChangeCode + ": ")
                + (stateChangeMessage == null ? "" : stateChangeMessage));
    }

    /** Returns how long the cluster has run: from creation to its end, or to {@code now} while it runs. */
    public Duration runtime(Instant now) {
        Instant end = endedAt != null ? endedAt : now;
        return createdAt == null || end.isBefore(createdAt) ? Duration.ZERO : Duration.between(createdAt, end);
    }
}
