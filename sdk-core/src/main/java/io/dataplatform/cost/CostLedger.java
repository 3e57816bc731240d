package io.dataplatform.cost;

import java.util.List;

/**
 * What a platform's operations were estimated to cost and really cost, in the order they started.
 * Thread-safe; lives as long as its {@code DataPlatform}.
 *
 * <pre>{@code
 * platform.athena().query(sql).database("sales").run();
 * Money spent = platform.costLedger().actualTotal();
 * }</pre>
 */
public interface CostLedger {

    /** Returns a snapshot of every entry, oldest first. */
    List<LedgerEntry> entries();

    /** Returns the sum of every entry's estimate. */
    Money estimatedTotal();

    /** Returns the sum of the actual costs of the settled entries. */
    Money actualTotal();

    /** Returns the sum of the actual bytes scanned of the settled entries. */
    DataSize actualBytesTotal();

    /** Returns what counts against the budget: actual costs of settled entries plus estimates of the others. */
    Money committedTotal();
}
