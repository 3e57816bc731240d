package io.dataplatform;

/**
 * Thrown when AWS refused the caller's principal access to a resource (HTTP 403).
 */
public class AccessDeniedException extends DataPlatformException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message. */
    public AccessDeniedException(String message) {
        super(message);
    }

    /** Creates an exception with a message and the underlying cause. */
    public AccessDeniedException(String message, Throwable cause) {
        super(message, cause);
    }
}
