package io.dataplatform.glue.internal;

import io.dataplatform.OperationTimeoutException;
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

    DefaultWorkflowRun(DefaultGlueCatalog.GlueAccess glue, JobServices services, String workflow, String runId) {
        this.glue = glue;
        this.services = services;
        this.workflow = workflow;
        this.runId = runId;
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
        WorkflowRunStatus status = WorkflowMapping.status(glue.call("GetWorkflowRun", workflow + "/" + runId,
                c -> c.getWorkflowRun(r -> r.name(workflow).runId(runId).includeGraph(true))).run(),
                services.prices().glue());
        observe(status);
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

    @Override
    public WorkflowRun resume() {
        WorkflowRunStatus status = status();
        List<String> failed = status.failedNodes().stream().map(WorkflowNodeRun::id).toList();
        if (failed.isEmpty()) {
            throw new IllegalStateException("Workflow run " + workflow + "/" + runId + " has no failed node to resume"
                    + " (it is " + status.state() + ")");
        }
        String resumed = glue.call("ResumeWorkflowRun", workflow + "/" + runId, c -> c.resumeWorkflowRun(r -> r
                .name(workflow).runId(runId).nodeIds(failed))).runId();
        return new DefaultWorkflowRun(glue, services, workflow, resumed);
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
