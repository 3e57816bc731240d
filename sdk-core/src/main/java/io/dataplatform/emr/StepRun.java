package io.dataplatform.emr;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * A step submitted to a cluster. Thread-safe.
 *
 * <pre>{@code
 * StepRun run = cluster.submit(SparkStep.of(CleanSales.class).args("--date", "2024-01-31"));
 * run.onProgress(s -> log.info("step {}", s.state())).await(Duration.ofHours(1));
 * }</pre>
 */
public interface StepRun {

    /** Returns the step id, {@code s-...}. */
    String id();

    /** Returns the id of the cluster it runs on. */
    String clusterId();

    /** Reads the step's status now (one DescribeStep call). */
    StepStatus status();

    /**
     * Waits until the step completed, polling with backoff on the platform's clock, for up to 24 hours.
     *
     * @throws StepFailedException if it ended FAILED, CANCELLED or INTERRUPTED, with EMR's reason and log file
     * @throws io.dataplatform.OperationTimeoutException if it was still going, handing this run back
     */
    StepRun await();

    /** Waits up to {@code timeout}; see {@link #await()}. */
    StepRun await(Duration timeout);

    /** Registers a listener told of every state change seen while waiting; returns this run. */
    StepRun onProgress(Consumer<StepStatus> listener);

    /** Asks EMR to cancel the step (CancelSteps); a finished step is left as it is. */
    void cancel();
}
