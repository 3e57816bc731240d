package io.dataplatform;

/**
 * Thrown when a resource is in a state that forbids the operation: a non-empty bucket, a running crawler.
 */
public class ResourceConflictException extends DataPlatformException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message. */
    public ResourceConflictException(String message) {
        super(message);
    }

    /** Creates an exception with a message and the underlying cause. */
    public ResourceConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
