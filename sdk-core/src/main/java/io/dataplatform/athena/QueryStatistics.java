package io.dataplatform.athena;

import io.dataplatform.cost.DataSize;
import java.time.Duration;

/**
 * Athena's statistics of a query.
 *
 * @param bytesScanned        the bytes scanned (zero for a reused result)
 * @param engineExecutionTime the time the engine spent running it
 * @param queueTime           the time it waited in the queue
 * @param totalExecutionTime  the time from submission to completion
 * @param reusedResult        true if Athena returned a previous result instead of running it
 */
public record QueryStatistics(DataSize bytesScanned, Duration engineExecutionTime, Duration queueTime,
                              Duration totalExecutionTime, boolean reusedResult) {

    /** Nothing scanned, no time spent. */
    public static final QueryStatistics NONE = new QueryStatistics(DataSize.ZERO, Duration.ZERO, Duration.ZERO,
            Duration.ZERO, false);
}
