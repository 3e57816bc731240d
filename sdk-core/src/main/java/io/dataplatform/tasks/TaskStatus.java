package io.dataplatform.tasks;

/** How a run of a {@link JobTask} ended. */
public enum TaskStatus {
    /** {@code run} returned normally. */
    SUCCEEDED,
    /** {@code run} threw; see {@link TaskRun#error()}. */
    FAILED
}
