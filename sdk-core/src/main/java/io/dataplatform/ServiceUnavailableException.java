package io.dataplatform;

/**
 * Thrown when AWS kept throttling or failing transiently after every retry the {@link RetryPolicy} allowed.
 */
public class ServiceUnavailableException extends DataPlatformException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message. */
    public ServiceUnavailableException(String message) {
        super(message);
    }

    /** Creates an exception with a message and the underlying cause. */
    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
