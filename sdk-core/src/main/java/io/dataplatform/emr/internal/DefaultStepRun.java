package io.dataplatform.emr.internal;

import io.dataplatform.OperationTimeoutException;
import io.dataplatform.emr.StepFailedException;
import io.dataplatform.emr.StepRun;
import io.dataplatform.emr.StepState;
import io.dataplatform.emr.StepStatus;
import io.dataplatform.internal.Checks;
import io.dataplatform.internal.Poller;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import software.amazon.awssdk.services.emr.model.StepCancellationOption;

/** A step handle: reads go through DescribeStep; waits through the platform's {@link Poller}. */
final class DefaultStepRun implements StepRun {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofHours(24);
    private static final Duration FIRST_POLL = Duration.ofSeconds(5);
    private static final Duration MAX_POLL = Duration.ofSeconds(30);

    private final EmrContext context;
    private final String clusterId;
    private final String id;
    private final List<Consumer<StepStatus>> listeners = new CopyOnWriteArrayList<>();
    private volatile StepState lastState;

    DefaultStepRun(EmrContext context, String clusterId, String id) {
        this.context = context;
        this.clusterId = clusterId;
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String clusterId() {
        return clusterId;
    }

    @Override
    public StepStatus status() {
        return EmrMapping.step(clusterId, context.invoker().call("DescribeStep", clusterId + "/" + id,
                () -> context.emr().describeStep(r -> r.clusterId(clusterId).stepId(id))).step());
    }

    @Override
    public StepRun await() {
        return await(DEFAULT_TIMEOUT);
    }

    @Override
    public StepRun await(Duration timeout) {
        Checks.positive(timeout, "timeout");
        StepStatus status = Poller.builder(context.platform(), "EMR step " + id).firstPause(FIRST_POLL)
                .maxPause(MAX_POLL).build()
                .await(this::status, s -> s.state().isTerminal(), this::observe, timeout,
                        last -> new OperationTimeoutException(this, "EMR step " + id + " on cluster " + clusterId
                                + " did not finish within " + timeout + (last == null ? ": its status could not be read"
                                : ": last state " + last.state()) + "; it keeps running: call await() again on"
                                + " OperationTimeoutException.handle(), or cancel() it"));
        if (status.state() != StepState.COMPLETED) {
            throw new StepFailedException(status, "EMR step " + id + " ('" + status.name() + "') on cluster " + clusterId
                    + " ended " + status.state() + status.failure().map(f -> ": " + f).orElse("")
                    + status.log().map(l -> " (log: " + l + ")").orElse(""));
        }
        return this;
    }

    @Override
    public StepRun onProgress(Consumer<StepStatus> listener) {
        listeners.add(Checks.notNull(listener, "listener"));
        return this;
    }

    private void observe(StepStatus status) {
        if (status.state() != lastState) {
            lastState = status.state();
            listeners.forEach(listener -> listener.accept(status));
        }
    }

    @Override
    public void cancel() {
        context.invoker().run("CancelSteps", clusterId + "/" + id, () -> context.emr().cancelSteps(r -> r.clusterId(clusterId)
                .stepIds(id).stepCancellationOption(StepCancellationOption.SEND_INTERRUPT)));
    }

    @Override
    public String toString() {
        return "StepRun{" + clusterId + "/" + id + "}";
    }
}
