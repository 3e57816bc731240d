package io.dataplatform.glue;

import java.util.List;

/** A handle on one crawler. */
public interface Crawler {

    /** Returns the crawler's name. */
    String name();

    /**
     * Starts a crawl and returns its handle; {@link CrawlerRun#await()} waits for it.
     *
     * @throws io.dataplatform.ResourceConflictException if a crawl is already running
     */
    CrawlerRun start();

    /** Asks a running crawl to stop; it goes to STOPPING, then READY. */
    void stop();

    /** Returns the crawler's state and its last crawl's outcome. */
    CrawlerStatus status();

    /** Returns its crawls, most recent first (Glue keeps 12 months of them). */
    List<CrawlRecord> history();

    /**
     * Deletes the crawler; the tables it wrote stay.
     *
     * @throws io.dataplatform.ResourceConflictException if it is running
     */
    void delete();
}
