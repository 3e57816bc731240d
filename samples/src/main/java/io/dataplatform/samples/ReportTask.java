package io.dataplatform.samples;

import io.dataplatform.athena.QueryResult;
import io.dataplatform.email.Email;
import io.dataplatform.tasks.JobTask;
import io.dataplatform.tasks.TaskContext;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The night's report: totals by region from the curated Parquet (one Athena query, a full scan on
 * purpose: the report covers the year), emailed through SES. A plain-Java task, deployed as a Glue job.
 *
 * <p>Arguments: {@code --database sales_curated --from reports@acme.example --to data-team@acme.example}.
 */
public final class ReportTask implements JobTask {
    static final String SUBJECT = "Sales by region, 2024";

    @Override
    public void run(TaskContext context) {
        QueryResult totals = context.platform().athena()
                .query("SELECT region, count(*) AS orders, sum(amount) AS total FROM sales GROUP BY region ORDER BY region")
                .database(context.arguments().string("database"))
                .allowFullScan()
                .run();
        String body = totals.rows().map(row -> String.format(Locale.ROOT, "%-8s %6s orders %14s", row.string("region"),
                row.string("orders"), row.string("total"))).collect(Collectors.joining("\n"));
        context.email().send(Email.builder().from(context.arguments().string("from")).to(context.arguments().string("to"))
                .subject(SUBJECT).text(body + "\n\n" + totals.statistics().bytesScanned() + " scanned, " + totals.cost()
                        + "\n").build());
        context.logger().info("Report sent: {} scanned, {}", totals.statistics().bytesScanned(), totals.cost());
    }
}
