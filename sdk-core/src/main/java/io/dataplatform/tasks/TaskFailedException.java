package io.dataplatform.tasks;

import io.dataplatform.DataPlatformException;

/** Thrown by {@link TaskRun#orThrow()} for a failed run; the task's exception is the cause. */
public class TaskFailedException extends DataPlatformException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public TaskFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
