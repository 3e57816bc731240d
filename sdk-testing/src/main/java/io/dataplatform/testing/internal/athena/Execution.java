package io.dataplatform.testing.internal.athena;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.ResultConfiguration;

/**
 * One query execution of the fake. Its work is done when it starts (the answer is fixed then);
 * its reported state follows the world's clock: QUEUED until {@code runningAt}, RUNNING until
 * {@code doneAt}, then its final state, unless it was stopped first.
 */
final class Execution {
    final String id;
    final String token;
    final String query;
    final String database;
    final String catalog;
    final String workgroup;
    final String outputLocation;
    /** The result configuration the query ran with (output location, encryption, expected owner, ACL). */
    final ResultConfiguration results;
    final List<String> parameters;
    final Integer reuseMaxAgeMinutes;
    final Instant submitted;
    final Instant runningAt;
    final Instant doneAt;
    /** The StartQueryExecution request, which a repeated client request token must match. */
    software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest request;
    QueryExecutionState finalState;
    String reason;
    SqlEngine.Outcome outcome;
    long bytesScanned;
    boolean reused;
    /** The execution whose result this one reuses, or null. */
    Execution reusedFrom;
    Instant cancelledAt;
    long scannedWhenCancelled;

    Execution(String id, String token, String query, String database, String catalog, String workgroup,
              ResultConfiguration results, List<String> parameters, Integer reuseMaxAgeMinutes, Instant submitted,
              Instant runningAt, Instant doneAt) {
        this.id = id;
        this.token = token;
        this.query = query;
        this.database = database;
        this.catalog = catalog;
        this.workgroup = workgroup;
        this.outputLocation = results.outputLocation();
        this.results = results;
        this.parameters = List.copyOf(parameters);
        this.reuseMaxAgeMinutes = reuseMaxAgeMinutes;
        this.submitted = submitted;
        this.runningAt = runningAt;
        this.doneAt = doneAt;
    }

    QueryExecutionState state(Instant now) {
        if (cancelledAt != null) {
            return QueryExecutionState.CANCELLED;
        }
        if (now.isBefore(runningAt)) {
            return QueryExecutionState.QUEUED;
        }
        return now.isBefore(doneAt) ? QueryExecutionState.RUNNING : finalState;
    }

    boolean isDone(Instant now) {
        QueryExecutionState state = state(now);
        return state != QueryExecutionState.QUEUED && state != QueryExecutionState.RUNNING;
    }

    Instant completedAt() {
        return cancelledAt != null ? cancelledAt : doneAt;
    }

    /** The bytes Athena reports: all of them once done, what was read before a stop, nothing while running. */
    long reportedBytes(Instant now) {
        if (cancelledAt != null) {
            return scannedWhenCancelled;
        }
        return isDone(now) ? bytesScanned : 0;
    }

    /** The result file; a reused result "points to the previous result location" (Athena User Guide). */
    String resultFile() {
        if (reusedFrom != null) {
            return reusedFrom.resultFile();
        }
        return outputLocation + (outputLocation.endsWith("/") ? "" : "/") + id + ".csv";
    }
}
