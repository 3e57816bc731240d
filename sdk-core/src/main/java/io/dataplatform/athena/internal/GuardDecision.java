package io.dataplatform.athena.internal;

import io.dataplatform.cost.CostEstimate;
import io.dataplatform.cost.CostGuard;
import io.dataplatform.cost.CostLimit;
import io.dataplatform.cost.CostLimitExceededException;
import io.dataplatform.cost.DataSize;
import io.dataplatform.cost.Money;
import io.dataplatform.cost.TableScan;

/**
 * The cost guard's per-query rules, in the order a user can act on them: the exploration rule,
 * unbounded {@code SELECT *}, then the per-query byte limits. The budget is checked when the
 * estimate is reserved in the ledger ({@link #budgetExceeded}), atomically with other queries.
 */
final class GuardDecision {
    private static final String NOTHING_STARTED = " Nothing was started.";

    private GuardDecision() {
    }

    /** Throws if a per-query rule refuses the estimate. */
    static void check(CostGuard guard, CostEstimate estimate, DataSize queryLimit, boolean fullScanAllowed) {
        if (guard.refusesFullScans() && !fullScanAllowed) {
            for (TableScan scan : estimate.tables()) {
                if (scan.fullScanOfPartitionedTable()) {
                    throw new CostLimitExceededException(CostLimit.FULL_SCAN, estimate, "Query refused before it started: "
                            + "it scans partitioned table " + scan.qualifiedName() + " in full (" + scan.partitionsRead()
                            + " of " + scan.partitionsTotal() + " partitions, " + scan.bytes()
                            + "): no condition on its partition keys " + scan.partitionKeys()
                            + " leaves a partition out. Filter on a partition key, or call .allowFullScan() on the query "
                            + "if a full scan is intended."
                            + NOTHING_STARTED);
                }
            }
        }
        if (estimate.unboundedSelectStar() && guard.maxUnboundedSelectStar().isPresent()) {
            DataSize limit = guard.maxUnboundedSelectStar().get();
            for (TableScan scan : estimate.tables()) {
                if (scan.bytes().isGreaterThan(limit)) {
                    throw new CostLimitExceededException(CostLimit.UNBOUNDED_SELECT_STAR, estimate,
                            "Query refused before it started: SELECT * without LIMIT over " + scan.qualifiedName() + " ("
                            + scan.bytes() + ") exceeds maxUnboundedSelectStar " + limit
                            + ". Add a LIMIT, select only the columns needed, or raise the limit with "
                            + "CostGuard.builder().maxUnboundedSelectStar(..)." + NOTHING_STARTED);
                }
            }
        }
        if (guard.maxBytesScannedPerQuery().isPresent()
                && estimate.bytesScanned().isGreaterThan(guard.maxBytesScannedPerQuery().get())) {
            throw new CostLimitExceededException(CostLimit.MAX_BYTES_SCANNED_PER_QUERY, estimate,
                    "Query refused before it started: estimated " + estimate.summary() + " exceeds maxBytesScannedPerQuery "
                    + guard.maxBytesScannedPerQuery().get() + ". Narrow it with partition predicates, or raise the limit "
                    + "with CostGuard.builder().maxBytesScannedPerQuery(..)." + NOTHING_STARTED);
        }
        if (queryLimit != null && estimate.bytesScanned().isGreaterThan(queryLimit)) {
            throw new CostLimitExceededException(CostLimit.QUERY_MAX_BYTES_SCANNED, estimate,
                    "Query refused before it started: estimated " + estimate.summary() + " exceeds the query's "
                    + "maxBytesScanned " + queryLimit + ". Narrow it with partition predicates, or raise the limit with "
                    + ".maxBytesScanned(..) on the query." + NOTHING_STARTED);
        }
    }

    /** Returns the refusal for a query whose estimate would take the committed total past the budget. */
    static CostLimitExceededException budgetExceeded(CostEstimate estimate, Money committed, Money budget) {
        return new CostLimitExceededException(CostLimit.BUDGET, estimate, "Query refused before it started: its estimated "
                + estimate.cost() + " (" + estimate.bytesScanned() + ") on top of " + committed
                + " already spent or committed exceeds the budget " + budget
                + ". Raise it with CostGuard.builder().budget(..) on a new DataPlatform." + NOTHING_STARTED);
    }

    /** Returns the refusal for a query whose cost could not be estimated. */
    static CostLimitExceededException noEstimate(RuntimeException cause) {
        return new CostLimitExceededException(CostLimit.ESTIMATE_REQUIRED, "Query refused before it started: its cost "
                + "cannot be estimated (" + cause.getMessage() + ")." + NOTHING_STARTED + " To run queries without an "
                + "estimate, build the CostGuard with allowUnestimatedOperations().", cause);
    }
}
