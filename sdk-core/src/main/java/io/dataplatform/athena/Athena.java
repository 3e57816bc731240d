package io.dataplatform.athena;

/**
 * SQL over the data in S3, with typed results and cost guards. Every query passes the platform's
 * {@link io.dataplatform.cost.CostGuard} before it starts.
 *
 * <pre>{@code
 * QueryResult result = platform.athena()
 *         .query("SELECT region, sum(amount) AS total FROM sales WHERE year = ? GROUP BY region")
 *         .parameters("2024")
 *         .database("sales")
 *         .run();
 * List<RegionTotal> totals = result.as(RegionTotal.class);
 * }</pre>
 */
public interface Athena {

    /**
     * Starts describing a query. Nothing is called until {@link Query#run()}, {@link Query#submit()}
     * or {@link Query#estimate()}.
     *
     * @throws IllegalArgumentException if {@code sql} is empty or longer than Athena's 262,144 characters
     */
    Query query(String sql);

    /**
     * Returns at most 20 rows of {@code database.table} ({@code SELECT * ... LIMIT 20}); the names are
     * validated and quoted, never spliced. A preview may scan a partitioned table in full.
     *
     * @throws IllegalArgumentException if a name is not a valid Athena identifier
     */
    QueryResult preview(String database, String table);

    /** Returns a handle on a query started earlier, e.g. one handed back by a timed-out await. */
    QueryExecution execution(String queryExecutionId);

    /** Starts describing the workgroup {@code name}; {@link WorkgroupBuilder#create()} creates it. */
    WorkgroupBuilder workgroup(String name);
}
