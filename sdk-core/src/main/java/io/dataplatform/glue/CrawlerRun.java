package io.dataplatform.glue;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * A crawl that was started. {@link #await()} polls Glue with backoff (through the platform's
 * sleeper and clock) until the crawler is READY again; then the outcome methods answer.
 *
 * <pre>{@code
 * CrawlerRun run = crawler.start().onProgress(state -> log.info("crawler {}", state)).await();
 * run.tablesCreated();
 * }</pre>
 */
public interface CrawlerRun {

    /** Returns the crawler's name. */
    String crawler();

    /** Registers a listener told of every state change seen while waiting; returns this run. */
    CrawlerRun onProgress(Consumer<CrawlerState> listener);

    /**
     * Waits for the crawl to finish, up to 24 hours (Glue itself has no crawl timeout); returns this run.
     *
     * @throws io.dataplatform.DataPlatformException with Glue's error message if the crawl failed
     */
    CrawlerRun await();

    /**
     * Waits up to {@code timeout} for the crawl to finish; returns this run.
     *
     * @throws io.dataplatform.OperationTimeoutException naming the crawler and its last state if it has not finished
     *                                                   in time (the crawl keeps running; the exception hands this run back)
     * @throws io.dataplatform.DataPlatformException with Glue's error if the crawl failed
     */
    CrawlerRun await(Duration timeout);

    /** Returns the crawler's current status (one GetCrawler call). */
    CrawlerStatus status();

    /** Returns true once {@link #await()} has seen the crawl finish. */
    boolean finished();

    /**
     * Returns true if the finished crawl succeeded.
     *
     * @throws IllegalStateException if the crawl has not been awaited to its end
     */
    boolean succeeded();

    /** Returns how many tables the crawl created. @throws IllegalStateException if not finished */
    int tablesCreated();

    /** Returns how many tables the crawl updated. @throws IllegalStateException if not finished */
    int tablesUpdated();

    /** Returns how many tables the crawl deleted. @throws IllegalStateException if not finished */
    int tablesDeleted();

    /** Returns the crawl's errors, empty if none. @throws IllegalStateException if not finished */
    List<String> errors();
}
