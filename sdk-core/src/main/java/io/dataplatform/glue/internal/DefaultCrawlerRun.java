package io.dataplatform.glue.internal;

import io.dataplatform.DataPlatformException;
import io.dataplatform.OperationTimeoutException;
import io.dataplatform.internal.Poller;
import io.dataplatform.glue.CrawlerRun;
import io.dataplatform.glue.CrawlerState;
import io.dataplatform.glue.CrawlerStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import software.amazon.awssdk.services.glue.model.CrawlerMetrics;

/**
 * Waits for one crawl by polling GetCrawler through the platform's {@link Poller}, then reads
 * the crawl's counts from GetCrawlerMetrics (which describes the crawler's last crawl).
 */
final class DefaultCrawlerRun implements CrawlerRun {
    private static final Duration FIRST_POLL = Duration.ofSeconds(2);
    private static final Duration MAX_POLL = Duration.ofSeconds(15);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofHours(24);

    private final DefaultGlueCatalog.GlueAccess glue;
    private final DefaultCrawler crawler;
    private final Instant previousCrawlStart;
    private final List<Consumer<CrawlerState>> listeners = new CopyOnWriteArrayList<>();
    private CrawlerState lastState;
    private boolean seenRunning;
    private Outcome outcome;

    DefaultCrawlerRun(DefaultGlueCatalog.GlueAccess glue, DefaultCrawler crawler, Instant previousCrawlStart) {
        this.glue = glue;
        this.crawler = crawler;
        this.previousCrawlStart = previousCrawlStart;
    }

    private record Outcome(boolean succeeded, int created, int updated, int deleted, List<String> errors) {
    }

    @Override
    public String crawler() {
        return crawler.name();
    }

    @Override
    public CrawlerRun onProgress(Consumer<CrawlerState> listener) {
        listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
        return this;
    }

    @Override
    public CrawlerRun await() {
        return await(DEFAULT_TIMEOUT);
    }

    @Override
    public synchronized CrawlerRun await(Duration timeout) {
        io.dataplatform.internal.Checks.positive(timeout, "timeout");
        if (outcome != null) {
            return this;
        }
        Poller poller = Poller.builder(glue.context(), "crawler '" + crawler.name() + "'")
                .firstPause(FIRST_POLL).maxPause(MAX_POLL).build();
        CrawlerStatus status = poller.await(crawler::status, this::isDone, s -> observe(s.state()), timeout,
                last -> new OperationTimeoutException(this, "Crawler '" + crawler.name() + "' did not finish within "
                        + timeout + (last == null ? ": its status could not be read" : ": last state " + last.state())
                        + "; it keeps running: call await() again on OperationTimeoutException.handle()"));
        outcome = outcome(status);
        if (status.lastCrawlStatus().filter("FAILED"::equals).isPresent()) {
            throw new DataPlatformException("Crawler '" + crawler.name() + "' failed: " + status.lastCrawlError());
        }
        return this;
    }

    private void observe(CrawlerState state) {
        if (state != CrawlerState.READY) {
            seenRunning = true;
        }
        if (state != lastState) {
            lastState = state;
            listeners.forEach(listener -> listener.accept(state));
        }
    }

    private boolean isDone(CrawlerStatus status) {
        if (status.state() != CrawlerState.READY) {
            return false;
        }
        Instant lastStart = status.lastCrawlStart().orElse(null);
        boolean newCrawl = lastStart != null && (previousCrawlStart == null || lastStart.isAfter(previousCrawlStart));
        return seenRunning || newCrawl;
    }

    private Outcome outcome(CrawlerStatus status) {
        var response = glue.call("GetCrawlerMetrics", crawler.name(),
                c -> c.getCrawlerMetrics(r -> r.crawlerNameList(crawler.name())));
        CrawlerMetrics metrics = response.crawlerMetricsList().stream().findFirst().orElse(null);
        List<String> errors = status.lastCrawlError().isEmpty() ? List.of() : List.of(status.lastCrawlError());
        boolean succeeded = status.lastCrawlStatus().map("SUCCEEDED"::equals).orElse(false);
        if (metrics == null) {
            return new Outcome(succeeded, 0, 0, 0, errors);
        }
        return new Outcome(succeeded, intOf(metrics.tablesCreated()), intOf(metrics.tablesUpdated()),
                intOf(metrics.tablesDeleted()), errors);
    }

    private static int intOf(Integer value) {
        return value == null ? 0 : value;
    }

    @Override
    public CrawlerStatus status() {
        return crawler.status();
    }

    @Override
    public synchronized boolean finished() {
        return outcome != null;
    }

    @Override
    public synchronized boolean succeeded() {
        return finishedOutcome().succeeded();
    }

    @Override
    public synchronized int tablesCreated() {
        return finishedOutcome().created();
    }

    @Override
    public synchronized int tablesUpdated() {
        return finishedOutcome().updated();
    }

    @Override
    public synchronized int tablesDeleted() {
        return finishedOutcome().deleted();
    }

    @Override
    public synchronized List<String> errors() {
        return finishedOutcome().errors();
    }

    private Outcome finishedOutcome() {
        if (outcome == null) {
            throw new IllegalStateException("The crawl of '" + crawler.name() + "' has not finished: call await() first");
        }
        return outcome;
    }
}
