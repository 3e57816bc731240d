package io.dataplatform.cost;

/** The rule a {@link CostLimitExceededException} was raised by. */
public enum CostLimit {
    /** {@code CostGuard.Builder.maxBytesScannedPerQuery}. */
    MAX_BYTES_SCANNED_PER_QUERY,
    /** The query's own {@code maxBytesScanned}. */
    QUERY_MAX_BYTES_SCANNED,
    /** {@code CostGuard.Builder.budget}: the platform's lifetime budget. */
    BUDGET,
    /** {@code CostGuard.Builder.maxUnboundedSelectStar}. */
    UNBOUNDED_SELECT_STAR,
    /** A full scan of a partitioned table without {@code allowFullScan()}. */
    FULL_SCAN,
    /** {@code CostGuard.Builder.maxJobRunCost}: a Glue job run's worst case. */
    MAX_JOB_RUN_COST,
    /** No estimate was possible and the guard requires one. */
    ESTIMATE_REQUIRED,
    /** {@code CostGuard.Builder.maxClusterHourlyCost}: the hourly price of one EMR cluster. */
    MAX_CLUSTER_HOURLY_COST,
    /** The cluster builder's own {@code maxHourlyCost}. */
    CLUSTER_MAX_HOURLY_COST
}
