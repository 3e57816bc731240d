package io.dataplatform.glue.internal;

import io.dataplatform.ResourceNotFoundException;
import io.dataplatform.glue.Schedule;
import io.dataplatform.glue.TriggerCondition;
import io.dataplatform.glue.Workflow;
import io.dataplatform.glue.WorkflowBuilder;
import io.dataplatform.glue.WorkflowNode;
import io.dataplatform.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.glue.model.Action;
import software.amazon.awssdk.services.glue.model.Condition;
import software.amazon.awssdk.services.glue.model.CrawlState;
import software.amazon.awssdk.services.glue.model.JobRunState;
import software.amazon.awssdk.services.glue.model.Logical;
import software.amazon.awssdk.services.glue.model.LogicalOperator;
import software.amazon.awssdk.services.glue.model.Node;
import software.amazon.awssdk.services.glue.model.Predicate;
import software.amazon.awssdk.services.glue.model.Trigger;
import software.amazon.awssdk.services.glue.model.TriggerState;
import software.amazon.awssdk.services.glue.model.TriggerType;

/**
 * Builds a workflow; {@link #create()} reads the workflow and its triggers once (GetWorkflow with its
 * graph) and writes only what differs.
 */
final class DefaultWorkflowBuilder implements WorkflowBuilder {
    private final DefaultGlueCatalog.GlueAccess glue;
    private final JobServices services;
    private final String name;
    private String description;
    private Schedule schedule;
    private Integer maxConcurrentRuns;
    private final Map<String, String> runProperties = new LinkedHashMap<>();
    private final List<WorkflowNode> start = new ArrayList<>();
    private final Map<TriggerCondition, List<WorkflowNode>> conditional = new LinkedHashMap<>();
    private List<WorkflowNode> previous = List.of();

    DefaultWorkflowBuilder(DefaultGlueCatalog.GlueAccess glue, JobServices services, String name) {
        this.glue = glue;
        this.services = services;
        this.name = checkName(name);
    }

    static String checkName(String name) {
        Checks.notNull(name, "workflow name");
        Checks.require(!name.isEmpty() && name.length() <= 255 && name.chars().noneMatch(c -> c < 0x20 && c != '\t'),
                "Invalid workflow name '%s': must be 1-255 characters without control characters", name);
        return name;
    }

    @Override
    public WorkflowBuilder description(String description) {
        this.description = Checks.notNull(description, "description");
        return this;
    }

    @Override
    public WorkflowBuilder schedule(Schedule schedule) {
        this.schedule = Checks.notNull(schedule, "schedule");
        return this;
    }

    @Override
    public WorkflowBuilder schedule(String expression) {
        try {
            return schedule(Schedule.cron(expression));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Workflow '" + name + "': invalid schedule '" + expression + "' of its"
                    + " start trigger: " + e.getMessage(), e);
        }
    }

    @Override
    public WorkflowBuilder onDemand() {
        this.schedule = null;
        return this;
    }

    @Override
    public WorkflowBuilder maxConcurrentRuns(int max) {
        Checks.require(max >= 1, "maxConcurrentRuns must be at least 1, but was %s", max);
        this.maxConcurrentRuns = max;
        return this;
    }

    @Override
    public WorkflowBuilder runProperty(String name, String value) {
        runProperties.put(Checks.notEmpty(name, "run property name"), Checks.notNull(value, "value of " + name));
        return this;
    }

    @Override
    public WorkflowBuilder start(WorkflowNode... nodes) {
        List<WorkflowNode> list = nodes(nodes);
        start.addAll(list);
        previous = list;
        return this;
    }

    @Override
    public WorkflowBuilder after(TriggerCondition condition, WorkflowNode... nodes) {
        Checks.notNull(condition, "condition");
        List<WorkflowNode> list = nodes(nodes);
        conditional.computeIfAbsent(withoutArguments(condition), c -> new ArrayList<>()).addAll(list);
        previous = list;
        return this;
    }

    @Override
    public WorkflowBuilder then(WorkflowNode node) {
        Checks.notNull(node, "node");
        if (previous.isEmpty()) {
            return start(node);
        }
        return after(TriggerCondition.succeeded(previous.toArray(WorkflowNode[]::new)), node);
    }

    @Override
    public WorkflowBuilder onFailure(WorkflowNode node, WorkflowNode handler) {
        Checks.notNull(node, "node");
        Checks.notNull(handler, "handler");
        conditional.computeIfAbsent(withoutArguments(TriggerCondition.failed(node)), c -> new ArrayList<>()).add(handler);
        return this;
    }

    /** A condition is about nodes, not the arguments a trigger gives them: the same condition is one trigger. */
    private static TriggerCondition withoutArguments(TriggerCondition condition) {
        return new TriggerCondition(condition.logical(), condition.predicates().stream()
                .map(p -> TriggerCondition.on(new WorkflowNode(p.node().type(), p.node().name(), Map.of()), p.outcome()))
                .toList());
    }

    private static List<WorkflowNode> nodes(WorkflowNode... nodes) {
        Checks.require(nodes != null && nodes.length > 0, "Give at least one node");
        Arrays.stream(nodes).forEach(n -> Checks.notNull(n, "node"));
        return List.of(nodes);
    }

    @Override
    public Workflow create() {
        WorkflowPlan plan = WorkflowPlan.of(name, schedule, start, conditional);
        software.amazon.awssdk.services.glue.model.Workflow existing;
        try {
            existing = glue.call("GetWorkflow", name, c -> c.getWorkflow(r -> r.name(name).includeGraph(true))).workflow();
        } catch (ResourceNotFoundException absent) {
            existing = null;
        }
        Map<String, Trigger> triggers = new LinkedHashMap<>();
        if (existing == null) {
            glue.create("CreateWorkflow", name, "AlreadyExistsException", c -> c.createWorkflow(r -> r.name(name)
                    .description(description).maxConcurrentRuns(maxConcurrentRuns)
                    .defaultRunProperties(runProperties.isEmpty() ? null : runProperties)));
        } else {
            if (!Objects.equals(emptyToNull(existing.description()), description)
                    // Glue keeps a limit UpdateWorkflow does not give: only a limit given here is compared.
                    || (maxConcurrentRuns != null && !maxConcurrentRuns.equals(existing.maxConcurrentRuns()))
                    || !existing.defaultRunProperties().equals(runProperties)) {
                glue.call("UpdateWorkflow", name, c -> c.updateWorkflow(r -> r.name(name)
                        .description(description == null ? "" : description).maxConcurrentRuns(maxConcurrentRuns)
                        .defaultRunProperties(runProperties)));
            }
            if (existing.graph() != null) {
                for (Node node : existing.graph().nodes()) {
                    if (node.triggerDetails() != null && node.triggerDetails().trigger() != null) {
                        triggers.put(node.name(), node.triggerDetails().trigger());
                    }
                }
            }
        }
        Set<String> wanted = new HashSet<>();
        plan.triggers().forEach(t -> wanted.add(t.name()));
        for (String old : triggers.keySet()) {
            if (!wanted.contains(old)) {
                glue.call("DeleteTrigger", old, c -> c.deleteTrigger(r -> r.name(old)));
            }
        }
        // The start trigger last: a scheduled start must not fire before the triggers that follow it exist.
        List<WorkflowPlan.TriggerPlan> order = new ArrayList<>(plan.triggers().subList(1, plan.triggers().size()));
        order.add(plan.triggers().get(0));
        for (WorkflowPlan.TriggerPlan t : order) {
            apply(t, triggers.get(t.name()));
        }
        return new DefaultWorkflow(glue, services, name);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private void apply(WorkflowPlan.TriggerPlan plan, Trigger existing) {
        TriggerType type = plan.isStart() ? (plan.schedule() == null ? TriggerType.ON_DEMAND : TriggerType.SCHEDULED)
                : TriggerType.CONDITIONAL;
        List<Action> actions = plan.actions().stream().map(DefaultWorkflowBuilder::action).toList();
        Predicate predicate = plan.isStart() ? null : predicate(plan.condition());
        String scheduleExpression = plan.schedule() == null ? null : plan.schedule().expression();
        String triggerName = plan.name();
        boolean activate = type != TriggerType.ON_DEMAND;
        if (existing != null && existing.type() != type) {
            glue.call("DeleteTrigger", triggerName, c -> c.deleteTrigger(r -> r.name(triggerName)));
            existing = null;
        }
        if (existing == null) {
            glue.create("CreateTrigger", triggerName, "AlreadyExistsException", c -> c.createTrigger(r -> r
                    .name(triggerName).workflowName(name).type(type).schedule(scheduleExpression).predicate(predicate)
                    .actions(actions).startOnCreation(activate ? true : null)));
            return;
        }
        boolean same = sameActions(existing.actions(), actions)
                && (predicate == null || samePredicate(existing.predicate(), predicate))
                && (scheduleExpression == null || (existing.schedule() != null
                && Schedule.cron(existing.schedule()).equals(plan.schedule())));
        if (!same) {
            glue.call("UpdateTrigger", triggerName, c -> c.updateTrigger(r -> r.name(triggerName)
                    .triggerUpdate(u -> u.actions(actions).predicate(predicate).schedule(scheduleExpression))));
        }
        if (activate && existing.state() != TriggerState.ACTIVATED) {
            glue.call("StartTrigger", triggerName, c -> c.startTrigger(r -> r.name(triggerName)));
        }
    }

    static Action action(WorkflowNode node) {
        if (node.type() == WorkflowNode.Type.CRAWLER) {
            return Action.builder().crawlerName(node.name()).build();
        }
        Map<String, String> args = new LinkedHashMap<>();
        node.arguments().forEach((k, v) -> args.put("--" + k, v));
        return Action.builder().jobName(node.name()).arguments(args.isEmpty() ? null : args).build();
    }

    static Predicate predicate(TriggerCondition condition) {
        List<Condition> conditions = new ArrayList<>();
        for (TriggerCondition.Predicate p : condition.predicates()) {
            Condition.Builder c = Condition.builder().logicalOperator(LogicalOperator.EQUALS);
            if (p.node().type() == WorkflowNode.Type.JOB) {
                c.jobName(p.node().name()).state(JobRunState.fromValue(p.outcome().name()));
            } else {
                c.crawlerName(p.node().name()).crawlState(CrawlState.fromValue(p.outcome().name()));
            }
            conditions.add(c.build());
        }
        return Predicate.builder().logical(condition.logical() == TriggerCondition.Logical.ALL ? Logical.AND : Logical.ANY)
                .conditions(conditions).build();
    }

    private static boolean sameActions(List<Action> a, List<Action> b) {
        return actionSet(a).equals(actionSet(b));
    }

    private static Set<String> actionSet(List<Action> actions) {
        Set<String> set = new HashSet<>();
        for (Action a : actions) {
            set.add(a.jobName() + "|" + a.crawlerName() + "|" + (a.hasArguments() ? a.arguments() : Map.of()));
        }
        return set;
    }

    private static boolean samePredicate(Predicate existing, Predicate wanted) {
        if (existing == null) {
            return false;
        }
        Logical logical = existing.logical() == null ? Logical.AND : existing.logical();
        // One condition holds the same way under AND and ANY.
        if (logical != wanted.logical() && wanted.conditions().size() > 1) {
            return false;
        }
        return conditionSet(existing.conditions()).equals(conditionSet(wanted.conditions()));
    }

    private static Set<String> conditionSet(List<Condition> conditions) {
        Set<String> set = new HashSet<>();
        for (Condition c : conditions) {
            set.add(c.jobName() + "|" + c.stateAsString() + "|" + c.crawlerName() + "|" + c.crawlStateAsString());
        }
        return set;
    }
}
