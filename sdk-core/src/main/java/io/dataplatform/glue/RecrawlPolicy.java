package io.dataplatform.glue;

/** Whether a crawler crawls everything again or only folders added since its last crawl. */
public enum RecrawlPolicy {
    /** Crawl every folder on every run (Glue's default). */
    CRAWL_EVERYTHING,
    /**
     * Crawl only folders added since the last crawl. Glue requires the schema change policy to be
     * {@code LOG} for both updates and deletions with this policy.
     */
    CRAWL_NEW_FOLDERS_ONLY
}
