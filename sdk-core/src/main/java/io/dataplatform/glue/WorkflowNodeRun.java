package io.dataplatform.glue;

import io.dataplatform.internal.Checks;
import io.dataplatform.cost.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One node of a workflow run: its state, the job run attempts (each retry its own attempt, with
 * its attempt number) or the crawls it ran, when, and what its attempts cost.
 *
 * @param id          Glue's unique id of the node in the workflow graph (what ResumeWorkflowRun takes)
 * @param node        the job or crawler
 * @param state       its state in this run
 * @param attempts    a job's run attempts in this run, first first; empty for a crawler
 * @param crawls      a crawler's crawls in this run, first first; empty for a job
 * @param startedOn   when its first attempt or crawl started, or null if it did not run
 * @param completedOn when its last one ended, or null if it did not run or still runs
 * @param dpuSeconds  the DPU-seconds of its job attempts
 * @param cost        what its job attempts cost at the platform's Glue prices (crawls are not priced here)
 */
public record WorkflowNodeRun(String id, WorkflowNode node, WorkflowNodeState state, List<JobRunStatus> attempts,
                             List<WorkflowCrawl> crawls, Instant startedOn, Instant completedOn, double dpuSeconds,
                             Money cost) {

    /** Copies the lists. */
    public WorkflowNodeRun {
        attempts = Checks.copyOf(attempts, "attempts");
        crawls = Checks.copyOf(crawls, "crawls");
    }

    /** Returns the node's name. */
    public String name() {
        return node.name();
    }

    /** Returns how long it ran, first start to last end, if it has ended. */
    public Optional<Duration> duration() {
        return startedOn == null || completedOn == null ? Optional.empty()
                : Optional.of(Duration.between(startedOn, completedOn));
    }

    @Override
    public String toString() {
        return node.describe() + " " + state + (attempts.size() > 1 ? " after " + attempts.size() + " attempts" : "");
    }
}
