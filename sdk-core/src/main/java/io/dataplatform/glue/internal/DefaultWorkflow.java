package io.dataplatform.glue.internal;

import io.dataplatform.ResourceNotFoundException;
import io.dataplatform.glue.Workflow;
import io.dataplatform.glue.WorkflowRun;
import io.dataplatform.glue.WorkflowRunStatus;
import io.dataplatform.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A workflow handle. */
final class DefaultWorkflow implements Workflow {
    /** GetWorkflowRuns returns at most 1,000 runs per page; graphs make pages heavy, so ask for fewer. */
    private static final int RUNS_PAGE = 100;

    private final DefaultGlueCatalog.GlueAccess glue;
    private final JobServices services;
    private final String name;

    DefaultWorkflow(DefaultGlueCatalog.GlueAccess glue, JobServices services, String name) {
        this.glue = glue;
        this.services = services;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public WorkflowRun start() {
        return start(Map.of());
    }

    @Override
    public WorkflowRun start(Map<String, String> runProperties) {
        Checks.notNull(runProperties, "runProperties");
        var slot = WorkflowCostGuard.reserve(glue, services, name);
        String runId;
        try {
            runId = glue.call("StartWorkflowRun", name, c -> c.startWorkflowRun(r -> r.name(name)
                    .runProperties(runProperties.isEmpty() ? null : runProperties))).runId();
        } catch (RuntimeException e) {
            slot.release();
            throw e;
        }
        slot.started(runId);
        return new DefaultWorkflowRun(glue, services, name, runId, slot);
    }

    @Override
    public Optional<WorkflowRun> run(String runId) {
        Checks.notEmpty(runId, "runId");
        try {
            glue.call("GetWorkflowRun", name + "/" + runId, c -> c.getWorkflowRun(r -> r.name(name).runId(runId)));
            return Optional.of(new DefaultWorkflowRun(glue, services, name, runId, null));
        } catch (ResourceNotFoundException absent) {
            return Optional.empty();
        }
    }

    @Override
    public List<WorkflowRunStatus> runs() {
        List<WorkflowRunStatus> runs = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            var response = glue.call("GetWorkflowRuns", name, c -> c.getWorkflowRuns(r -> r.name(name).includeGraph(true)
                    .maxResults(RUNS_PAGE).nextToken(page)));
            response.runs().forEach(r -> runs.add(WorkflowMapping.status(r, services.prices().glue())));
            token = response.nextToken();
        } while (token != null && !token.isEmpty());
        return List.copyOf(runs);
    }

    @Override
    public boolean exists() {
        try {
            glue.call("GetWorkflow", name, c -> c.getWorkflow(r -> r.name(name)));
            return true;
        } catch (ResourceNotFoundException absent) {
            return false;
        }
    }

    @Override
    public void delete() {
        glue.call("DeleteWorkflow", name, c -> c.deleteWorkflow(r -> r.name(name)));
    }

    @Override
    public String toString() {
        return "Workflow[" + name + "]";
    }
}
