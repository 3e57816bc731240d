package io.dataplatform;

/**
 * Thrown when creating a resource that already exists (a bucket owned by you, a Glue table, ...).
 */
public class ResourceAlreadyExistsException extends DataPlatformException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message. */
    public ResourceAlreadyExistsException(String message) {
        super(message);
    }

    /** Creates an exception with a message and the underlying cause. */
    public ResourceAlreadyExistsException(String message, Throwable cause) {
        super(message, cause);
    }
}
