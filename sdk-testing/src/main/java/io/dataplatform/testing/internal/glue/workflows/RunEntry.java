package io.dataplatform.testing.internal.glue.workflows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.glue.model.WorkflowRunStatus;

/**
 * One workflow run: the triggers that fired in it and, per node, the executions it started (a job
 * run with its retries, or a crawl). A resumed run also carries the executions of the nodes it did
 * not rerun, so conditions over them (a fan-in) still hold.
 */
final class RunEntry {
    final String id;
    final String workflowName;
    final String previousRunId;
    final Instant startedOn;
    final Map<String, String> properties;
    final Set<String> fired = new HashSet<>();
    /** Node key ("JOB:name" / "CRAWLER:name") to its executions, oldest first. */
    final Map<String, List<Execution>> executions = new LinkedHashMap<>();
    WorkflowRunStatus status = WorkflowRunStatus.RUNNING;
    Instant completedOn;
    String errorMessage;

    RunEntry(String id, String workflowName, String previousRunId, Instant startedOn, Map<String, String> properties) {
        this.id = id;
        this.workflowName = workflowName;
        this.previousRunId = previousRunId;
        this.startedOn = startedOn;
        this.properties = new LinkedHashMap<>(properties);
    }

    boolean active() {
        return status == WorkflowRunStatus.RUNNING || status == WorkflowRunStatus.STOPPING;
    }

    void add(String nodeKey, Execution execution) {
        executions.computeIfAbsent(nodeKey, k -> new ArrayList<>()).add(execution);
    }

    /**
     * One action a trigger started: {@code runId} is the first job run or the crawl id; null with an
     * {@code error} when the action could not start.
     *
     * @param carried true if it was started by the run this one resumes
     */
    record Execution(String runId, Instant startedOn, String error, boolean carried) {
    }
}
