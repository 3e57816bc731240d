package io.dataplatform;

import java.util.Objects;

/**
 * Thrown when waiting for a long-running operation (a query, a crawl, a cluster, a step, a job run)
 * ran out of time. The operation itself was not stopped unless the message says so: the exception
 * hands its handle back, so the caller can wait again or cancel it.
 *
 * <pre>{@code
 * try {
 *     run.await(Duration.ofMinutes(5));
 * } catch (OperationTimeoutException e) {
 *     e.handle(JobRun.class).stop();
 * }
 * }</pre>
 */
public class OperationTimeoutException extends DataPlatformException {
    private static final long serialVersionUID = 1L;

    private final transient Object handle;

    /** Creates the exception for the operation behind {@code handle}. */
    public OperationTimeoutException(Object handle, String message) {
        super(message);
        this.handle = Objects.requireNonNull(handle, "handle");
    }

    /** Returns the handle of the operation that was waited for (null after deserialization). */
    public Object handle() {
        return handle;
    }

    /**
     * Returns the handle as {@code type} (null after deserialization).
     *
     * @throws ClassCastException naming both types if the handle is of another type
     */
    public <H> H handle(Class<H> type) {
        if (handle != null && !type.isInstance(handle)) {
            throw new ClassCastException("The timed-out operation's handle is a " + handle.getClass().getName()
                    + ", not a " + type.getName());
        }
        return type.cast(handle);
    }
}
