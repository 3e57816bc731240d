package io.dataplatform.emr.internal;

import io.dataplatform.OperationTimeoutException;
import io.dataplatform.cost.Money;
import io.dataplatform.emr.Cluster;
import io.dataplatform.emr.ClusterState;
import io.dataplatform.emr.ClusterStatus;
import io.dataplatform.emr.ClusterTerminatedException;
import io.dataplatform.emr.Step;
import io.dataplatform.emr.StepRun;
import io.dataplatform.emr.StepStatus;
import io.dataplatform.internal.Checks;
import io.dataplatform.internal.Poller;
import io.dataplatform.s3.S3Location;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import software.amazon.awssdk.services.emr.model.ListStepsResponse;

/** A cluster handle: reads go through DescribeCluster; waits through the platform's {@link Poller}. */
final class DefaultCluster implements Cluster {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);
    private static final Duration FIRST_POLL = Duration.ofSeconds(5);
    private static final Duration MAX_POLL = Duration.ofSeconds(30);

    private final EmrContext context;
    private final String id;
    private final S3Location codeLocation;
    private final Money hourly;
    private final List<Consumer<ClusterStatus>> listeners = new CopyOnWriteArrayList<>();
    private volatile ClusterState lastState;
    private volatile String releaseLabel;

    DefaultCluster(EmrContext context, String id, S3Location codeLocation, Money hourly) {
        this.context = context;
        this.id = id;
        this.codeLocation = codeLocation;
        this.hourly = hourly;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ClusterStatus status() {
        ClusterStatus status = EmrMapping.cluster(context.invoker().call("DescribeCluster", id,
                () -> context.emr().describeCluster(r -> r.clusterId(id))).cluster());
        releaseLabel = status.releaseLabel();
        context.observe(status);
        return status;
    }

    @Override
    public Cluster await() {
        return await(DEFAULT_TIMEOUT);
    }

    @Override
    public Cluster await(Duration timeout) {
        Checks.positive(timeout, "timeout");
        ClusterStatus status = poller().await(this::status, s -> s.state().isReady() || s.state().isEnding(),
                this::observe, timeout, last -> new OperationTimeoutException(this, "EMR cluster " + id
                        + " was not ready within " + timeout + (last == null ? ": its status could not be read"
                        : ": last state " + last.state()) + "; it keeps starting: call await() again on"
                        + " OperationTimeoutException.handle(), or terminate() it"));
        if (status.state().isEnding()) {
            throw new ClusterTerminatedException(status, "EMR cluster " + id + " ('" + status.name() + "') shut down"
                    + " instead of becoming ready: " + status.state() + status.reason().map(r -> " (" + r + ")").orElse(""));
        }
        return this;
    }

    @Override
    public Cluster onProgress(Consumer<ClusterStatus> listener) {
        listeners.add(Checks.notNull(listener, "listener"));
        return this;
    }

    private void observe(ClusterStatus status) {
        if (status.state() != lastState) {
            lastState = status.state();
            listeners.forEach(listener -> listener.accept(status));
        }
    }

    private Poller poller() {
        return Poller.builder(context.platform(), "EMR cluster " + id).firstPause(FIRST_POLL).maxPause(MAX_POLL).build();
    }

    @Override
    public StepRun submit(Step step) {
        Checks.notNull(step, "step");
        String label = releaseLabel != null ? releaseLabel : status().releaseLabel();
        StepCommands.check(step, label, codeLocation);
        var config = StepCommands.config(context, step, label, codeLocation);
        List<String> ids = context.invoker().call("AddJobFlowSteps", id,
                () -> context.emr().addJobFlowSteps(r -> r.jobFlowId(id).steps(config))).stepIds();
        return new DefaultStepRun(context, id, ids.get(0));
    }

    @Override
    public StepRun step(String stepId) {
        Checks.notEmpty(stepId, "stepId");
        return new DefaultStepRun(context, id, stepId);
    }

    @Override
    public List<StepStatus> steps() {
        List<StepStatus> all = new ArrayList<>();
        String marker = null;
        do {
            String page = marker;
            ListStepsResponse response = context.invoker().call("ListSteps", id,
                    () -> context.emr().listSteps(r -> r.clusterId(id).marker(page)));
            response.steps().forEach(s -> all.add(EmrMapping.step(id, s)));
            marker = response.marker();
        } while (marker != null);
        return List.copyOf(all);
    }

    @Override
    public void terminate() {
        context.invoker().run("TerminateJobFlows", id, () -> context.emr().terminateJobFlows(r -> r.jobFlowIds(id)));
    }

    @Override
    public ClusterStatus awaitTermination(Duration timeout) {
        Checks.positive(timeout, "timeout");
        return poller().await(this::status, s -> s.state().isTerminal(), this::observe, timeout,
                last -> new OperationTimeoutException(this, "EMR cluster " + id + " did not shut down within " + timeout
                        + (last == null ? "" : ": last state " + last.state())));
    }

    @Override
    public Optional<Money> hourlyCost() {
        return Optional.ofNullable(hourly);
    }

    @Override
    public String toString() {
        return "Cluster{" + id + "}";
    }
}
