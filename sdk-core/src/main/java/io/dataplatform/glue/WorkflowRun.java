package io.dataplatform.glue;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * A started run of a workflow.
 *
 * <pre>{@code
 * WorkflowRun run = nightly.start()
 *         .onNodeChange(n -> log.info("{} is {}", n.name(), n.state()))
 *         .await(Duration.ofHours(2));
 * if (!run.status().failedNodes().isEmpty()) {
 *     run = run.resume().await();            // reruns the failed nodes and what depends on them
 * }
 * }</pre>
 */
public interface WorkflowRun {

    /** Returns the workflow's name. */
    String workflow();

    /** Returns the run's id. */
    String id();

    /** Registers a listener told of the run's status each time its state or a node's state changes while waiting; returns this run. */
    WorkflowRun onProgress(Consumer<WorkflowRunStatus> listener);

    /** Registers a listener told of each node whose state (or attempt) changed while waiting; returns this run. */
    WorkflowRun onNodeChange(Consumer<WorkflowNodeRun> listener);

    /**
     * Waits until the run has ended (COMPLETED, STOPPED or ERROR), however long that takes; returns
     * this run. A run whose nodes failed still COMPLETES: look at {@link WorkflowRunStatus#failedNodes()}.
     */
    WorkflowRun await();

    /**
     * Waits up to {@code timeout}; returns this run.
     *
     * @throws io.dataplatform.OperationTimeoutException with this run as its handle, if it has not ended in time
     */
    WorkflowRun await(Duration timeout);

    /** Returns the run's status and graph (one GetWorkflowRun call). */
    WorkflowRunStatus status();

    /**
     * Reruns the nodes that failed, timed out, were stopped or could not start, and every node
     * downstream of them (Glue's ResumeWorkflowRun); returns the resumed run, which has a new id.
     *
     * @throws IllegalStateException                     if no node failed
     * @throws io.dataplatform.ResourceConflictException if the run has not ended
     */
    WorkflowRun resume();

    /** Stops the run: no trigger fires any more; running actions finish (StopWorkflowRun). */
    void stop();
}
