package io.dataplatform.glue;

import io.dataplatform.internal.Checks;
import io.dataplatform.cost.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A workflow run as GetWorkflowRun describes it, with its graph: every node's state, attempts,
 * timings and cost.
 *
 * @param workflow      the workflow's name
 * @param runId         the run's id
 * @param previousRunId the run this one resumed, or empty
 * @param state         the run's state
 * @param startedOn     when it started
 * @param completedOn   when it ended, or null while it runs
 * @param errorMessage  why it is in ERROR, or empty
 * @param statistics    Glue's action counts
 * @param nodes         every job and crawler node of the workflow, in the graph's order
 */
public record WorkflowRunStatus(String workflow, String runId, String previousRunId, WorkflowRunState state,
                                Instant startedOn, Instant completedOn, String errorMessage, Statistics statistics,
                                List<WorkflowNodeRun> nodes) {

    /**
     * Glue's WorkflowRunStatistics: actions (job runs, with their retries, and crawls) started in this run.
     *
     * @param total     all actions
     * @param succeeded actions that succeeded
     * @param failed    actions that failed
     * @param timedOut  actions that timed out
     * @param stopped   actions stopped or cancelled
     * @param running   actions running
     * @param errored   actions in ERROR
     * @param waiting   actions waiting
     */
    public record Statistics(int total, int succeeded, int failed, int timedOut, int stopped, int running, int errored,
                             int waiting) {
    }

    /** Normalises missing strings to empty and copies the nodes. */
    public WorkflowRunStatus {
        previousRunId = previousRunId == null ? "" : previousRunId;
        errorMessage = errorMessage == null ? "" : errorMessage;
        nodes = Checks.copyOf(nodes, "nodes");
    }

    /** Returns the node named {@code name}. */
    public Optional<WorkflowNodeRun> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** Returns the nodes that ran and did not succeed. */
    public List<WorkflowNodeRun> failedNodes() {
        return nodes.stream().filter(n -> n.state().isFailure()).toList();
    }

    /** Returns how long the run took, if it has ended. */
    public Optional<Duration> duration() {
        return completedOn == null ? Optional.empty() : Optional.of(Duration.between(startedOn, completedOn));
    }

    /** Returns the DPU-seconds of every job attempt of the run. */
    public double dpuSeconds() {
        return nodes.stream().mapToDouble(WorkflowNodeRun::dpuSeconds).sum();
    }

    /** Returns what every job attempt of the run cost. */
    public Money cost() {
        Money total = Money.ZERO;
        for (WorkflowNodeRun node : nodes) {
            total = total.plus(node.cost());
        }
        return total;
    }
}
