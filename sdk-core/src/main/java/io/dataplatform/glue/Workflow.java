package io.dataplatform.glue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A handle on one Glue workflow.
 *
 * <pre>{@code
 * Workflow nightly = platform.glue().existingWorkflow("nightly");
 * WorkflowRun run = nightly.start().await();
 * run.status().nodes().forEach(n -> System.out.println(n + " " + n.duration().orElse(null) + " " + n.cost()));
 * }</pre>
 */
public interface Workflow {

    /** Returns the workflow's name. */
    String name();

    /**
     * Starts a run now (StartWorkflowRun): the start trigger's actions run, then the conditional
     * triggers as their conditions hold.
     *
     * @throws io.dataplatform.ResourceNotFoundException if the workflow does not exist
     * @throws io.dataplatform.ResourceConflictException if it already runs its maximum of concurrent runs
     */
    WorkflowRun start();

    /** Starts a run with these run properties on top of the workflow's defaults; see {@link #start()}. */
    WorkflowRun start(Map<String, String> runProperties);

    /** Returns a handle on the run {@code runId}, or empty if Glue has no such run of this workflow. */
    Optional<WorkflowRun> run(String runId);

    /** Returns the runs Glue keeps, most recent first, with their graphs. */
    List<WorkflowRunStatus> runs();

    /** Returns true if the workflow exists. */
    boolean exists();

    /** Deletes the workflow and its triggers; the jobs and crawlers stay. */
    void delete();
}
