package io.dataplatform.emr;

import io.dataplatform.cost.Money;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An EMR cluster. Thread-safe. A cluster created by this platform enters its cost in the platform's
 * {@code CostLedger} (per second, one-minute minimum) once it is seen terminated.
 *
 * <pre>{@code
 * Cluster cluster = platform.emr().cluster("nightly").create().await();
 * cluster.submit(SparkStep.of(CleanSales.class).args("--date", "2024-01-31")).await();
 * cluster.terminate();
 * }</pre>
 */
public interface Cluster {

    /** Returns the cluster id, {@code j-...}. */
    String id();

    /** Reads the cluster's status now (one DescribeCluster call). */
    ClusterStatus status();

    /**
     * Waits until the cluster can run steps (RUNNING or WAITING), polling with backoff on the platform's
     * clock, for up to one hour.
     *
     * @throws ClusterTerminatedException if it shut down instead, with EMR's state-change reason
     * @throws io.dataplatform.OperationTimeoutException if it was still starting, handing this cluster back
     */
    Cluster await();

    /** Waits up to {@code timeout}; see {@link #await()}. */
    Cluster await(Duration timeout);

    /** Registers a listener told of every state change seen while waiting; returns this cluster. */
    Cluster onProgress(Consumer<ClusterStatus> listener);

    /**
     * Submits {@code step} (AddJobFlowSteps); a {@link SparkStep}'s jar is uploaded first if it is not in S3 yet.
     *
     * @throws IllegalArgumentException if the cluster's release cannot run the step (a SparkJob on EMR 7.x),
     *                                  or a SparkStep has no code location
     */
    StepRun submit(Step step);

    /** Returns a handle on the step {@code stepId} of this cluster. */
    StepRun step(String stepId);

    /** Lists the cluster's steps, newest first (ListSteps, every page). */
    List<StepStatus> steps();

    /** Asks EMR to terminate the cluster (TerminateJobFlows); running steps are cancelled. */
    void terminate();

    /**
     * Waits until the cluster has shut down and returns its final status; its cost is then in the ledger.
     *
     * @throws io.dataplatform.OperationTimeoutException if it was still running after {@code timeout}
     */
    ClusterStatus awaitTermination(Duration timeout);

    /** Returns the estimated hourly price of a cluster this platform created, if the price list knows every type. */
    Optional<Money> hourlyCost();
}
