package io.dataplatform.glue;

/**
 * Defines a Glue workflow: a start trigger (on demand, or on a schedule) and conditional triggers
 * that run crawlers and jobs in dependency order. {@link #create()} validates the whole graph before
 * any call, then creates the workflow and its triggers, or brings existing ones in line (a second
 * {@code create()} of the same definition writes nothing).
 *
 * <pre>{@code
 * Workflow nightly = platform.glue().workflow("nightly")
 *         .schedule(Schedule.cron("0 2 * * ? *"))
 *         .then(rawCrawler)                          // started by the start trigger
 *         .then(cleanJob)                            // after the crawl SUCCEEDED
 *         .onFailure(WorkflowNode.of(cleanJob), WorkflowNode.job("email-team"))
 *         .then(curatedCrawler)
 *         .create();
 * WorkflowRun run = nightly.start().await();
 * }</pre>
 */
public interface WorkflowBuilder {

    /** Sets the workflow's description. */
    WorkflowBuilder description(String description);

    /** Starts the workflow on a schedule (Glue's SCHEDULED start trigger, UTC, at most every 5 minutes). */
    WorkflowBuilder schedule(Schedule schedule);

    /**
     * Starts the workflow on the AWS 6-field cron {@code expression}.
     *
     * @throws IllegalArgumentException naming the workflow, the expression and the rule it breaks
     */
    WorkflowBuilder schedule(String expression);

    /** Starts the workflow only when asked ({@link Workflow#start()}); the default. */
    WorkflowBuilder onDemand();

    /** Limits how many runs of the workflow may run at once (Glue's MaxConcurrentRuns); unlimited by default. */
    WorkflowBuilder maxConcurrentRuns(int max);

    /** Adds a default run property, which every run's jobs can read (Glue's DefaultRunProperties). */
    WorkflowBuilder runProperty(String name, String value);

    /** Runs {@code nodes} when the workflow starts (the start trigger's actions); several run in parallel. */
    WorkflowBuilder start(WorkflowNode... nodes);

    /** Runs {@code nodes} when {@code condition} holds in a run (a conditional trigger); several run in parallel (fan-out). */
    WorkflowBuilder after(TriggerCondition condition, WorkflowNode... nodes);

    /**
     * Runs {@code node} after every node of the previous step ({@link #start}, {@link #after} or
     * {@code then}) succeeded: a sequence after one node, a fan-in after several. The first step of a
     * workflow is its start.
     */
    WorkflowBuilder then(WorkflowNode node);

    /** As {@link #then(WorkflowNode)} for a job. */
    default WorkflowBuilder then(Job job) {
        return then(WorkflowNode.of(job));
    }

    /** As {@link #then(WorkflowNode)} for a crawler. */
    default WorkflowBuilder then(Crawler crawler) {
        return then(WorkflowNode.of(crawler));
    }

    /**
     * Runs {@code handler} when {@code node} does not succeed (a job FAILED on its last attempt or
     * TIMEOUT, a crawl FAILED), say to email the team; the previous step stays what it was.
     */
    WorkflowBuilder onFailure(WorkflowNode node, WorkflowNode handler);

    /**
     * Validates the graph, then creates the workflow and its triggers, or updates what differs from
     * this definition (removing triggers it no longer has); the triggers are activated.
     *
     * @throws IllegalArgumentException before any call, naming the node: no start, a condition on a
     *                                  node the workflow never runs, a cycle, a node that can never run
     */
    Workflow create();
}
