package io.dataplatform.cost;

import io.dataplatform.internal.Checks;
import java.time.Instant;

/**
 * One operation in the {@link CostLedger}: its estimate when it started and, once it finished,
 * what it really cost. Until then {@code actualBytes} and {@code actualCost} are zero and
 * {@code settled} is false; an operation started without an estimate has a zero estimate and
 * {@code estimated} false.
 *
 * @param operation      what ran, e.g. {@code "Athena query"}
 * @param reference      the AWS id of the run, e.g. the query execution id
 * @param description    a short human description, e.g. the SQL's first line
 * @param recordedAt     when it was recorded
 * @param estimated      true if an estimate was made before it started
 * @param estimatedBytes the estimated bytes scanned
 * @param estimatedCost  the estimated cost
 * @param settled        true once the actual cost is known
 * @param actualBytes    the bytes really scanned
 * @param actualCost     what it really cost
 */
public record LedgerEntry(String operation, String reference, String description, Instant recordedAt,
                          boolean estimated, DataSize estimatedBytes, Money estimatedCost,
                          boolean settled, DataSize actualBytes, Money actualCost) {

    /** Validates the entry. */
    public LedgerEntry {
        Checks.notNull(operation, "operation");
        Checks.notNull(reference, "reference");
        Checks.notNull(description, "description");
        Checks.notNull(recordedAt, "recordedAt");
        Checks.notNull(estimatedBytes, "estimatedBytes");
        Checks.notNull(estimatedCost, "estimatedCost");
        Checks.notNull(actualBytes, "actualBytes");
        Checks.notNull(actualCost, "actualCost");
    }

    /** Returns what this entry counts against a budget: the actual cost once settled, else the estimate. */
    public Money committed() {
        return settled ? actualCost : estimatedCost;
    }

    /** Returns a copy settled with the actual bytes and cost. */
    public LedgerEntry settle(DataSize bytes, Money cost) {
        return new LedgerEntry(operation, reference, description, recordedAt, estimated, estimatedBytes, estimatedCost,
                true, bytes, cost);
    }
}
