package io.dataplatform.glue.internal;

import io.dataplatform.glue.JobRunState;
import io.dataplatform.glue.JobRunStatus;
import io.dataplatform.glue.WorkerType;
import java.time.Duration;
import software.amazon.awssdk.services.glue.model.JobRun;

/** Maps Glue's JobRun to {@link JobRunStatus}. */
final class JobRunMapping {
    private JobRunMapping() {
    }

    static JobRunStatus status(JobRun run) {
        int seconds = run.executionTime() == null ? 0 : run.executionTime();
        double capacity = capacity(run);
        // Glue reports DPUSeconds only for flex and auto-scaling runs; a standard run uses its DPUs throughout.
        double dpuSeconds = run.dpuSeconds() != null ? run.dpuSeconds() : seconds * capacity;
        return new JobRunStatus(run.jobName(), run.id(), run.attempt() == null ? 0 : run.attempt(), run.previousRunId(),
                JobRunState.valueOf(run.jobRunStateAsString()), run.startedOn(), run.completedOn(),
                Duration.ofSeconds(seconds), dpuSeconds, capacity, run.errorMessage());
    }

    private static double capacity(JobRun run) {
        if (run.workerTypeAsString() != null && run.numberOfWorkers() != null) {
            try {
                return run.numberOfWorkers() * (double) WorkerType.fromGlueName(run.workerTypeAsString()).dpus();
            } catch (IllegalArgumentException unknownType) {
                // a worker type newer than this SDK: Glue's MaxCapacity still says how many DPUs
            }
        }
        return run.maxCapacity() == null ? 0 : run.maxCapacity();
    }
}
