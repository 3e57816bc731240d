package io.dataplatform.testing.internal.glue.workflows;

import io.dataplatform.glue.Schedule;
import io.dataplatform.testing.internal.glue.GlueErrors;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import software.amazon.awssdk.services.glue.model.*;

/**
 * The trigger and workflow operations of the fake Glue. Callers hold the world's lock. What Glue
 * offers that this fake does not model (EVENT triggers, conditional triggers outside a workflow, an
 * action's own Timeout, event batching) is refused with 501 NotImplemented naming it, never ignored.
 */
public final class WorkflowOperations {
    private static final int MAX_WORKFLOWS_PAGE = 25;
    private static final int MAX_TRIGGERS_PAGE = 200;
    private static final int MAX_RUNS_PAGE = 1000;

    private final WorkflowWorld world;
    private final GlueErrors errors;

    /** Creates the operations over {@code world}. */
    public WorkflowOperations(WorkflowWorld world) {
        this.world = world;
        this.errors = world.actions.errors();
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
        return GetWorkflowResponse.builder().workflow(view(w, Boolean.TRUE.equals(r.includeGraph()))).build();
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

    /** ListWorkflows: names in order, at most 25 per page. */
    public ListWorkflowsResponse listWorkflows(ListWorkflowsRequest r) {
        Page<String> page = page(new ArrayList<>(world.workflows.keySet()), r.nextToken(), r.maxResults(),
                MAX_WORKFLOWS_PAGE);
        return ListWorkflowsResponse.builder().workflows(page.items).nextToken(page.next).build();
    }

    // ---- triggers

    /** CreateTrigger. */
    public CreateTriggerResponse createTrigger(CreateTriggerRequest r) {
        checkName(r.name(), "name");
        if (world.triggers.containsKey(r.name())) {
            throw errors.error(400, "AlreadyExistsException", "Trigger with name " + r.name() + " already exists");
        }
        TriggerType type = r.type();
        if (type == null || type == TriggerType.UNKNOWN_TO_SDK_VERSION) {
            throw invalid("Type is required: SCHEDULED, CONDITIONAL or ON_DEMAND");
        }
        if (type == TriggerType.EVENT || r.eventBatchingCondition() != null) {
            throw errors.error(501, "NotImplemented", "EVENT triggers are not supported by the fake Glue (trigger "
                    + r.name() + ")");
        }
        if (r.workflowName() != null) {
            workflow(r.workflowName());
            if (type != TriggerType.CONDITIONAL) {
                for (TriggerEntry t : world.triggersOf(r.workflowName())) {
                    if (t.isStart()) {
                        throw invalid("Workflow " + r.workflowName() + " already has a start trigger: "
                                + t.name);
                    }
                }
            }
        } else if (type == TriggerType.CONDITIONAL) {
            throw errors.error(501, "NotImplemented", "Conditional triggers outside a workflow are not supported by the"
                    + " fake Glue (trigger " + r.name() + "); put it in a workflow");
        }
        if (type == TriggerType.ON_DEMAND && Boolean.TRUE.equals(r.startOnCreation())) {
            throw invalid("StartOnCreation is not supported for ON_DEMAND triggers");
        }
        TriggerEntry t = new TriggerEntry(r.name(), "tr_" + UUID.nameUUIDFromBytes(r.name().getBytes(StandardCharsets.UTF_8)),
                r.workflowName(), type);
        t.description = r.description();
        t.schedule = type == TriggerType.SCHEDULED ? checkSchedule(r.schedule()) : null;
        if (type != TriggerType.SCHEDULED && r.schedule() != null) {
            throw invalid("Schedule is only valid for SCHEDULED triggers");
        }
        t.predicate = type == TriggerType.CONDITIONAL ? checkPredicate(r.predicate()) : null;
        t.actions = checkActions(r.actions());
        t.state = TriggerState.CREATED;
        world.triggers.put(t.name, t);
        if (Boolean.TRUE.equals(r.startOnCreation())) {
            activate(t);
        }
        return CreateTriggerResponse.builder().name(r.name()).build();
    }

    /** GetTrigger. */
    public GetTriggerResponse getTrigger(GetTriggerRequest r) {
        return GetTriggerResponse.builder().trigger(trigger(r.name()).view()).build();
    }

    /** GetTriggers: all triggers, or those with an action on DependentJobName. */
    public GetTriggersResponse getTriggers(GetTriggersRequest r) {
        List<Trigger> all = new ArrayList<>();
        for (TriggerEntry t : world.triggers.values()) {
            if (r.dependentJobName() == null || t.actions.stream().anyMatch(a -> r.dependentJobName().equals(a.jobName()))) {
                all.add(t.view());
            }
        }
        Page<Trigger> page = page(all, r.nextToken(), r.maxResults(), MAX_TRIGGERS_PAGE);
        return GetTriggersResponse.builder().triggers(page.items).nextToken(page.next).build();
    }

    /** UpdateTrigger: what the TriggerUpdate gives replaces the trigger's. */
    public UpdateTriggerResponse updateTrigger(UpdateTriggerRequest r) {
        TriggerEntry t = trigger(r.name());
        TriggerUpdate u = r.triggerUpdate();
        if (u == null) {
            throw invalid("TriggerUpdate is required");
        }
        if (u.eventBatchingCondition() != null) {
            throw errors.error(501, "NotImplemented", "Event batching is not supported by the fake Glue");
        }
        if (u.name() != null && !u.name().equals(t.name)) {
            throw errors.error(501, "NotImplemented", "Renaming a trigger is not supported by the fake Glue");
        }
        if (u.schedule() != null) {
            if (t.type != TriggerType.SCHEDULED) {
                throw invalid("Schedule is only valid for SCHEDULED triggers");
            }
            t.schedule = checkSchedule(u.schedule());
            if (t.state == TriggerState.ACTIVATED) {
                t.nextFire = Schedule.cron(t.schedule).nextAfter(world.now()).orElse(null);
            }
        }
        if (u.predicate() != null) {
            if (t.type != TriggerType.CONDITIONAL) {
                throw invalid("Predicate is only valid for CONDITIONAL triggers");
            }
            t.predicate = checkPredicate(u.predicate());
        }
        if (u.hasActions()) {
            t.actions = checkActions(u.actions());
        }
        if (u.description() != null) {
            t.description = u.description();
        }
        return UpdateTriggerResponse.builder().trigger(t.view()).build();
    }

    /** DeleteTrigger: deleting a trigger that does not exist succeeds, as Glue documents. */
    public DeleteTriggerResponse deleteTrigger(DeleteTriggerRequest r) {
        world.triggers.remove(r.name());
        return DeleteTriggerResponse.builder().name(r.name()).build();
    }

    /** StartTrigger: fires an ON_DEMAND trigger (a workflow's starts a workflow run); activates the others. */
    public StartTriggerResponse startTrigger(StartTriggerRequest r) {
        TriggerEntry t = trigger(r.name());
        if (t.type == TriggerType.ON_DEMAND) {
            if (t.workflowName != null) {
                WorkflowEntry w = workflow(t.workflowName);
                checkConcurrency(w);
                world.startRun(w, t, world.now(), w.defaultRunProperties);
            } else {
                world.startActions(null, t.actions, world.now());
            }
            world.settle(world.now());
        } else {
            activate(t);
        }
        return StartTriggerResponse.builder().name(r.name()).build();
    }

    /** StopTrigger: deactivates a SCHEDULED or CONDITIONAL trigger. */
    public StopTriggerResponse stopTrigger(StopTriggerRequest r) {
        TriggerEntry t = trigger(r.name());
        if (t.type == TriggerType.ON_DEMAND) {
            throw invalid("Trigger " + t.name + " is ON_DEMAND and cannot be stopped");
        }
        t.state = TriggerState.DEACTIVATED;
        t.nextFire = null;
        return StopTriggerResponse.builder().name(r.name()).build();
    }

    private void activate(TriggerEntry t) {
        t.state = TriggerState.ACTIVATED;
        if (t.type == TriggerType.SCHEDULED) {
            t.nextFire = Schedule.cron(t.schedule).nextAfter(world.now()).orElse(null);
        }
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
        return GetWorkflowRunResponse.builder().run(runView(w, run(w, r.runId()), Boolean.TRUE.equals(r.includeGraph())))
                .build();
    }

    /** GetWorkflowRuns: newest first. */
    public GetWorkflowRunsResponse getWorkflowRuns(GetWorkflowRunsRequest r) {
        WorkflowEntry w = workflow(r.name());
        Page<RunEntry> page = page(List.copyOf(w.runs), r.nextToken(), r.maxResults(), MAX_RUNS_PAGE);
        boolean graph = !Boolean.FALSE.equals(r.includeGraph());
        return GetWorkflowRunsResponse.builder().runs(page.items.stream().map(run -> runView(w, run, graph)).toList())
                .nextToken(page.next).build();
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
        for (String key : nodeKeys(w.name)) {
            keysById.put(nodeId(w.name, key), key);
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
                .nodeIds(selected.stream().map(k -> nodeId(w.name, k)).toList()).build();
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

    // ---- views

    private Workflow view(WorkflowEntry w, boolean graph) {
        Workflow.Builder b = Workflow.builder().name(w.name).description(w.description)
                .defaultRunProperties(w.defaultRunProperties).createdOn(w.createdOn).lastModifiedOn(w.lastModifiedOn)
                .maxConcurrentRuns(w.maxConcurrentRuns);
        if (!w.runs.isEmpty()) {
            b.lastRun(runView(w, w.runs.get(0), graph));
        }
        if (graph) {
            b.graph(graph(w, null));
        }
        return b.build();
    }

    private WorkflowRun runView(WorkflowEntry w, RunEntry run, boolean graph) {
        int total = 0, succeeded = 0, failed = 0, timeout = 0, stopped = 0, running = 0, errored = 0;
        for (Map.Entry<String, List<RunEntry.Execution>> node : run.executions.entrySet()) {
            for (RunEntry.Execution e : node.getValue()) {
                if (e.carried()) {
                    continue;
                }
                total++;
                String state = world.outcome(node.getKey(), e).state();
                if (state == null) {
                    running++;
                } else {
                    switch (state) {
                        case "SUCCEEDED" -> succeeded++;
                        case "FAILED" -> failed++;
                        case "TIMEOUT" -> timeout++;
                        case "STOPPED", "CANCELLED" -> stopped++;
                        default -> errored++;
                    }
                }
            }
        }
        WorkflowRun.Builder b = WorkflowRun.builder().name(w.name).workflowRunId(run.id).previousRunId(run.previousRunId)
                .workflowRunProperties(run.properties).startedOn(run.startedOn)
                .completedOn(run.active() ? null : run.completedOn).status(run.status).errorMessage(run.errorMessage)
                .statistics(WorkflowRunStatistics.builder().totalActions(total).succeededActions(succeeded)
                        .failedActions(failed).timeoutActions(timeout).stoppedActions(stopped).runningActions(running)
                        .erroredActions(errored).waitingActions(0).build());
        if (graph) {
            b.graph(graph(w, run));
        }
        return b.build();
    }

    private List<String> nodeKeys(String workflow) {
        List<String> keys = new ArrayList<>();
        for (TriggerEntry t : world.triggersOf(workflow)) {
            if (t.predicate != null) {
                for (Condition c : t.predicate.conditions()) {
                    addKey(keys, WorkflowWorld.key(c.jobName() != null, c.jobName() != null ? c.jobName() : c.crawlerName()));
                }
            }
            for (Action a : t.actions) {
                addKey(keys, WorkflowWorld.key(a.jobName() != null, a.jobName() != null ? a.jobName() : a.crawlerName()));
            }
        }
        return keys;
    }

    private static void addKey(List<String> keys, String key) {
        if (!keys.contains(key)) {
            keys.add(key);
        }
    }

    static String nodeId(String workflow, String key) {
        return "wnode_" + UUID.nameUUIDFromBytes((workflow + "/" + key).getBytes(StandardCharsets.UTF_8)).toString()
                .replace("-", "");
    }

    private WorkflowGraph graph(WorkflowEntry w, RunEntry run) {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (TriggerEntry t : world.triggersOf(w.name)) {
            String triggerId = nodeId(w.name, "TRIGGER:" + t.name);
            nodes.add(Node.builder().type(NodeType.TRIGGER).name(t.name).uniqueId(triggerId)
                    .triggerDetails(TriggerNodeDetails.builder().trigger(t.view()).build()).build());
            if (t.predicate != null) {
                for (Condition c : t.predicate.conditions()) {
                    boolean job = c.jobName() != null;
                    edges.add(Edge.builder().sourceId(nodeId(w.name, WorkflowWorld.key(job, job ? c.jobName()
                            : c.crawlerName()))).destinationId(triggerId).build());
                }
            }
            for (Action a : t.actions) {
                boolean job = a.jobName() != null;
                edges.add(Edge.builder().sourceId(triggerId).destinationId(nodeId(w.name, WorkflowWorld.key(job,
                        job ? a.jobName() : a.crawlerName()))).build());
            }
        }
        for (String key : nodeKeys(w.name)) {
            String name = key.substring(key.indexOf(':') + 1);
            boolean job = key.startsWith("JOB:");
            List<RunEntry.Execution> executions = run == null ? List.of() : run.executions.getOrDefault(key, List.of());
            Node.Builder node = Node.builder().type(job ? NodeType.JOB : NodeType.CRAWLER).name(name)
                    .uniqueId(nodeId(w.name, key));
            if (job) {
                List<JobRun> runs = new ArrayList<>();
                for (RunEntry.Execution e : executions) {
                    // An action that could not start has no job run: the run's ErrorMessage says why.
                    if (e.runId() != null) {
                        runs.addAll(world.actions.attempts(name, e.runId()));
                    }
                }
                node.jobDetails(JobNodeDetails.builder().jobRuns(runs).build());
            } else {
                List<Crawl> crawls = new ArrayList<>();
                for (RunEntry.Execution e : executions) {
                    Crawl crawl = e.runId() == null ? null : world.actions.crawl(name, e.runId());
                    if (crawl != null) {
                        crawls.add(crawl);
                    }
                }
                node.crawlerDetails(CrawlerNodeDetails.builder().crawls(crawls).build());
            }
            nodes.add(node.build());
        }
        return WorkflowGraph.builder().nodes(nodes).edges(edges).build();
    }

    // ---- checks

    private WorkflowEntry workflow(String name) {
        WorkflowEntry w = name == null ? null : world.workflows.get(name);
        if (w == null) {
            throw errors.error(400, "EntityNotFoundException", "Workflow with name " + name + " not found");
        }
        return w;
    }

    private TriggerEntry trigger(String name) {
        TriggerEntry t = name == null ? null : world.triggers.get(name);
        if (t == null) {
            throw errors.error(400, "EntityNotFoundException", "Trigger with name " + name + " not found");
        }
        return t;
    }

    private RunEntry run(WorkflowEntry w, String runId) {
        RunEntry run = runId == null ? null : w.run(runId);
        if (run == null) {
            throw errors.error(400, "EntityNotFoundException", "Workflow run " + runId + " of " + w.name + " not found");
        }
        return run;
    }

    private void checkConcurrency(WorkflowEntry w) {
        if (w.maxConcurrentRuns != null && w.activeRuns() >= w.maxConcurrentRuns) {
            throw errors.error(400, "ConcurrentRunsExceededException", "Concurrent runs exceeded for workflow " + w.name
                    + ": it allows " + w.maxConcurrentRuns + " (MaxConcurrentRuns)");
        }
    }

    private void checkMaxRuns(Integer max) {
        if (max != null && max < 1) {
            throw invalid("MaxConcurrentRuns must be at least 1, but was " + max);
        }
    }

    private void checkName(String name, String field) {
        if (name == null || name.isEmpty() || name.length() > 255) {
            throw invalid("1 validation error detected: Value '" + name + "' at '" + field
                    + "' failed to satisfy constraint: Member must have length between 1 and 255");
        }
    }

    private String checkSchedule(String schedule) {
        if (schedule == null || schedule.isBlank()) {
            throw invalid("Schedule is required for a SCHEDULED trigger");
        }
        try {
            return Schedule.cron(schedule).expression();
        } catch (IllegalArgumentException e) {
            throw invalid("Schedule expression is not valid: " + e.getMessage());
        }
    }

    private Predicate checkPredicate(Predicate p) {
        if (p == null || !p.hasConditions() || p.conditions().isEmpty()) {
            throw invalid("A CONDITIONAL trigger needs a Predicate with at least one condition");
        }
        for (Condition c : p.conditions()) {
            if (c.logicalOperator() != null && c.logicalOperator() != LogicalOperator.EQUALS) {
                throw invalid("Condition LogicalOperator must be EQUALS");
            }
            if ((c.jobName() == null) == (c.crawlerName() == null)) {
                throw invalid("A condition names either a JobName or a CrawlerName");
            }
            if (c.jobName() != null) {
                if (!world.actions.jobExists(c.jobName())) {
                    throw notFound("Job with name: " + c.jobName() + " not found");
                }
                if (c.state() == null || !List.of(JobRunState.SUCCEEDED, JobRunState.FAILED, JobRunState.TIMEOUT,
                        JobRunState.STOPPED).contains(c.state())) {
                    throw invalid("The State of a job condition on " + c.jobName()
                            + " must be SUCCEEDED, FAILED, TIMEOUT or STOPPED, but was " + c.stateAsString());
                }
            } else {
                if (!world.actions.crawlerExists(c.crawlerName())) {
                    throw notFound("Crawler with name " + c.crawlerName() + " has not been found");
                }
                if (c.crawlState() == null || !List.of(CrawlState.SUCCEEDED, CrawlState.FAILED, CrawlState.CANCELLED)
                        .contains(c.crawlState())) {
                    throw invalid("The CrawlState of a crawler condition on " + c.crawlerName()
                            + " must be SUCCEEDED, FAILED or CANCELLED, but was " + c.crawlStateAsString());
                }
            }
        }
        Logical logical = p.logical() == null ? Logical.AND : p.logical();
        return p.toBuilder().logical(logical).conditions(p.conditions().stream()
                .map(c -> c.toBuilder().logicalOperator(LogicalOperator.EQUALS).build()).toList()).build();
    }

    private List<Action> checkActions(List<Action> actions) {
        if (actions == null || actions.isEmpty()) {
            throw invalid("Actions must hold at least one action");
        }
        for (Action a : actions) {
            if ((a.jobName() == null) == (a.crawlerName() == null)) {
                throw invalid("An action names either a JobName or a CrawlerName");
            }
            if (a.timeout() != null || a.notificationProperty() != null || a.securityConfiguration() != null) {
                throw errors.error(501, "NotImplemented", "An action's Timeout, NotificationProperty and "
                        + "SecurityConfiguration are not supported by the fake Glue");
            }
            if (a.jobName() != null && !world.actions.jobExists(a.jobName())) {
                throw notFound("Job with name: " + a.jobName() + " not found");
            }
            if (a.crawlerName() != null && !world.actions.crawlerExists(a.crawlerName())) {
                throw notFound("Crawler with name " + a.crawlerName() + " has not been found");
            }
        }
        return List.copyOf(actions);
    }

    private software.amazon.awssdk.awscore.exception.AwsServiceException invalid(String message) {
        return errors.error(400, "InvalidInputException", message);
    }

    private software.amazon.awssdk.awscore.exception.AwsServiceException notFound(String message) {
        return errors.error(400, "EntityNotFoundException", message);
    }

    // ---- paging

    private record Page<T>(List<T> items, String next) {
    }

    private <T> Page<T> page(List<T> all, String token, Integer requested, int max) {
        if (requested != null && (requested < 1 || requested > max)) {
            throw invalid("1 validation error detected: Value '" + requested
                    + "' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and " + max);
        }
        int size = requested == null ? max : requested;
        int from = 0;
        if (token != null && !token.isEmpty()) {
            try {
                String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                from = Integer.parseInt(decoded.substring("offset:".length()));
            } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
                throw invalid("Invalid NextToken: " + token);
            }
        }
        int to = Math.min(all.size(), from + size);
        String next = to < all.size() ? Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("offset:" + to).getBytes(StandardCharsets.UTF_8)) : null;
        return new Page<>(List.copyOf(all.subList(Math.min(from, all.size()), to)), next);
    }
}
