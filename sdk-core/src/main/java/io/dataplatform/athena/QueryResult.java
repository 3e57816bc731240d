package io.dataplatform.athena;

import io.dataplatform.cost.Money;
import java.util.List;
import java.util.stream.Stream;

/** The result of a succeeded query. Rows are fetched from Athena page by page as they are consumed. */
public interface QueryResult {

    /** Returns the query execution id. */
    String queryExecutionId();

    /** Returns the result columns, in order. */
    List<ResultColumn> columns();

    /** Returns a lazy stream over every row, fetching result pages as it is consumed. */
    Stream<Row> rows();

    /**
     * Maps every row onto {@code type}, a record or a POJO, by column name (also matching
     * {@code snake_case} columns to {@code camelCase} properties); reads every page.
     */
    <T> List<T> as(Class<T> type);

    /** Like {@link #as(Class)}, lazily. */
    <T> Stream<T> stream(Class<T> type);

    /** Returns Athena's statistics. */
    QueryStatistics statistics();

    /** Returns what the query cost: the price of its bytes scanned (zero for a reused result). */
    Money cost();
}
