package io.dataplatform.glue;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A crawler's state and the outcome of its last crawl, as GetCrawler reports them. */
public final class CrawlerStatus {
    private final String crawler;
    private final CrawlerState state;
    private final String lastCrawlStatus;
    private final String lastCrawlError;
    private final Instant lastCrawlStart;

    private CrawlerStatus(String crawler, CrawlerState state, String lastCrawlStatus, String lastCrawlError,
                          Instant lastCrawlStart) {
        this.crawler = crawler;
        this.state = state;
        this.lastCrawlStatus = lastCrawlStatus;
        this.lastCrawlError = lastCrawlError == null ? "" : lastCrawlError;
        this.lastCrawlStart = lastCrawlStart;
    }

    /** Returns the status of a crawler that has never crawled. */
    public static CrawlerStatus of(String crawler, CrawlerState state) {
        return new CrawlerStatus(crawler, state, null, null, null);
    }

    /**
     * Returns the status of a crawler that has crawled.
     *
     * @param lastCrawlStatus {@code SUCCEEDED}, {@code FAILED} or {@code CANCELLED}
     */
    public static CrawlerStatus of(String crawler, CrawlerState state, String lastCrawlStatus, String lastCrawlError,
                                   Instant lastCrawlStart) {
        return new CrawlerStatus(crawler, state, Objects.requireNonNull(lastCrawlStatus, "lastCrawlStatus"),
                lastCrawlError, Objects.requireNonNull(lastCrawlStart, "lastCrawlStart"));
    }

    /** Returns the crawler's name. */
    public String crawler() {
        return crawler;
    }

    /** Returns the crawler's state. */
    public CrawlerState state() {
        return state;
    }

    /** Returns the last crawl's status ({@code SUCCEEDED}, {@code FAILED}, {@code CANCELLED}), if it has crawled. */
    public Optional<String> lastCrawlStatus() {
        return Optional.ofNullable(lastCrawlStatus);
    }

    /** Returns the last crawl's error message, empty if none. */
    public String lastCrawlError() {
        return lastCrawlError;
    }

    /** Returns when the last crawl started, if it has crawled. */
    public Optional<Instant> lastCrawlStart() {
        return Optional.ofNullable(lastCrawlStart);
    }

    @Override
    public String toString() {
        return "CrawlerStatus[" + crawler + " " + state + (lastCrawlStatus == null ? "" : ", last crawl " + lastCrawlStatus
                + " at " + lastCrawlStart) + "]";
    }
}
