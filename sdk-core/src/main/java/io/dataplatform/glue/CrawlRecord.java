package io.dataplatform.glue;

import java.time.Instant;

/**
 * One crawl in a crawler's history (ListCrawls).
 *
 * @param crawlId        Glue's id of the crawl
 * @param state          {@code RUNNING}, {@code COMPLETED}, {@code STOPPED} or {@code FAILED}
 * @param startTime      when it started
 * @param endTime        when it ended; {@code null} while it runs
 * @param tablesCreated  tables it created
 * @param tablesUpdated  tables it updated
 * @param tablesDeleted  tables it deleted
 * @param errorMessage   the error, empty if none
 */
public record CrawlRecord(String crawlId, String state, Instant startTime, Instant endTime, int tablesCreated,
                          int tablesUpdated, int tablesDeleted, String errorMessage) {

    /** Replaces a null error message with an empty one. */
    public CrawlRecord {
        errorMessage = errorMessage == null ? "" : errorMessage;
    }
}
