package io.dataplatform.athena;

import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of a query execution.
 *
 * @param id          the query execution id
 * @param state       its state
 * @param reason      Athena's state change reason (why it failed or was cancelled); empty if none
 * @param submittedAt when Athena accepted it
 * @param completedAt when it finished, or null while it runs
 * @param statistics  what it scanned and how long it took so far
 */
public record QueryStatus(String id, QueryState state, String reason, Instant submittedAt, Instant completedAt,
                          QueryStatistics statistics) {

    /** Returns when it finished, if it has. */
    public Optional<Instant> completion() {
        return Optional.ofNullable(completedAt);
    }
}
