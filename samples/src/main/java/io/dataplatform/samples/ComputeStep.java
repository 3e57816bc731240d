package io.dataplatform.samples;

import io.dataplatform.DataPlatform;
import io.dataplatform.cost.LedgerEntry;
import io.dataplatform.cost.Money;
import io.dataplatform.emr.Cluster;
import io.dataplatform.emr.InstanceType;
import io.dataplatform.emr.SparkStep;
import io.dataplatform.emr.StepRun;
import io.dataplatform.glue.Crawler;
import io.dataplatform.glue.Job;
import io.dataplatform.glue.JobBuilder;
import io.dataplatform.glue.JobRun;
import io.dataplatform.glue.WorkerType;
import io.dataplatform.glue.Workflow;
import io.dataplatform.glue.WorkflowNode;
import io.dataplatform.glue.WorkflowNodeRun;
import io.dataplatform.glue.WorkflowRunStatus;
import io.dataplatform.s3.S3Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The compute half of the night: the clean job ({@link CleanSales}) as a Spark step on a 1 + 3 EMR
 * cluster and as a Glue job, then the night as a Glue workflow (crawl raw, clean, crawl curated,
 * {@link ReportTask} queries Athena and emails the report; {@link AlertTask} emails the team if the
 * clean job fails). On FakeAws every part really runs: the step and the jobs run the jar's classes
 * on local Spark or in-process over the fake world, on the fake clock.
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
        SparkStep cleanStep = (jar != null ? SparkStep.of(CleanSales.class, jar) : SparkStep.of(CleanSales.class))
                .args("--input", input, "--output", "s3://acme-curated/sales/");
        StepRun step = cluster.submit(cleanStep).await(Duration.ofHours(1));
        report.step("EMR step %s ran CleanSales: %s", step.id(), step.status().state());
        cluster.terminate();
        cluster.awaitTermination(Duration.ofMinutes(30));
        Money clusterCost = costOf("EMR");
        report.step("Terminated the cluster: %s on the ledger (billed per second, one-minute minimum)", clusterCost);
        report.countCompute("EMR cluster", clusterCost, "4 x m5.xlarge, EC2 + EMR per-second prices");

        Job clean = (jar != null
                ? platform.glue().job("clean-sales").sparkJob(CleanSales.class, jar)
                : platform.glue().job("clean-sales").sparkJob(CleanSales.class))
                .role(role).codeLocation(code).workers(2, WorkerType.G_1X).timeout(Duration.ofMinutes(30)).maxRetries(1)
                .defaultArgument("input", input).defaultArgument("output", "s3://acme-curated/sales/")
                .create();
        JobRun run = clean.start(Map.of("output", "s3://acme-curated/sales-glue/")).await(Duration.ofHours(1));
        report.step("Glue job '%s' ran the same class: attempt %d, %s, %.0f DPU-seconds, %s", clean.name(),
                run.attempt(), run.status().state(), run.dpuSeconds(), run.cost());
        report.countCompute("Glue job", run.cost(), "2 x G.1X at $0.44 per DPU-hour, one-minute minimum");

        platform.glue().database(CURATED_DATABASE).create(d -> d.description("Cleaned sales orders, Parquet by month"));
        Crawler curated = platform.glue().crawler("curated-crawler")
                .target("s3://acme-curated/sales/").database(CURATED_DATABASE).role(role).create();
        Map<String, String> mail = reportFrom == null ? Map.of() : Map.of("from", reportFrom, "to", reportTo);
        Job reportJob = taskJob("sales-report", ReportTask.class, role, code, mail)
                .defaultArgument("database", CURATED_DATABASE).create();
        Job alertJob = taskJob("sales-alert", AlertTask.class, role, code, mail).create();
        night(platform.glue().existingCrawler("sales-crawler"), clean, curated, reportJob, alertJob);
    }

    /**
     * The night as one Glue workflow: crawl raw, clean, crawl curated, report by email; an email to the
     * team when the clean job fails. Scheduled for 02:00 UTC; started once here and awaited, then its
     * graph, timings and cost printed.
     */
    private void night(Crawler rawCrawler, Job clean, Crawler curatedCrawler, Job reportJob, Job alertJob) {
        WorkflowNode cleanNode = WorkflowNode.of(clean);
        Workflow nightly = platform.glue().workflow("sales-nightly")
                .schedule("0 2 * * ? *")
                .then(WorkflowNode.of(rawCrawler))
                .then(cleanNode)
                .onFailure(cleanNode, WorkflowNode.of(alertJob))
                .then(WorkflowNode.of(curatedCrawler))
                .then(WorkflowNode.of(reportJob))
                .create();
        report.step("Created Glue workflow '%s' (scheduled 02:00 UTC): crawl raw -> clean -> crawl curated -> report; "
                + "alert on a failed clean", nightly.name());
        WorkflowRunStatus night = nightly.start().await(Duration.ofHours(3)).status();
        report.step("Workflow run %s: %s in %s, %s", night.runId(), night.state(),
                night.duration().map(Duration::toString).orElse("?"), night.cost());
        for (WorkflowNodeRun node : night.nodes()) {
            report.detail(String.format(Locale.ROOT, "%-16s %-10s %d attempt(s) %-8s %s", node.name(), node.state(),
                    Math.max(node.attempts().size(), node.crawls().size()),
                    node.duration().map(Duration::toString).orElse("-"), node.cost()));
        }
        report.countCompute("Glue workflow run", night.cost(), night.nodes().size() + " nodes, jobs at their DPU-seconds");
    }

    private JobBuilder taskJob(String name, Class<? extends io.dataplatform.tasks.JobTask> task, String role,
                               S3Location code, Map<String, String> arguments) {
        JobBuilder job = (jar != null ? platform.glue().job(name).task(task, jar) : platform.glue().job(name).task(task))
                .role(role).codeLocation(code).timeout(Duration.ofMinutes(10));
        arguments.forEach(job::defaultArgument);
        return job;
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
