package io.dataplatform.athena;

import java.time.Duration;
import java.util.function.Consumer;

/** A started query. Waiting polls with backoff through the platform's sleeper. Thread-safe. */
public interface QueryExecution {

    /** Returns Athena's query execution id. */
    String id();

    /** Fetches the current status. */
    QueryStatus status();

    /**
     * Waits until the query finishes, however long that takes.
     *
     * @throws QueryFailedException if it failed or was cancelled
     */
    QueryResult await();

    /**
     * Waits up to {@code timeout}. On timeout the query keeps running: the exception hands this
     * handle back, so the caller may wait again or {@link #cancel()}; it is never resubmitted.
     *
     * @throws QueryTimeoutException if it is still running after {@code timeout}
     * @throws QueryFailedException  if it failed or was cancelled
     */
    QueryResult await(Duration timeout);

    /** Asks Athena to stop the query (StopQueryExecution); a finished query is left as it is. */
    void cancel();

    /** Registers a listener called with each status observed while waiting, on the waiting thread. */
    QueryExecution onProgress(Consumer<QueryStatus> listener);
}
