package io.dataplatform.samples;

import io.dataplatform.DataPlatform;
import io.dataplatform.athena.QueryResult;
import io.dataplatform.athena.Row;
import io.dataplatform.cost.CostEstimate;
import io.dataplatform.cost.CostLimitExceededException;
import io.dataplatform.cost.DataSize;
import java.util.List;

/**
 * Queries the crawled table with Athena: a preview, an aggregate by region and month over two
 * partitions (execution parameters, not spliced values), and a query the cost guard refuses before
 * it starts. Prints bytes scanned and cost of each, and the ledger's total.
 */
final class QueryStep {
    private final DataPlatform platform;
    private final Report report;

    QueryStep(DataPlatform platform, Report report) {
        this.platform = platform;
        this.report = report;
    }

    void run(String table) {
        QueryResult preview = platform.athena().preview(CatalogStep.DATABASE, table);
        List<Row> rows = preview.rows().toList();
        report.step("Athena preview of %s.%s: %d rows (at most 20), %s scanned, %s", CatalogStep.DATABASE, table,
                rows.size(), preview.statistics().bytesScanned(), preview.cost());
        rows.stream().limit(3).forEach(row -> report.detail(row.string("order_id") + " " + row.string("order_date") + " "
                + row.string("region") + " " + row.string("amount")));

        String sql = "SELECT region, month, round(sum(amount), 2) AS total FROM " + table
                + " WHERE year = ? AND month IN (?, ?) GROUP BY region, month ORDER BY month, region";
        CostEstimate estimate = platform.athena().query(sql).parameters("2024", "01", "02")
                .database(CatalogStep.DATABASE).estimate();
        QueryResult totals = platform.athena().query(sql).parameters("2024", "01", "02")
                .database(CatalogStep.DATABASE).run();
        report.step("Totals by region for January and February 2024: %s scanned (estimated %s), %s",
                totals.statistics().bytesScanned(), estimate.bytesScanned(), totals.cost());
        totals.rows().forEach(row -> report.detail(row.string("month") + " " + row.string("region") + " "
                + row.decimal("total")));

        try {
            platform.athena().query("SELECT * FROM " + table + " WHERE year = '2024'").database(CatalogStep.DATABASE)
                    .maxBytesScanned(DataSize.ofMegabytes(1)).run();
        } catch (CostLimitExceededException refused) {
            report.step("The cost guard refused a query over its limit before it started:");
            report.detail(refused.getMessage());
        }
        report.step("Athena ledger: %d queries, %s spent", platform.costLedger().entries().size(),
                platform.costLedger().actualTotal());
        report.countAthena(platform.costLedger().entries().size(), platform.costLedger().actualTotal());
    }
}
