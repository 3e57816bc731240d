package io.dataplatform.testing.internal.glue.workflows;

import io.dataplatform.glue.Schedule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.glue.model.*;

/**
 * The trigger operations of the fake Glue. Callers hold the world's lock. What Glue offers that this
 * fake does not model (EVENT triggers, conditional triggers outside a workflow, an action's own
 * Timeout, event batching) is refused with 501 NotImplemented naming it, never ignored.
 */
public final class TriggerOperations extends WorkflowOperationsBase {
    private static final int MAX_TRIGGERS_PAGE = 200;

    /** Creates the operations over {@code world}. */
    public TriggerOperations(WorkflowWorld world) {
        super(world);
    }

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
        t.tags = r.hasTags() ? java.util.Map.copyOf(r.tags()) : java.util.Map.of();
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
        return GetTriggersResponse.builder().triggers(page.items()).nextToken(page.next()).build();
    }

    /** ListTriggers: names in order, filtered by DependentJobName and by Tags (every tag given must match). */
    public ListTriggersResponse listTriggers(ListTriggersRequest r) {
        List<String> names = new ArrayList<>();
        for (TriggerEntry t : world.triggers.values()) {
            boolean job = r.dependentJobName() == null
                    || t.actions.stream().anyMatch(a -> r.dependentJobName().equals(a.jobName()));
            boolean tagged = !r.hasTags() || t.tags.entrySet().containsAll(r.tags().entrySet());
            if (job && tagged) {
                names.add(t.name);
            }
        }
        Page<String> page = page(names, r.nextToken(), r.maxResults(), MAX_TRIGGERS_PAGE);
        return ListTriggersResponse.builder().triggerNames(page.items()).nextToken(page.next()).build();
    }

    /** BatchGetTriggers: the triggers found, and the names not found. */
    public BatchGetTriggersResponse batchGetTriggers(BatchGetTriggersRequest r) {
        List<Trigger> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : r.triggerNames()) {
            TriggerEntry t = world.triggers.get(name);
            if (t == null) {
                missing.add(name);
            } else {
                found.add(t.view());
            }
        }
        return BatchGetTriggersResponse.builder().triggers(found).triggersNotFound(missing).build();
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

    /**
     * StopTrigger: deactivates a started trigger. Glue refuses by state, not type, so a trigger never started (every
     * ON_DEMAND trigger among them) fails: "The operation is not allowed when trigger is in state: CREATED"
     * (hashicorp/terraform-provider-aws#49408).
     */
    public StopTriggerResponse stopTrigger(StopTriggerRequest r) {
        TriggerEntry t = trigger(r.name());
        if (t.state == TriggerState.CREATED) {
            throw invalid("The operation is not allowed when trigger is in state: " + t.state);
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
}
