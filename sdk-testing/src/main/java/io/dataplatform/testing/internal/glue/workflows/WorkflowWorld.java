package io.dataplatform.testing.internal.glue.workflows;

import io.dataplatform.glue.Schedule;
import io.dataplatform.testing.internal.glue.GlueActions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.glue.model.Action;
import software.amazon.awssdk.services.glue.model.Condition;
import software.amazon.awssdk.services.glue.model.Crawl;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.Logical;
import software.amazon.awssdk.services.glue.model.Predecessor;
import software.amazon.awssdk.services.glue.model.TriggerState;
import software.amazon.awssdk.services.glue.model.TriggerType;
import software.amazon.awssdk.services.glue.model.WorkflowRunStatus;

/**
 * The triggers and workflows of one world's fake Glue, moved along by the world's clock. On each
 * advance it walks time forward event by event: the crawlers and job runs are brought up to the next
 * scheduled firing (or to now), then every conditional trigger whose predicate has become true in a
 * running workflow run fires, starting its actions at the instant the predicate became true; then the
 * scheduled trigger due next fires. A workflow run ends COMPLETED once nothing runs and no trigger
 * can fire any more (Glue reports failed actions in the statistics, not in the status), ERROR if an
 * action could not be started, STOPPED after StopWorkflowRun once its running actions ended.
 * Conditions look at the last execution of a node in the run, once it is final: a job run that fails
 * with retries left is not FAILED for a trigger until its last attempt failed.
 * Guarded by the Glue world's lock.
 */
public final class WorkflowWorld {
    private static final Logger LOG = LoggerFactory.getLogger(WorkflowWorld.class);

    final GlueActions actions;
    final Map<String, WorkflowEntry> workflows = new TreeMap<>();
    final Map<String, TriggerEntry> triggers = new TreeMap<>();
    private final Object lock;
    private long counter;
    private boolean busy;

    /**
     * Creates the workflows of a world and registers them on its clock. Registered before the crawlers'
     * and jobs' own listeners, it brings them forward step by step itself.
     */
    public WorkflowWorld(GlueActions actions, Object lock) {
        this.actions = actions;
        this.lock = lock;
        actions.clock().onAdvance(now -> {
            synchronized (lock) {
                tick(now);
            }
        });
    }

    String nextId(String prefix) {
        counter++;
        return prefix + String.format("%064x", counter);
    }

    Instant now() {
        return actions.clock().instant();
    }

    void tick(Instant now) {
        if (busy) {
            return;
        }
        busy = true;
        try {
            while (true) {
                TriggerEntry due = null;
                for (TriggerEntry t : triggers.values()) {
                    if (t.nextFire != null && !t.nextFire.isAfter(now) && (due == null || t.nextFire.isBefore(due.nextFire))) {
                        due = t;
                    }
                }
                Instant until = due == null ? now : due.nextFire;
                settle(until);
                if (due == null) {
                    return;
                }
                Instant at = due.nextFire;
                due.nextFire = Schedule.cron(due.schedule).nextAfter(at).orElse(null);
                fireStart(due, at);
            }
        } finally {
            busy = false;
        }
    }

    /** Brings crawlers and job runs up to {@code until}; fires the conditional triggers that became true by then. */
    void settle(Instant until) {
        for (int pass = 0; pass < 100_000; pass++) {
            actions.catchUp(until);
            boolean changed = false;
            for (WorkflowEntry workflow : workflows.values()) {
                for (RunEntry run : new ArrayList<>(workflow.runs)) {
                    if (run.active()) {
                        changed |= advance(workflow, run);
                    }
                }
            }
            if (!changed) {
                return;
            }
        }
        throw new IllegalStateException("Workflow triggers did not settle: a trigger loop?");
    }

    /** Fires a start trigger (scheduled, or on demand through StartTrigger) at {@code at}. */
    void fireStart(TriggerEntry trigger, Instant at) {
        if (trigger.workflowName == null) {
            startActions(null, trigger.actions, at);
            return;
        }
        WorkflowEntry workflow = workflows.get(trigger.workflowName);
        if (workflow == null) {
            return;
        }
        if (workflow.maxConcurrentRuns != null && workflow.activeRuns() >= workflow.maxConcurrentRuns) {
            // As Glue, a scheduled start beyond MaxConcurrentRuns is skipped, not queued.
            LOG.debug("Workflow {}: start at {} skipped, {} runs active", workflow.name, at, workflow.activeRuns());
            return;
        }
        startRun(workflow, trigger, at, workflow.defaultRunProperties);
    }

    RunEntry startRun(WorkflowEntry workflow, TriggerEntry start, Instant at, Map<String, String> properties) {
        RunEntry run = new RunEntry(nextId("wr_"), workflow.name, null, at, properties == null ? Map.of() : properties);
        workflow.runs.add(0, run);
        run.fired.add(start.name);
        startActions(run, start.actions, at);
        LOG.debug("Workflow {} run {} started at {}", workflow.name, run.id, at);
        return run;
    }

    void startActions(RunEntry run, List<Action> list, Instant at) {
        startActions(run, list, at, List.of());
    }

    private void startActions(RunEntry run, List<Action> list, Instant at, List<Predecessor> predecessors) {
        for (Action action : list) {
            if (action.jobName() != null) {
                startJob(run, action.jobName(), action.arguments(), at, predecessors);
            } else {
                startCrawler(run, action.crawlerName(), at);
            }
        }
    }

    void startJob(RunEntry run, String job, Map<String, String> arguments, Instant at) {
        startJob(run, job, arguments, at, List.of());
    }

    private void startJob(RunEntry run, String job, Map<String, String> arguments, Instant at,
                          List<Predecessor> predecessors) {
        Map<String, String> args = new LinkedHashMap<>(arguments == null ? Map.of() : arguments);
        if (run != null) {
            // Glue tells a job which workflow run started it.
            args.put("--WORKFLOW_NAME", run.workflowName);
            args.put("--WORKFLOW_RUN_ID", run.id);
        }
        try {
            String id = actions.startJob(job, args, at, predecessors);
            if (run != null) {
                run.add(key(true, job), new RunEntry.Execution(id, at, null, false));
            }
        } catch (AwsServiceException e) {
            LOG.debug("Workflow action job {} could not start: {}", job, e.getMessage());
            if (run != null) {
                run.add(key(true, job), new RunEntry.Execution(null, at, e.awsErrorDetails().errorMessage(), false));
                run.errorMessage = "Job " + job + " could not be started: " + e.awsErrorDetails().errorMessage();
            }
        }
    }

    void startCrawler(RunEntry run, String crawler, Instant at) {
        try {
            String id = actions.startCrawler(crawler, at);
            if (run != null) {
                run.add(key(false, crawler), new RunEntry.Execution(id, at, null, false));
            }
        } catch (AwsServiceException e) {
            if (run != null) {
                run.add(key(false, crawler), new RunEntry.Execution(null, at, e.awsErrorDetails().errorMessage(), false));
                run.errorMessage = "Crawler " + crawler + " could not be started: " + e.awsErrorDetails().errorMessage();
            }
        }
    }

    static String key(boolean job, String name) {
        return (job ? "JOB:" : "CRAWLER:") + name;
    }

    /** Fires what became true in {@code run}; ends it when nothing runs and nothing can fire. */
    private boolean advance(WorkflowEntry workflow, RunEntry run) {
        if (run.status == WorkflowRunStatus.RUNNING) {
            for (TriggerEntry trigger : triggers.values()) {
                if (!workflow.name.equals(trigger.workflowName) || trigger.type != TriggerType.CONDITIONAL
                        || trigger.state != TriggerState.ACTIVATED || run.fired.contains(trigger.name)) {
                    continue;
                }
                Instant at = satisfiedAt(trigger, run);
                if (at != null) {
                    run.fired.add(trigger.name);
                    startActions(run, trigger.actions, at, predecessors(trigger, run));
                    return true;
                }
            }
        }
        Instant last = run.startedOn;
        for (Map.Entry<String, List<RunEntry.Execution>> node : run.executions.entrySet()) {
            for (RunEntry.Execution e : node.getValue()) {
                Outcome o = outcome(node.getKey(), e);
                if (o.state == null) {
                    return false;
                }
                if (!e.carried() && o.completedOn != null && o.completedOn.isAfter(last)) {
                    last = o.completedOn;
                }
            }
        }
        run.completedOn = last;
        run.status = run.status == WorkflowRunStatus.STOPPING ? WorkflowRunStatus.STOPPED
                : run.errorMessage != null ? WorkflowRunStatus.ERROR : WorkflowRunStatus.COMPLETED;
        LOG.debug("Workflow {} run {} ended {} at {}", workflow.name, run.id, run.status, last);
        return true;
    }

    /**
     * The job runs whose outcome fired a conditional trigger: GetJobRun reports them as the PredecessorRuns
     * of the runs the trigger starts ("a list of predecessors to this job run", API_JobRun). Crawls have no
     * place in a Predecessor, which names a job and a run.
     */
    private List<Predecessor> predecessors(TriggerEntry trigger, RunEntry run) {
        List<Predecessor> found = new ArrayList<>();
        for (Condition c : trigger.predicate.conditions()) {
            if (c.jobName() == null) {
                continue;
            }
            List<RunEntry.Execution> list = run.executions.get(key(true, c.jobName()));
            if (list == null || list.isEmpty()) {
                continue;
            }
            RunEntry.Execution last = list.get(list.size() - 1);
            Outcome o = outcome(key(true, c.jobName()), last);
            if (last.runId() != null && o.state != null && o.state.equals(c.stateAsString())) {
                found.add(Predecessor.builder().jobName(c.jobName()).runId(last.runId()).build());
            }
        }
        return List.copyOf(found);
    }

    /** Returns when the trigger's predicate became true in the run, or null if it is not true. */
    private Instant satisfiedAt(TriggerEntry trigger, RunEntry run) {
        boolean any = trigger.predicate.logical() == Logical.ANY;
        Instant result = null;
        for (Condition c : trigger.predicate.conditions()) {
            boolean job = c.jobName() != null;
            String nodeKey = key(job, job ? c.jobName() : c.crawlerName());
            List<RunEntry.Execution> list = run.executions.get(nodeKey);
            Instant met = null;
            if (list != null && !list.isEmpty()) {
                Outcome o = outcome(nodeKey, list.get(list.size() - 1));
                String wanted = job ? c.stateAsString() : c.crawlStateAsString();
                if (o.state != null && o.state.equals(wanted)) {
                    met = o.completedOn;
                }
            }
            if (any && met != null) {
                result = result == null || met.isBefore(result) ? met : result;
            } else if (!any) {
                if (met == null) {
                    return null;
                }
                result = result == null || met.isAfter(result) ? met : result;
            }
        }
        return result;
    }

    /** The final state of an execution (null while it runs) and when it reached it. */
    record Outcome(String state, Instant completedOn) {
    }

    Outcome outcome(String nodeKey, RunEntry.Execution e) {
        if (e.runId() == null) {
            return new Outcome("ERROR", e.startedOn());
        }
        String name = nodeKey.substring(nodeKey.indexOf(':') + 1);
        if (nodeKey.startsWith("JOB:")) {
            List<JobRun> attempts = actions.attempts(name, e.runId());
            if (attempts.isEmpty()) {
                return new Outcome("ERROR", e.startedOn());
            }
            JobRun last = attempts.get(attempts.size() - 1);
            return switch (last.jobRunState()) {
                case SUCCEEDED, FAILED, TIMEOUT, STOPPED, ERROR, EXPIRED ->
                        new Outcome(last.jobRunStateAsString(), last.completedOn());
                default -> new Outcome(null, null);
            };
        }
        Crawl crawl = actions.crawl(name, e.runId());
        if (crawl == null) {
            return new Outcome("ERROR", e.startedOn());
        }
        return switch (crawl.state()) {
            case SUCCEEDED, FAILED, CANCELLED, ERROR -> new Outcome(crawl.stateAsString(), crawl.completedOn());
            default -> new Outcome(null, null);
        };
    }

    /** The workflow's triggers, by name. */
    List<TriggerEntry> triggersOf(String workflow) {
        List<TriggerEntry> list = new ArrayList<>();
        for (TriggerEntry t : triggers.values()) {
            if (workflow.equals(t.workflowName)) {
                list.add(t);
            }
        }
        return list;
    }

    /** Node keys downstream of {@code from} (inclusive) through the workflow's conditional triggers. */
    Map<String, Boolean> downstream(String workflow, List<String> from) {
        Map<String, Boolean> seen = new HashMap<>();
        List<String> queue = new ArrayList<>(from);
        while (!queue.isEmpty()) {
            String node = queue.remove(queue.size() - 1);
            if (seen.put(node, true) != null) {
                continue;
            }
            for (TriggerEntry t : triggersOf(workflow)) {
                if (t.type == TriggerType.CONDITIONAL && mentions(t, node)) {
                    for (Action a : t.actions) {
                        queue.add(key(a.jobName() != null, a.jobName() != null ? a.jobName() : a.crawlerName()));
                    }
                }
            }
        }
        return seen;
    }

    static boolean mentions(TriggerEntry t, String nodeKey) {
        for (Condition c : t.predicate.conditions()) {
            boolean job = c.jobName() != null;
            if (key(job, job ? c.jobName() : c.crawlerName()).equals(nodeKey)) {
                return true;
            }
        }
        return false;
    }
}
