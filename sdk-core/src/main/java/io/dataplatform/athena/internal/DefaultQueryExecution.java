package io.dataplatform.athena.internal;

import io.dataplatform.athena.QueryExecution;
import io.dataplatform.athena.QueryFailedException;
import io.dataplatform.athena.QueryResult;
import io.dataplatform.athena.QueryState;
import io.dataplatform.athena.QueryStatus;
import io.dataplatform.athena.QueryTimeoutException;
import io.dataplatform.cost.Money;
import io.dataplatform.cost.internal.DefaultCostLedger;
import io.dataplatform.internal.Checks;
import io.dataplatform.internal.Poller;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import software.amazon.awssdk.services.athena.model.QueryExecutionStatus;
import software.amazon.awssdk.services.athena.model.StatementType;

/**
 * Polls GetQueryExecution through the platform's {@link Poller} (200 ms, x1.5, at most 5 s) until
 * the query finishes or the wait runs out; a status read that fails transiently (throttling, 5xx)
 * after the platform's retries is waited out too. Never resubmits: a timed-out
 * wait either hands this handle back or, for {@code run()}, stops the query.
 */
final class DefaultQueryExecution implements QueryExecution {

    private final AthenaContext context;
    private final RowMapper mapper;
    private final String id;
    private final DefaultCostLedger.Slot slot;
    private final List<Consumer<QueryStatus>> listeners = new CopyOnWriteArrayList<>();
    private final Poller poller;

    /** {@code slot} is the ledger entry to settle when the query finishes, or null for an adopted query. */
    DefaultQueryExecution(AthenaContext context, RowMapper mapper, String id, DefaultCostLedger.Slot slot) {
        this.context = context;
        this.mapper = mapper;
        this.id = id;
        this.slot = slot;
        this.poller = Poller.builder(context.platform(), "Athena query " + id)
                .firstPause(Duration.ofMillis(200)).maxPause(Duration.ofSeconds(5)).build();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public QueryStatus status() {
        return poll().status();
    }

    @Override
    public QueryResult await() {
        return awaitUntil(null);
    }

    @Override
    public QueryResult await(Duration timeout) {
        Checks.positive(timeout, "timeout");
        return awaitUntil(timeout);
    }

    /**
     * Waits up to {@code timeout} for {@code run()}, which hands no handle back: whatever ends the
     * wait early (the timeout, or a status that could not be read) stops the query, so nothing keeps
     * running and billing unseen, and its ledger entry is settled from Athena's last statistics.
     */
    QueryResult awaitOrCancel(Duration timeout) {
        try {
            return await(timeout);
        } catch (QueryTimeoutException e) {
            QueryTimeoutException timedOut = new QueryTimeoutException(this, "Athena query " + id + " did not finish within "
                    + timeout + " and was cancelled (StopQueryExecution); raise the limit with .timeout(..) on the query");
            if (!stop(timedOut)) {
                timedOut = new QueryTimeoutException(this, "Athena query " + id + " did not finish within " + timeout
                        + " and could not be stopped (see the suppressed error); stop it with StopQueryExecution " + id);
                stop(timedOut);
            }
            throw timedOut;
        } catch (QueryFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            stop(e);
            throw e;
        }
    }

    /** Stops the query and reads its final statistics; returns false (failure suppressed into {@code reason}) if it could not. */
    private boolean stop(RuntimeException reason) {
        try {
            cancel();
        } catch (RuntimeException e) {
            reason.addSuppressed(e);
            return false;
        }
        try {
            poll();
        } catch (RuntimeException e) {
            reason.addSuppressed(e);
        }
        return true;
    }

    @Override
    public void cancel() {
        context.athenaInvoker().run("StopQueryExecution", id,
                () -> context.athena().get().stopQueryExecution(r -> r.queryExecutionId(id)));
    }

    @Override
    public QueryExecution onProgress(Consumer<QueryStatus> listener) {
        listeners.add(Checks.notNull(listener, "listener"));
        return this;
    }

    private QueryResult awaitUntil(Duration timeout) {
        Polled polled = poller.await(this::poll, p -> p.status().state().isTerminal(),
                p -> listeners.forEach(listener -> listener.accept(p.status())), timeout, last -> last == null
                        ? new QueryTimeoutException(this, "Athena query " + id + "'s status could not be read within "
                                + timeout + "; it may still be running: call await() again or cancel() on "
                                + "QueryTimeoutException.execution()")
                        : new QueryTimeoutException(this, "Athena query " + id + " is still " + last.status().state()
                                + " after " + timeout + "; it keeps running: call await() again or cancel() on "
                                + "QueryTimeoutException.execution()"));
        return finish(polled);
    }

    private QueryResult finish(Polled polled) {
        QueryStatus status = polled.status();
        if (status.state() == QueryState.SUCCEEDED) {
            return new DefaultQueryResult(context, mapper, id, polled.dml(), status.statistics(), polled.cost());
        }
        String reason = status.reason().isEmpty() ? "Athena gave no reason" : status.reason();
        String verb = status.state() == QueryState.CANCELLED ? "was cancelled" : "failed";
        throw new QueryFailedException(id, status.state(), status.reason(), "Athena query " + id + " " + verb + ": " + reason);
    }

    private record Polled(QueryStatus status, boolean dml, Money cost) {
    }

    private Polled poll() {
        software.amazon.awssdk.services.athena.model.QueryExecution execution = context.athenaInvoker().call(
                "GetQueryExecution", id, () -> context.athena().get().getQueryExecution(r -> r.queryExecutionId(id)))
                .queryExecution();
        QueryStatus status = AthenaBilling.status(id, execution.status() == null
                ? QueryExecutionStatus.builder().build() : execution.status(), execution.statistics());
        Money cost = AthenaBilling.cost(status, execution.statementType() == StatementType.DDL, context.prices());
        if (status.state().isTerminal() && slot != null) {
            slot.settle(status.statistics().bytesScanned(), cost);
        }
        return new Polled(status, execution.statementType() == StatementType.DML, cost);
    }

    @Override
    public String toString() {
        return "QueryExecution{id=" + id + "}";
    }
}
