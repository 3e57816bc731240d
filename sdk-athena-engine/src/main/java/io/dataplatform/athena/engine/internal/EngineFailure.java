package io.dataplatform.athena.engine.internal;

/**
 * A statement failure worded as Athena words it: {@code errorType} and the detail after
 * {@code "<ERROR_TYPE>: "} (which starts with {@code line L:C: } when a position is known).
 */
public final class EngineFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String errorType;
    private final String detail;

    /** A failure of Athena error type {@code errorType} (SYNTAX_ERROR, NOT_SUPPORTED, ...) with its detail. */
    public EngineFailure(String errorType, String detail) {
        this(errorType, detail, null);
    }

    /** The same, keeping the failure that caused it. */
    public EngineFailure(String errorType, String detail, Throwable cause) {
        super(errorType + ": " + detail, cause);
        this.errorType = errorType;
        this.detail = detail;
    }

    /** Returns Athena's error type. */
    public String errorType() {
        return errorType;
    }

    /** Returns what follows {@code "<ERROR_TYPE>: "} in the message. */
    public String detail() {
        return detail;
    }
}
