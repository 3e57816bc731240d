package io.dataplatform.testing.internal.glue.workflows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.glue.model.*;

/**
 * The workflow and workflow-run operations of the fake Glue (the triggers are {@link TriggerOperations}).
 * Callers hold the world's lock.
 */
public final class WorkflowOperations extends WorkflowOperationsBase {
    private static final int MAX_WORKFLOWS_PAGE = 25;
    private static final int MAX_RUNS_PAGE = 1000;

    private final WorkflowViews views;

    /** Creates the operations over {@code world}. */
    public WorkflowOperations(WorkflowWorld world) {
        super(world);
        this.views = new WorkflowViews(world);
    }

    // ---- workflows

    /** CreateWorkflow. */
    public CreateWorkflowResponse createWorkflow(CreateWorkflowRequest r) {
        checkName(r.name(), "name");
        if (world.workflows.containsKey(r.name())) {
            throw errors.error(400, "AlreadyExistsException", "Workflow with name " + r.name() + " already exists");
        }
        checkMaxRuns(r.maxConcurrentRuns());
        WorkflowEntry w = new WorkflowEntry(r.name(), world.now());
        w.description = r.description();
        w.defaultRunProperties = r.hasDefaultRunProperties() ? Map.copyOf(r.defaultRunProperties()) : Map.of();
        w.maxConcurrentRuns = r.maxConcurrentRuns();
        world.workflows.put(r.name(), w);
        return CreateWorkflowResponse.builder().name(r.name()).build();
    }

    /** GetWorkflow, with its graph (triggers, jobs, crawlers and edges) when IncludeGraph is set. */
    public GetWorkflowResponse getWorkflow(GetWorkflowRequest r) {
        WorkflowEntry w = workflow(r.name());
        return GetWorkflowResponse.builder().workflow(views.view(w, Boolean.TRUE.equals(r.includeGraph()))).build();
    }

    /** UpdateWorkflow: what the request gives replaces the workflow's. */
    public UpdateWorkflowResponse updateWorkflow(UpdateWorkflowRequest r) {
        WorkflowEntry w = workflow(r.name());
        checkMaxRuns(r.maxConcurrentRuns());
        if (r.description() != null) {
            w.description = r.description();
        }
        if (r.hasDefaultRunProperties()) {
            w.defaultRunProperties = Map.copyOf(r.defaultRunProperties());
        }
        if (r.maxConcurrentRuns() != null) {
            w.maxConcurrentRuns = r.maxConcurrentRuns();
        }
        w.lastModifiedOn = world.now();
        return UpdateWorkflowResponse.builder().name(r.name()).build();
    }

    /** DeleteWorkflow: the workflow and its triggers go; deleting one that does not exist succeeds. */
    public DeleteWorkflowResponse deleteWorkflow(DeleteWorkflowRequest r) {
        if (world.workflows.remove(r.name()) != null) {
            world.triggers.values().removeIf(t -> r.name().equals(t.workflowName));
        }
        return DeleteWorkflowResponse.builder().name(r.name()).build();
    }

    /** BatchGetWorkflows: the workflows found (with graphs if asked), and the names not found. */
    public BatchGetWorkflowsResponse batchGetWorkflows(BatchGetWorkflowsRequest r) {
        List<Workflow> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : r.names()) {
            WorkflowEntry w = world.workflows.get(name);
            if (w == null) {
                missing.add(name);
            } else {
                found.add(views.view(w, Boolean.TRUE.equals(r.includeGraph())));
            }
        }
        return BatchGetWorkflowsResponse.builder().workflows(found).missingWorkflows(missing).build();
    }

    /** ListWorkflows: names in order, at most 25 per page. */
    public ListWorkflowsResponse listWorkflows(ListWorkflowsRequest r) {
        Page<String> page = page(new ArrayList<>(world.workflows.keySet()), r.nextToken(), r.maxResults(),
                MAX_WORKFLOWS_PAGE);
        return ListWorkflowsResponse.builder().workflows(page.items()).nextToken(page.next()).build();
    }

    // ---- runs

    /** StartWorkflowRun: runs the start trigger's actions now. */
    public StartWorkflowRunResponse startWorkflowRun(StartWorkflowRunRequest r) {
        WorkflowEntry w = workflow(r.name());
        TriggerEntry start = world.triggersOf(w.name).stream().filter(TriggerEntry::isStart).findFirst()
                .orElseThrow(() -> invalid("Workflow " + w.name + " has no start trigger"));
        checkConcurrency(w);
        Map<String, String> properties = new LinkedHashMap<>(w.defaultRunProperties);
        if (r.hasRunProperties()) {
            properties.putAll(r.runProperties());
        }
        RunEntry run = world.startRun(w, start, world.now(), properties);
        world.settle(world.now());
        return StartWorkflowRunResponse.builder().runId(run.id).build();
    }

    /** GetWorkflowRun. */
    public GetWorkflowRunResponse getWorkflowRun(GetWorkflowRunRequest r) {
        WorkflowEntry w = workflow(r.name());
        return GetWorkflowRunResponse.builder().run(views.runView(w, run(w, r.runId()), Boolean.TRUE.equals(r.includeGraph())))
                .build();
    }

    /** GetWorkflowRuns: newest first. */
    public GetWorkflowRunsResponse getWorkflowRuns(GetWorkflowRunsRequest r) {
        WorkflowEntry w = workflow(r.name());
        Page<RunEntry> page = page(List.copyOf(w.runs), r.nextToken(), r.maxResults(), MAX_RUNS_PAGE);
        boolean graph = !Boolean.FALSE.equals(r.includeGraph());
        return GetWorkflowRunsResponse.builder().runs(page.items().stream().map(run -> views.runView(w, run, graph)).toList())
                .nextToken(page.next()).build();
    }

    /** GetWorkflowRunProperties. */
    public GetWorkflowRunPropertiesResponse getWorkflowRunProperties(GetWorkflowRunPropertiesRequest r) {
        WorkflowEntry w = workflow(r.name());
        return GetWorkflowRunPropertiesResponse.builder().runProperties(run(w, r.runId()).properties).build();
    }

    /** PutWorkflowRunProperties: adds to (and overrides) the run's properties. */
    public PutWorkflowRunPropertiesResponse putWorkflowRunProperties(PutWorkflowRunPropertiesRequest r) {
        WorkflowEntry w = workflow(r.name());
        RunEntry run = run(w, r.runId());
        if (r.hasRunProperties()) {
            run.properties.putAll(r.runProperties());
        }
        return PutWorkflowRunPropertiesResponse.builder().build();
    }

    /** StopWorkflowRun: no trigger fires any more; STOPPING until its running actions end, then STOPPED. */
    public StopWorkflowRunResponse stopWorkflowRun(StopWorkflowRunRequest r) {
        WorkflowEntry w = workflow(r.name());
        RunEntry run = run(w, r.runId());
        if (run.status != WorkflowRunStatus.RUNNING) {
            throw errors.error(400, "IllegalWorkflowStateException", "Workflow run " + run.id + " of " + w.name + " is "
                    + run.status + ", not RUNNING");
        }
        run.status = WorkflowRunStatus.STOPPING;
        world.settle(world.now());
        return StopWorkflowRunResponse.builder().build();
    }

    /**
     * ResumeWorkflowRun: a new run (new id, PreviousRunId the resumed one) reruns the given nodes and
     * everything downstream of them; the other nodes keep their executions from the resumed run.
     */
    public ResumeWorkflowRunResponse resumeWorkflowRun(ResumeWorkflowRunRequest r) {
        WorkflowEntry w = workflow(r.name());
        RunEntry original = run(w, r.runId());
        if (original.active()) {
            throw errors.error(400, "IllegalWorkflowStateException", "Workflow run " + original.id + " of " + w.name
                    + " is " + original.status + "; only a run that has ended can be resumed");
        }
        if (!r.hasNodeIds() || r.nodeIds().isEmpty()) {
            throw invalid("NodeIds must name at least one node to restart");
        }
        Map<String, String> keysById = new LinkedHashMap<>();
        for (String key : views.nodeKeys(w.name)) {
            keysById.put(WorkflowViews.nodeId(w.name, key), key);
        }
        List<String> selected = new ArrayList<>();
        for (String id : r.nodeIds()) {
            String key = keysById.get(id);
            if (key == null) {
                throw invalid("Node " + id + " is not a job or crawler node of workflow " + w.name);
            }
            if (!original.executions.containsKey(key)) {
                throw invalid("Node " + id + " (" + key + ") has no run attempt in workflow run " + original.id);
            }
            selected.add(key);
        }
        checkConcurrency(w);
        Instant now = world.now();
        RunEntry run = new RunEntry(world.nextId("wr_"), w.name, original.id, now, original.properties);
        Map<String, Boolean> rerun = world.downstream(w.name, selected);
        original.executions.forEach((key, list) -> {
            if (!rerun.containsKey(key)) {
                list.forEach(e -> run.add(key, new RunEntry.Execution(e.runId(), e.startedOn(), e.error(), true)));
            }
        });
        for (String fired : original.fired) {
            TriggerEntry t = world.triggers.get(fired);
            if (t != null && (t.isStart() || rerun.keySet().stream().noneMatch(k -> WorkflowWorld.mentions(t, k)))) {
                run.fired.add(fired);
            }
        }
        w.runs.add(0, run);
        for (String key : selected) {
            String name = key.substring(key.indexOf(':') + 1);
            if (key.startsWith("JOB:")) {
                world.startJob(run, name, argumentsOf(w.name, name), now);
            } else {
                world.startCrawler(run, name, now);
            }
        }
        world.settle(now);
        return ResumeWorkflowRunResponse.builder().runId(run.id)
                .nodeIds(selected.stream().map(k -> WorkflowViews.nodeId(w.name, k)).toList()).build();
    }


    private Map<String, String> argumentsOf(String workflow, String job) {
        for (TriggerEntry t : world.triggersOf(workflow)) {
            for (Action a : t.actions) {
                if (job.equals(a.jobName())) {
                    return a.arguments();
                }
            }
        }
        return Map.of();
    }

    private void checkMaxRuns(Integer max) {
        if (max != null && max < 1) {
            throw invalid("MaxConcurrentRuns must be at least 1, but was " + max);
        }
    }
}
