package io.dataplatform;

/**
 * Thrown when AWS rejected a request as invalid. Never retried.
 */
public class InvalidRequestException extends DataPlatformException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message. */
    public InvalidRequestException(String message) {
        super(message);
    }

    /** Creates an exception with a message and the underlying cause. */
    public InvalidRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
