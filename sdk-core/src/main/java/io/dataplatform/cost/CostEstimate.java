package io.dataplatform.cost;

import io.dataplatform.internal.Checks;
import java.util.List;

/**
 * A pre-flight estimate of what an operation will cost, made before anything runs. For Athena the
 * bytes are those of the objects under the referenced tables' S3 locations after partition
 * pruning: an upper bound, since columnar formats and {@code LIMIT} can read less.
 *
 * @param operation          what is estimated, e.g. {@code "Athena query"}
 * @param bytesScanned       the bytes expected to be scanned
 * @param billedBytes        the bytes billed for them (rounding and per-query minimum applied)
 * @param cost               the expected cost
 * @param tables             what each referenced table contributes
 * @param unboundedSelectStar true if the query is a {@code SELECT *} without a {@code LIMIT}
 */
public record CostEstimate(String operation, DataSize bytesScanned, DataSize billedBytes, Money cost,
                           List<TableScan> tables, boolean unboundedSelectStar) {

    /** Copies the tables. */
    public CostEstimate {
        Checks.notNull(operation, "operation");
        Checks.notNull(bytesScanned, "bytesScanned");
        Checks.notNull(billedBytes, "billedBytes");
        Checks.notNull(cost, "cost");
        tables = Checks.copyOf(tables, "tables");
    }

    /** Returns e.g. {@code 12.0 MB scanned ($0.000060)}. */
    public String summary() {
        return bytesScanned + " scanned (" + cost + ")";
    }
}
