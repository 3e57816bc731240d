package io.dataplatform.athena;

import io.dataplatform.OperationTimeoutException;

/**
 * Thrown when a wait for a query ran out. From {@link QueryExecution#await(java.time.Duration)} the
 * query is still running and {@link #execution()} hands it back; from {@link Query#run()} it has
 * been cancelled.
 */
public class QueryTimeoutException extends OperationTimeoutException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public QueryTimeoutException(QueryExecution execution, String message) {
        super(execution, message);
    }

    /** Returns the query's handle, to wait again or cancel. */
    public QueryExecution execution() {
        return handle(QueryExecution.class);
    }
}
