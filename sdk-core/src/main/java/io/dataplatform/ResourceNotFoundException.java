package io.dataplatform;

/**
 * Thrown when a bucket, object, version, database, table or other resource does not exist.
 */
public class ResourceNotFoundException extends DataPlatformException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message. */
    public ResourceNotFoundException(String message) {
        super(message);
    }

    /** Creates an exception with a message and the underlying cause. */
    public ResourceNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
