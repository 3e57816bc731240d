package io.dataplatform.glue;

import java.time.Instant;

/**
 * One crawl a workflow run started.
 *
 * @param state        Glue's crawl state: RUNNING, CANCELLING, CANCELLED, SUCCEEDED, FAILED or ERROR
 * @param startedOn    when it started
 * @param completedOn  when it ended, or null while it runs
 * @param errorMessage why it failed, or empty
 */
public record WorkflowCrawl(String state, Instant startedOn, Instant completedOn, String errorMessage) {

    /** Normalises a missing error message to empty. */
    public WorkflowCrawl {
        errorMessage = errorMessage == null ? "" : errorMessage;
    }
}
