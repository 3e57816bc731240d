package io.dataplatform.samples;

import io.dataplatform.DataPlatform;
import io.dataplatform.athena.QueryResult;
import io.dataplatform.cost.LedgerEntry;
import io.dataplatform.cost.Money;
import io.dataplatform.email.Email;
import io.dataplatform.emr.Cluster;
import io.dataplatform.emr.InstanceType;
import io.dataplatform.emr.SparkStep;
import io.dataplatform.emr.StepRun;
import io.dataplatform.glue.CrawlerRun;
import io.dataplatform.glue.Job;
import io.dataplatform.glue.JobRun;
import io.dataplatform.glue.WorkerType;
import io.dataplatform.s3.S3Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The compute half of the night: the clean job ({@link CleanSales}) as a Spark step on a 1 + 3 EMR
 * cluster and as a Glue job, a crawl of the curated Parquet, an Athena query over it, and the report
 * emailed through SES. On FakeAws every part really runs: the step and the job run the jar's class
 * on local Spark over the fake buckets.
 */
final class ComputeStep {
    static final String CURATED_DATABASE = "sales_curated";

    private final DataPlatform platform;
    private final Report report;
    private final Path jar;

    /** {@code jar} is the jar that holds {@link CleanSales} (this module's jar), or null when running from one. */
    ComputeStep(DataPlatform platform, Report report, Path jar) {
        this.platform = platform;
        this.report = report;
        this.jar = jar;
    }

    /** Runs the night over {@code rawBucket}'s sales prefix; {@code role} is the Glue service role. */
    void run(String rawBucket, String role, String reportFrom, String reportTo) {
        String input = "s3://" + rawBucket + "/" + SalesPipeline.PREFIX;
        platform.bucket("acme-curated").create();
        platform.bucket("acme-code").create();
        S3Location code = S3Location.parse("s3://acme-code/jobs/");   // job jars, content-addressed

        Cluster cluster = platform.emr().cluster("nightly")
                .master(InstanceType.M5_XLARGE).core(3, InstanceType.M5_XLARGE)
                .idleTimeout(Duration.ofMinutes(30))
                .maxHourlyCost(Money.usd(4))
                .codeLocation(code)
                .create();
        report.step("Created EMR cluster %s (1 master + 3 core m5.xlarge, %s an hour, idle timeout 30 min)",
                cluster.id(), cluster.hourlyCost().map(Money::toString).orElse("price unknown"));
        cluster.onProgress(status -> report.detail("cluster is " + status.state())).await(Duration.ofMinutes(30));
        SparkStep clean = (jar != null ? SparkStep.of(CleanSales.class, jar) : SparkStep.of(CleanSales.class))
                .args("--input", input, "--output", "s3://acme-curated/sales/");
        StepRun step = cluster.submit(clean).await(Duration.ofHours(1));
        report.step("EMR step %s ran CleanSales: %s", step.id(), step.status().state());
        cluster.terminate();
        cluster.awaitTermination(Duration.ofMinutes(30));
        Money clusterCost = costOf("EMR");
        report.step("Terminated the cluster: %s on the ledger (billed per second, one-minute minimum)", clusterCost);
        report.countCompute("EMR cluster", clusterCost, "4 x m5.xlarge, EC2 + EMR per-second prices");

        Job job = (jar != null
                ? platform.glue().job("clean-sales").sparkJob(CleanSales.class, jar)
                : platform.glue().job("clean-sales").sparkJob(CleanSales.class))
                .role(role).codeLocation(code).workers(2, WorkerType.G_1X).timeout(Duration.ofMinutes(30)).maxRetries(1)
                .create();
        JobRun run = job.start(Map.of("input", input, "output", "s3://acme-curated/sales-glue/"))
                .await(Duration.ofHours(1));
        report.step("Glue job '%s' ran the same class: attempt %d, %s, %.0f DPU-seconds, %s", job.name(),
                run.attempt(), run.status().state(), run.dpuSeconds(), run.cost());
        report.countCompute("Glue job", run.cost(), "2 x G.1X at $0.44 per DPU-hour, one-minute minimum");

        platform.glue().database(CURATED_DATABASE).create(d -> d.description("Cleaned sales orders, Parquet by month"));
        CrawlerRun crawl = platform.glue().crawler("curated-crawler")
                .target("s3://acme-curated/sales/").database(CURATED_DATABASE).role(role)
                .create().start().await(Duration.ofMinutes(30));
        report.step("Crawled the curated Parquet: %d table(s) created", crawl.tablesCreated());

        QueryResult totals = platform.athena()
                .query("SELECT region, count(*) AS orders, sum(amount) AS total FROM sales GROUP BY region ORDER BY region")
                .database(CURATED_DATABASE)
                .allowFullScan()                    // the yearly report reads every month on purpose
                .run();
        String body = totals.rows().map(row -> String.format("%-8s %6s orders %14s", row.string("region"),
                row.string("orders"), row.string("total"))).collect(Collectors.joining("\n"));
        report.step("Totals by region from the curated Parquet: %s scanned, %s", totals.statistics().bytesScanned(),
                totals.cost());
        report.countCompute("Athena (curated)", totals.cost(), "1 query over Parquet, columns read only");
        body.lines().forEach(report::detail);

        if (reportFrom != null && reportTo != null) {
            String messageId = platform.email().send(Email.builder().from(reportFrom).to(reportTo)
                    .subject("Sales by region, 2024").text(body + "\n").build());
            report.step("Emailed the report to %s through SES (message %s)", reportTo, messageId);
        }
    }

    private Money costOf(String service) {
        return platform.costLedger().entries().stream()
                .filter(entry -> entry.operation().contains(service))
                .map(LedgerEntry::actualCost).reduce(Money.ZERO, Money::plus);
    }

    /** Returns the jar named by the system property {@code sample.jar} if it exists, else null. */
    static Path jarFromProperty() {
        String value = System.getProperty("sample.jar");
        return value != null && Files.isRegularFile(Path.of(value)) ? Path.of(value) : null;
    }
}
