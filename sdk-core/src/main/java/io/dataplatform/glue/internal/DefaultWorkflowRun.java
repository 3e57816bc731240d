package io.dataplatform.glue.internal;

import io.dataplatform.OperationTimeoutException;
import io.dataplatform.cost.DataSize;
import io.dataplatform.cost.Money;
import io.dataplatform.glue.JobRunStatus;
import io.dataplatform.cost.internal.DefaultCostLedger;
import io.dataplatform.glue.WorkflowNodeRun;
import io.dataplatform.glue.WorkflowRun;
import io.dataplatform.glue.WorkflowRunStatus;
import io.dataplatform.internal.Checks;
import io.dataplatform.internal.Poller;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Follows one workflow run through GetWorkflowRun with its graph; tells listeners of what changed between reads. */
final class DefaultWorkflowRun implements WorkflowRun {
    private static final Duration FIRST_POLL = Duration.ofSeconds(5);
    private static final Duration MAX_POLL = Duration.ofSeconds(30);

    private final DefaultGlueCatalog.GlueAccess glue;
    private final JobServices services;
    private final String workflow;
    private final String runId;
    private final List<Consumer<WorkflowRunStatus>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<WorkflowNodeRun>> nodeListeners = new CopyOnWriteArrayList<>();
    private final Map<String, String> seenNodes = new HashMap<>();
    private String seenState;
    /** The ledger entry of a run started here, settled once when the run is seen ended; null otherwise. */
    private DefaultCostLedger.Slot slot;

    DefaultWorkflowRun(DefaultGlueCatalog.GlueAccess glue, JobServices services, String workflow, String runId,
                       DefaultCostLedger.Slot slot) {
        this.glue = glue;
        this.services = services;
        this.workflow = workflow;
        this.runId = runId;
        this.slot = slot;
    }

    @Override
    public String workflow() {
        return workflow;
    }

    @Override
    public String id() {
        return runId;
    }

    @Override
    public WorkflowRun onProgress(Consumer<WorkflowRunStatus> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    @Override
    public WorkflowRun onNodeChange(Consumer<WorkflowNodeRun> listener) {
        nodeListeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    @Override
    public WorkflowRun await() {
        return awaitFor(null);
    }

    @Override
    public WorkflowRun await(Duration timeout) {
        return awaitFor(Checks.positive(timeout, "timeout"));
    }

    private synchronized WorkflowRun awaitFor(Duration timeout) {
        Instant started = glue.context().clock().instant();
        Poller poller = Poller.builder(glue.context(), "Glue workflow run " + workflow + "/" + runId)
                .firstPause(FIRST_POLL).maxPause(MAX_POLL).build();
        poller.await(this::status, s -> s.state().isFinal(), s -> { }, timeout,
                s -> new OperationTimeoutException(this, "Glue workflow run " + workflow + "/" + runId
                        + " did not end within " + timeout + ": last state " + (s == null ? "unknown" : s.state()
                        + " " + s.nodes()) + " after waiting " + Duration.between(started, glue.context().clock().instant())
                        + "; the run goes on: await() again or stop() it"));
        return this;
    }

    @Override
    public synchronized WorkflowRunStatus status() {
        var run = glue.call("GetWorkflowRun", workflow + "/" + runId,
                c -> c.getWorkflowRun(r -> r.name(workflow).runId(runId).includeGraph(true))).run();
        WorkflowRunStatus status = WorkflowMapping.status(run, services.prices().glue());
        observe(status);
        if (slot != null && status.state().isFinal()) {
            slot.settle(DataSize.ZERO, ownCost(run));
            slot = null;
        }
        return status;
    }

    private void observe(WorkflowRunStatus status) {
        boolean changed = !status.state().name().equals(seenState);
        seenState = status.state().name();
        for (WorkflowNodeRun node : status.nodes()) {
            String key = node.node().type() + ":" + node.name();
            String now = node.state() + "#" + node.attempts().size() + "#" + node.crawls().size();
            if (!now.equals(seenNodes.put(key, now))) {
                changed = true;
                nodeListeners.forEach(l -> l.accept(node));
            }
        }
        if (changed) {
            listeners.forEach(l -> l.accept(status));
        }
    }

    /**
     * The cost of the attempts this run started: a resumed run's graph also shows the attempts of the
     * nodes it did not rerun, which the run it resumed has already paid for.
     */
    private Money ownCost(software.amazon.awssdk.services.glue.model.WorkflowRun run) {
        Money total = Money.ZERO;
        if (run.graph() == null) {
            return total;
        }
        for (var node : run.graph().nodes()) {
            if (node.jobDetails() == null) {
                continue;
            }
            for (var attempt : node.jobDetails().jobRuns()) {
                JobRunStatus status = JobRunMapping.status(attempt);
                if (attempt.startedOn() != null && !attempt.startedOn().isBefore(run.startedOn())
                        && status.dpuSeconds() > 0 && status.capacity() > 0) {
                    total = total.plus(services.prices().glue().jobRunFromDpuSeconds(status.dpuSeconds(),
                            status.capacity(), "FLEX".equals(attempt.executionClassAsString())));
                }
            }
        }
        return total;
    }

    @Override
    public WorkflowRun resume() {
        WorkflowRunStatus status = status();
        List<String> failed = status.failedNodes().stream().map(WorkflowNodeRun::id).toList();
        if (failed.isEmpty()) {
            throw new IllegalStateException("Workflow run " + workflow + "/" + runId + " has no failed node to resume"
                    + " (it is " + status.state() + ")");
        }
        DefaultCostLedger.Slot reserved = WorkflowCostGuard.reserve(glue, services, workflow);
        String resumed;
        try {
            resumed = glue.call("ResumeWorkflowRun", workflow + "/" + runId, c -> c.resumeWorkflowRun(r -> r
                    .name(workflow).runId(runId).nodeIds(failed))).runId();
        } catch (RuntimeException e) {
            reserved.release();
            throw e;
        }
        reserved.started(resumed);
        return new DefaultWorkflowRun(glue, services, workflow, resumed, reserved);
    }

    @Override
    public void stop() {
        glue.call("StopWorkflowRun", workflow + "/" + runId, c -> c.stopWorkflowRun(r -> r.name(workflow).runId(runId)));
    }

    @Override
    public String toString() {
        return "WorkflowRun[" + workflow + "/" + runId + "]";
    }
}
