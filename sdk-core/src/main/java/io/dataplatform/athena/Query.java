package io.dataplatform.athena;

import io.dataplatform.cost.CostEstimate;
import io.dataplatform.cost.DataSize;
import io.dataplatform.s3.S3Location;
import java.time.Duration;

/**
 * A query being described. Setters return this builder; the verbs {@link #run()},
 * {@link #submit()} and {@link #estimate()} do the work, and calling one changes nothing for the
 * others. Not thread-safe.
 */
public interface Query {

    /**
     * Sets the values of the {@code ?} placeholders, in order. They travel as Athena execution
     * parameters, each rendered as a SQL literal (strings quoted and escaped), and are never
     * spliced into the SQL text. Accepted: {@code String}, {@code Number}, {@code Boolean},
     * {@code LocalDate}, {@code LocalDateTime}.
     *
     * @throws IllegalArgumentException for a null or an unsupported value
     */
    Query parameters(Object... values);

    /** Sets the database unqualified table names resolve against. */
    Query database(String database);

    /** Sets the data catalog; defaults to {@code AwsDataCatalog}. */
    Query catalog(String catalog);

    /** Sets the workgroup; defaults to {@code primary}. */
    Query workgroup(String workgroup);

    /** Sets where Athena writes the result files; the workgroup's location applies without it. */
    Query outputLocation(S3Location location);

    /** Sets how long {@link #run()} waits before it cancels the query; defaults to 30 minutes. */
    Query timeout(Duration timeout);

    /** Refuses the query before it starts if its estimate exceeds {@code limit}. */
    Query maxBytesScanned(DataSize limit);

    /** Lets Athena return a result of the same query computed at most {@code maxAge} ago (1 minute to 7 days). */
    Query reuseResultsFor(Duration maxAge);

    /** Declares that scanning a partitioned table in full is intended (the exploration rule then allows it). */
    Query allowFullScan();

    /**
     * Checks the cost guard, starts the query and waits for it with backoff.
     *
     * @throws io.dataplatform.cost.CostLimitExceededException if the guard refuses it (nothing started)
     * @throws QueryFailedException if Athena fails or cancels it, with Athena's reason
     * @throws QueryTimeoutException if it did not finish within the timeout (it was cancelled)
     */
    QueryResult run();

    /**
     * Checks the cost guard and starts the query without waiting.
     *
     * @throws io.dataplatform.cost.CostLimitExceededException if the guard refuses it (nothing started)
     */
    QueryExecution submit();

    /** Returns what the query would scan and cost; nothing runs. */
    CostEstimate estimate();
}
