package io.dataplatform.testing.internal.glue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.JobRunState;
import software.amazon.awssdk.services.glue.model.NotificationProperty;
import software.amazon.awssdk.services.glue.model.Predecessor;

/**
 * One attempt of a job run on the fake Glue. STARTING until {@link #runningAt}, when its code runs;
 * RUNNING until {@link #endAt}, then {@link #outcome}; STOPPING until {@link #endAt} once stopped.
 */
final class RunEntry {
    final String id;
    final String jobName;
    final int attempt;
    final String previousRunId;
    final Instant startedOn;
    final Map<String, String> arguments;
    final String workerType;
    final int workers;
    final int dpusPerWorker;
    final int timeoutMinutes;
    final String glueVersion;
    final String executionClass;
    JobRunState state = JobRunState.STARTING;
    Instant runningAt;
    Instant endAt;
    Instant lastModifiedOn;
    Instant completedOn;
    JobRunState outcome;
    String errorMessage;
    /** The job runs whose outcome fired the conditional trigger that started this run (GetJobRun PredecessorsIncluded). */
    List<Predecessor> predecessors = List.of();
    /** The run's notification settings: StartJobRun's, else the job's (reported by GetJobRun, no event is sent). */
    NotificationProperty notification;
    /** A Python shell run's DPUs (0.0625 or 1): it has no workers; null for a run on workers. */
    Double capacity;

    RunEntry(String id, String jobName, int attempt, String previousRunId, Instant startedOn, Map<String, String> arguments,
             String workerType, int workers, int dpusPerWorker, int timeoutMinutes, String glueVersion,
             String executionClass, Duration startup) {
        this.id = id;
        this.jobName = jobName;
        this.attempt = attempt;
        this.previousRunId = previousRunId;
        this.startedOn = startedOn;
        this.arguments = Map.copyOf(arguments);
        this.workerType = workerType;
        this.workers = workers;
        this.dpusPerWorker = dpusPerWorker;
        this.timeoutMinutes = timeoutMinutes;
        this.glueVersion = glueVersion;
        this.executionClass = executionClass;
        this.runningAt = startedOn.plus(startup);
        this.lastModifiedOn = startedOn;
    }

    boolean active() {
        return state == JobRunState.STARTING || state == JobRunState.RUNNING || state == JobRunState.STOPPING
                || state == JobRunState.WAITING;
    }

    /** Returns when this attempt changes state next, or null if it never will. */
    Instant nextEvent() {
        return switch (state) {
            case STARTING -> runningAt;
            case RUNNING, STOPPING -> endAt;
            default -> null;
        };
    }

    /** Whole seconds the attempt ran (consumed its workers), rounded up as Glue reports them. */
    int executionSeconds() {
        if (runningAt == null || completedOn == null || completedOn.isBefore(runningAt)) {
            return 0;
        }
        Duration ran = Duration.between(runningAt, completedOn);
        return (int) (ran.toSeconds() + (ran.toNanosPart() > 0 ? 1 : 0));
    }

    /** The run as GetJobRun reports it with PredecessorsIncluded: with the runs that led to it. */
    JobRun viewWithPredecessors() {
        return view().toBuilder().predecessorRuns(predecessors).build();
    }

    JobRun view() {
        int seconds = executionSeconds();
        boolean flex = "FLEX".equals(executionClass);
        return JobRun.builder()
                .id(id).jobName(jobName).attempt(attempt).previousRunId(previousRunId)
                .startedOn(startedOn).lastModifiedOn(lastModifiedOn).completedOn(completedOn)
                .jobRunState(state).arguments(arguments).errorMessage(errorMessage)
                .timeout(timeoutMinutes).workerType(workerType).numberOfWorkers(capacity != null ? null : workers)
                .notificationProperty(notification).maxCapacity(capacity != null ? capacity : (double) workers * dpusPerWorker).glueVersion(glueVersion).executionClass(executionClass)
                .executionTime(completedOn == null ? 0 : seconds)
                // Glue reports DPUSeconds only for flex (and auto-scaling) runs.
                .dpuSeconds(flex && completedOn != null ? (double) seconds * workers * dpusPerWorker : null)
                .build();
    }
}
