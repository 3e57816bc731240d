package io.dataplatform.glue.internal;

import io.dataplatform.OperationTimeoutException;
import io.dataplatform.cost.DataSize;
import io.dataplatform.cost.GluePrices;
import io.dataplatform.cost.Money;
import io.dataplatform.cost.internal.DefaultCostLedger;
import io.dataplatform.glue.JobRun;
import io.dataplatform.glue.JobRunFailedException;
import io.dataplatform.glue.JobRunState;
import io.dataplatform.glue.JobRunStatus;
import io.dataplatform.internal.Checks;
import io.dataplatform.internal.Poller;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Follows one run through its attempts: GetJobRun on the latest attempt, and when that attempt FAILED
 * with retries left, GetJobRuns to find the attempt Glue started in its place (PreviousRunId). The
 * run's cost is settled in the ledger once, from every attempt's DPU-seconds, when the last one ends.
 */
final class DefaultJobRun implements JobRun {
    private static final Duration FIRST_POLL = Duration.ofSeconds(5);
    private static final Duration MAX_POLL = Duration.ofSeconds(30);
    /** How long a FAILED attempt with retries left may go without its retry being listed before it counts as final. */
    private static final Duration RETRY_GRACE = Duration.ofMinutes(2);

    private final DefaultGlueCatalog.GlueAccess glue;
    private final GluePrices prices;
    private final DefaultJob job;
    private final String firstId;
    private final int maxRetries;
    private final boolean flex;
    private final DefaultCostLedger.Slot slot;
    private final List<Consumer<JobRunStatus>> listeners = new CopyOnWriteArrayList<>();
    /** The attempts seen, first first; the last one is the latest. */
    private final List<JobRunStatus> attempts = new ArrayList<>();
    private String currentId;
    private JobRunStatus lastSeen;
    /** When the latest attempt was first seen FAILED with retries left and no retry listed; null otherwise. */
    private Instant awaitingRetrySince;

    DefaultJobRun(DefaultGlueCatalog.GlueAccess glue, GluePrices prices, DefaultJob job, String runId, int maxRetries,
                  boolean flex, DefaultCostLedger.Slot slot) {
        this.glue = glue;
        this.prices = prices;
        this.job = job;
        this.firstId = runId;
        this.currentId = runId;
        this.maxRetries = maxRetries;
        this.flex = flex;
        this.slot = slot;
    }

    @Override
    public String job() {
        return job.name();
    }

    @Override
    public String id() {
        return firstId;
    }

    @Override
    public JobRun onProgress(Consumer<JobRunStatus> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    @Override
    public JobRun await() {
        return awaitFor(null);
    }

    @Override
    public JobRun await(Duration timeout) {
        return awaitFor(Checks.positive(timeout, "timeout"));
    }

    private synchronized JobRun awaitFor(Duration timeout) {
        Instant started = glue.context().clock().instant();
        Poller poller = Poller.builder(glue.context(), "Glue job run " + job.name() + "/" + firstId)
                .firstPause(FIRST_POLL).maxPause(MAX_POLL).build();
        JobRunStatus last = poller.await(this::read, this::ended, s -> { }, timeout,
                s -> new OperationTimeoutException(this, "Glue job run " + job.name() + "/" + firstId
                        + " did not end within " + timeout + ": last state " + (s == null ? "unknown" : s.state()
                        + " (attempt " + s.attempt() + ")") + " after waiting "
                        + Duration.between(started, glue.context().clock().instant())
                        + "; the run goes on: await() again or stop() it"));
        settle();
        if (last.state() == JobRunState.FAILED || last.state() == JobRunState.TIMEOUT
                || last.state() == JobRunState.ERROR) {
            throw new JobRunFailedException(last, "Glue job run " + job.name() + "/" + last.runId() + " ended "
                    + last.state() + " on attempt " + last.attempt() + " of " + (maxRetries + 1)
                    + (last.errorMessage().isEmpty() ? "" : ": " + last.errorMessage()));
        }
        return this;
    }

    @Override
    public synchronized JobRunStatus status() {
        return read();
    }

    /** Reads the latest attempt; moves on to its retry when Glue has started one. */
    private synchronized JobRunStatus read() {
        JobRunStatus status = job.status(currentId);
        observe(status);
        while (status.state() == JobRunState.FAILED && status.attempt() < maxRetries) {
            JobRunStatus retry = retryOf(status.runId());
            if (retry == null) {
                // Glue lists the retry soon after the attempt fails; give it a while before calling the run over.
                if (awaitingRetrySince == null) {
                    awaitingRetrySince = glue.context().clock().instant();
                }
                break;
            }
            awaitingRetrySince = null;
            currentId = retry.runId();
            status = retry;
            observe(status);
        }
        return status;
    }

    private JobRunStatus retryOf(String runId) {
        for (JobRunStatus run : job.runs()) {
            if (run.previousRunId().equals(runId)) {
                return run;
            }
        }
        return null;
    }

    private void observe(JobRunStatus status) {
        int index = -1;
        for (int i = 0; i < attempts.size(); i++) {
            if (attempts.get(i).runId().equals(status.runId())) {
                index = i;
            }
        }
        if (index < 0) {
            attempts.add(status);
        } else {
            attempts.set(index, status);
        }
        if (lastSeen == null || !lastSeen.runId().equals(status.runId()) || lastSeen.state() != status.state()) {
            listeners.forEach(listener -> listener.accept(status));
        }
        lastSeen = status;
    }

    private boolean ended(JobRunStatus status) {
        boolean retryMayCome = status.state() == JobRunState.FAILED && status.attempt() < maxRetries
                && awaitingRetrySince != null
                && Duration.between(awaitingRetrySince, glue.context().clock().instant()).compareTo(RETRY_GRACE) < 0;
        return status.isFinal() && !retryMayCome;
    }

    private void settle() {
        slot.settle(DataSize.ZERO, cost());
    }

    @Override
    public synchronized int attempt() {
        return lastSeen == null ? 0 : lastSeen.attempt();
    }

    @Override
    public synchronized String errorMessage() {
        return lastSeen == null ? "" : lastSeen.errorMessage();
    }

    @Override
    public synchronized double dpuSeconds() {
        return attempts.stream().mapToDouble(JobRunStatus::dpuSeconds).sum();
    }

    @Override
    public synchronized Money cost() {
        Money total = Money.ZERO;
        for (JobRunStatus attempt : attempts) {
            if (attempt.dpuSeconds() > 0 && attempt.capacity() > 0) {
                total = total.plus(prices.jobRunFromDpuSeconds(attempt.dpuSeconds(), attempt.capacity(), flex));
            }
        }
        return total;
    }

    @Override
    public synchronized List<JobRunStatus> attempts() {
        return List.copyOf(attempts);
    }

    @Override
    public synchronized void stop() {
        String runId = currentId;
        var response = glue.call("BatchStopJobRun", job.name() + "/" + runId,
                c -> c.batchStopJobRun(r -> r.jobName(job.name()).jobRunIds(runId)));
        if (!response.errors().isEmpty()) {
            var error = response.errors().get(0);
            throw new io.dataplatform.ResourceConflictException("Cannot stop Glue job run " + job.name() + "/" + runId
                    + ": " + (error.errorDetail() == null ? "refused" : error.errorDetail().errorCode() + ": "
                    + error.errorDetail().errorMessage()));
        }
    }

    @Override
    public String toString() {
        return "JobRun[" + job.name() + "/" + firstId + "]";
    }
}
