package io.dataplatform.athena;

import io.dataplatform.DataPlatformException;

/** Thrown when Athena failed or cancelled a query; the message carries Athena's reason. */
public class QueryFailedException extends DataPlatformException {
    private static final long serialVersionUID = 1L;

    private final String queryExecutionId;
    private final QueryState state;
    private final String reason;

    /** Creates the exception. */
    public QueryFailedException(String queryExecutionId, QueryState state, String reason, String message) {
        super(message);
        this.queryExecutionId = queryExecutionId;
        this.state = state;
        this.reason = reason;
    }

    /** Returns the query execution id. */
    public String queryExecutionId() {
        return queryExecutionId;
    }

    /** Returns FAILED or CANCELLED. */
    public QueryState state() {
        return state;
    }

    /** Returns Athena's state change reason. */
    public String reason() {
        return reason;
    }
}
