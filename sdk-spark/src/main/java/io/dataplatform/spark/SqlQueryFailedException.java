package io.dataplatform.spark;

import io.dataplatform.DataPlatformException;

/**
 * Thrown by {@link SqlEngine#execute(String, String)} when a statement cannot run: a syntax error,
 * an unknown table or column, a type error, an unreadable table. The message is Spark's (without
 * its plan dump), which the fake Athena reports as the query's {@code StateChangeReason}.
 */
public class SqlQueryFailedException extends DataPlatformException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with the reason the statement failed. */
    public SqlQueryFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
