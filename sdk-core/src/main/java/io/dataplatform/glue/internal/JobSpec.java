package io.dataplatform.glue.internal;

import io.dataplatform.glue.ExecutionClass;
import io.dataplatform.glue.JobInfo;
import io.dataplatform.glue.WorkerType;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.glue.model.CreateJobRequest;
import software.amazon.awssdk.services.glue.model.ExecutionProperty;
import software.amazon.awssdk.services.glue.model.Job;
import software.amazon.awssdk.services.glue.model.JobCommand;
import software.amazon.awssdk.services.glue.model.JobUpdate;

/**
 * A job definition in the one normal form both the builder and GetJob are brought to, so that
 * "same definition" is a plain {@code equals}: absent values as Glue's defaults.
 */
record JobSpec(String role, String command, String scriptLocation, String pythonVersion, String glueVersion,
               WorkerType workerType, int workers, int timeoutMinutes, int maxRetries, int maxConcurrentRuns,
               ExecutionClass executionClass, Map<String, String> defaultArguments, String description) {

    JobSpec {
        defaultArguments = Map.copyOf(new TreeMap<>(defaultArguments));
        description = description == null ? "" : description;
        pythonVersion = pythonVersion == null ? "" : pythonVersion;
    }

    /** Brings a job as GetJob returns it to the normal form (Glue's defaults for what it leaves out). */
    static JobSpec of(Job job) {
        JobCommand command = job.command();
        return new JobSpec(job.role(), command == null ? "" : command.name(),
                command == null ? "" : command.scriptLocation(), command == null ? null : command.pythonVersion(),
                job.glueVersion() == null ? "" : job.glueVersion(),
                job.workerTypeAsString() == null ? null : WorkerType.fromGlueName(job.workerTypeAsString()),
                job.numberOfWorkers() == null ? 0 : job.numberOfWorkers(),
                job.timeout() == null ? 2880 : job.timeout(),
                job.maxRetries() == null ? 0 : job.maxRetries(),
                job.executionProperty() == null || job.executionProperty().maxConcurrentRuns() == null
                        ? 1 : job.executionProperty().maxConcurrentRuns(),
                "FLEX".equals(job.executionClassAsString()) ? ExecutionClass.FLEX : ExecutionClass.STANDARD,
                job.defaultArguments() == null ? Map.of() : job.defaultArguments(), job.description());
    }

    JobCommand jobCommand() {
        return JobCommand.builder().name(command).scriptLocation(scriptLocation)
                .pythonVersion(pythonVersion.isEmpty() ? null : pythonVersion).build();
    }

    CreateJobRequest.Builder toCreate(CreateJobRequest.Builder r) {
        return r.role(role).command(jobCommand()).glueVersion(glueVersion).workerType(workerType.glueName())
                .numberOfWorkers(workers).timeout(timeoutMinutes).maxRetries(maxRetries)
                .executionProperty(ExecutionProperty.builder().maxConcurrentRuns(maxConcurrentRuns).build())
                .executionClass(executionClass.name()).defaultArguments(defaultArguments)
                .description(description.isEmpty() ? null : description);
    }

    JobUpdate toUpdate() {
        return JobUpdate.builder().role(role).command(jobCommand()).glueVersion(glueVersion)
                .workerType(workerType.glueName()).numberOfWorkers(workers).timeout(timeoutMinutes)
                .maxRetries(maxRetries)
                .executionProperty(ExecutionProperty.builder().maxConcurrentRuns(maxConcurrentRuns).build())
                .executionClass(executionClass.name()).defaultArguments(defaultArguments)
                .description(description).build();
    }

    JobInfo info(String name) {
        return new JobInfo(name, role, command, scriptLocation, glueVersion, workerType, workers,
                Duration.ofMinutes(timeoutMinutes), maxRetries, maxConcurrentRuns, executionClass, defaultArguments,
                description);
    }

    Duration timeout() {
        return Duration.ofMinutes(timeoutMinutes);
    }
}
