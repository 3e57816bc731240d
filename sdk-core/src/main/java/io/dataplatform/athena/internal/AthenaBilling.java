package io.dataplatform.athena.internal;

import io.dataplatform.athena.QueryState;
import io.dataplatform.athena.QueryStatistics;
import io.dataplatform.athena.QueryStatus;
import io.dataplatform.cost.DataSize;
import io.dataplatform.cost.Money;
import io.dataplatform.cost.PriceList;
import java.time.Duration;
import software.amazon.awssdk.services.athena.model.QueryExecutionStatistics;
import software.amazon.awssdk.services.athena.model.QueryExecutionStatus;

/** Reads Athena's status and statistics, and prices a finished query. */
final class AthenaBilling {
    private AthenaBilling() {
    }

    /**
     * What a finished query cost. Athena pricing: failed queries and DDL statements (CREATE/ALTER/DROP
     * TABLE, partition management) are not charged, not even the 10 MB minimum; cancelled ones are
     * charged for the data scanned up to cancellation, and a reused result scans nothing.
     */
    static Money cost(QueryStatus status, boolean ddl, PriceList prices) {
        if (ddl) {
            return Money.ZERO;
        }
        QueryStatistics statistics = status.statistics();
        return switch (status.state()) {
            case SUCCEEDED -> statistics.reusedResult() ? Money.ZERO : prices.athena().queryCost(statistics.bytesScanned());
            case CANCELLED -> statistics.bytesScanned().bytes() == 0 ? Money.ZERO
                    : prices.athena().queryCost(statistics.bytesScanned());
            default -> Money.ZERO;
        };
    }

    static QueryStatus status(String id, QueryExecutionStatus status, QueryExecutionStatistics statistics) {
        QueryState state = switch (status.state() == null ? "QUEUED" : status.state().toString()) {
            case "SUCCEEDED" -> QueryState.SUCCEEDED;
            case "FAILED" -> QueryState.FAILED;
            case "CANCELLED" -> QueryState.CANCELLED;
            case "QUEUED" -> QueryState.QUEUED;
            default -> QueryState.RUNNING;
        };
        String reason = status.stateChangeReason() != null ? status.stateChangeReason()
                : status.athenaError() != null && status.athenaError().errorMessage() != null
                ? status.athenaError().errorMessage() : "";
        return new QueryStatus(id, state, reason, status.submissionDateTime(), status.completionDateTime(),
                statistics(statistics));
    }

    private static QueryStatistics statistics(QueryExecutionStatistics s) {
        if (s == null) {
            return QueryStatistics.NONE;
        }
        boolean reused = s.resultReuseInformation() != null
                && Boolean.TRUE.equals(s.resultReuseInformation().reusedPreviousResult());
        return new QueryStatistics(DataSize.ofBytes(orZero(s.dataScannedInBytes())),
                Duration.ofMillis(orZero(s.engineExecutionTimeInMillis())), Duration.ofMillis(orZero(s.queryQueueTimeInMillis())),
                Duration.ofMillis(orZero(s.totalExecutionTimeInMillis())), reused);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
