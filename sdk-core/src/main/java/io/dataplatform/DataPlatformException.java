package io.dataplatform;

/**
 * Root of every exception the SDK throws for a failed operation.
 *
 * <p>When the failure came from AWS, the AWS SDK exception is kept as the {@linkplain #getCause() cause}.
 * Bad input to the SDK itself is reported with {@link IllegalArgumentException} or
 * {@link IllegalStateException} before any call is made.
 */
public class DataPlatformException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message. */
    public DataPlatformException(String message) {
        super(message);
    }

    /** Creates an exception with a message and the underlying cause. */
    public DataPlatformException(String message, Throwable cause) {
        super(message, cause);
    }
}
