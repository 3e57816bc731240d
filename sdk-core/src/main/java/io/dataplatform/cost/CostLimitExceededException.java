package io.dataplatform.cost;

import io.dataplatform.DataPlatformException;
import java.util.Optional;

/**
 * Thrown before an operation starts when the cost guard refuses it: over a limit, or no estimate
 * possible. Nothing was started. The message names the limit, the estimate and the call that
 * changes the limit.
 */
public class CostLimitExceededException extends DataPlatformException {
    private static final long serialVersionUID = 1L;

    private final CostLimit limit;
    private final transient CostEstimate estimate;

    /** Creates the exception for {@code limit}; {@code estimate} is null when none was possible. */
    public CostLimitExceededException(CostLimit limit, CostEstimate estimate, String message) {
        super(message);
        this.limit = limit;
        this.estimate = estimate;
    }

    /** Creates the exception for a refusal caused by {@code cause} (e.g. a failed estimate). */
    public CostLimitExceededException(CostLimit limit, String message, Throwable cause) {
        super(message, cause);
        this.limit = limit;
        this.estimate = null;
    }

    /** Returns the rule that refused the operation. */
    public CostLimit limit() {
        return limit;
    }

    /** Returns the estimate the decision was based on, if one was made. */
    public Optional<CostEstimate> estimate() {
        return Optional.ofNullable(estimate);
    }
}
