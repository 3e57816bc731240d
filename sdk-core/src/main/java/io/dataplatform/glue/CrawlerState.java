package io.dataplatform.glue;

/** A crawler's state, as Glue reports it: READY, then RUNNING while it crawls, STOPPING as it finishes. */
public enum CrawlerState {
    /** Idle; it can be started. */
    READY,
    /** Crawling. */
    RUNNING,
    /** Finishing or stopping; READY follows. */
    STOPPING
}
