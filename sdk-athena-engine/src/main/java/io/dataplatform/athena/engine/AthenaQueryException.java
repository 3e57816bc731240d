package io.dataplatform.athena.engine;

import io.dataplatform.DataPlatformException;

/**
 * A statement that Athena would fail: the message is Athena's {@code StateChangeReason}, such as
 * {@code "TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.sales.nope' does not exist"}, and
 * {@link #errorType()} its leading category.
 */
public final class AthenaQueryException extends DataPlatformException {
    private static final long serialVersionUID = 1L;
    private final String errorType;

    /** Creates the failure {@code errorType: detail}; {@code detail} already holds {@code line L:C: } when Athena gives one. */
    public AthenaQueryException(String errorType, String detail, Throwable cause) {
        super(errorType + ": " + detail, cause);
        this.errorType = errorType;
    }

    /** Returns Athena's error category: {@code SYNTAX_ERROR}, {@code TABLE_NOT_FOUND}, {@code NOT_SUPPORTED} ... */
    public String errorType() {
        return errorType;
    }
}
