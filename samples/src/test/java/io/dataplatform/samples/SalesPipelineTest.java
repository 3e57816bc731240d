package io.dataplatform.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.dataplatform.DataPlatform;
import io.dataplatform.s3.Bucket;
import io.dataplatform.s3.ObjectVersion;
import io.dataplatform.glue.TableInfo;
import io.dataplatform.testing.FakeAws;
import io.dataplatform.testing.FakeAwsTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import io.dataplatform.testing.AwsService;
import io.dataplatform.glue.WorkflowNodeRun;
import io.dataplatform.glue.WorkflowRunState;
import io.dataplatform.glue.WorkflowRunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@FakeAwsTest
class SalesPipelineTest {

    @Test
    void run_uploadsAYearOfSales_correctsMarch_restoresJuly_andCatalogsIt(DataPlatform platform, FakeAws aws) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Report report = new Report(new PrintStream(printed, true, StandardCharsets.UTF_8), "test");

        String role = "arn:aws:iam::" + aws.accountId() + ":role/AWSGlueServiceRole-sales";
        SalesPipeline.Summary summary = new SalesPipeline(platform, "acme-raw", role, report).run();

        Bucket bucket = platform.bucket("acme-raw");
        assertThat(summary.objects()).isEqualTo(12);
        assertThat(summary.rows()).isGreaterThanOrEqualTo(100_000);
        assertThat(bucket.exists(SalesPipeline.key(YearMonth.of(2024, 7)))).isTrue();
        List<ObjectVersion> july = bucket.versions(SalesPipeline.key(YearMonth.of(2024, 7)));
        assertThat(july).extracting(ObjectVersion::deleteMarker).containsExactly(false, true, false);
        assertThat(bucket.versions(SalesPipeline.key(YearMonth.of(2024, 3)))).hasSize(2);
        assertThat(bucket.get(SalesPipeline.key(YearMonth.of(2024, 3))).string()).doesNotContain(",central,");
        assertThat(summary.versions()).isEqualTo(12 + 1 + 2);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("What it would cost on AWS").contains("Restored")
                .contains("Glue crawler").contains("Athena preview of sales.sales: 20 rows")
                .contains("The cost guard refused a query over its limit before it started");
        assertThat(platform.costLedger().entries()).hasSize(2);
        assertThat(platform.costLedger().entries()).allSatisfy(e ->
                assertThat(e.estimatedBytes()).isGreaterThanOrEqualTo(e.actualBytes()));
        TableInfo table = platform.glue().database(CatalogStep.DATABASE).table("sales").info();
        assertThat(table.definition().schema().columnNames()).containsExactly("order_id", "order_date", "region",
                "customer_id", "product", "category", "quantity", "unit_price", "amount");
        assertThat(table.definition().schema().partitionKeyNames()).containsExactly("year", "month");
        assertThat(platform.glue().database(CatalogStep.DATABASE).table("sales").partitions().list()).hasSize(12);
    }

    @Test
    void night_cleansOnEmrAndGlue_queriesTheCuratedParquet_andEmailsTheReport(DataPlatform platform, FakeAws aws,
                                                                              @TempDir Path dir) throws IOException {
        aws.sesAccount().verify("reports@acme.example").verify("data-team@acme.example");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Report report = new Report(new PrintStream(printed, true, StandardCharsets.UTF_8), "test");
        String role = "arn:aws:iam::" + aws.accountId() + ":role/AWSGlueServiceRole-sales";

        SalesPipeline.Summary summary = new SalesPipeline(platform, "acme-raw", role, report)
                .withNight(new SalesPipeline.Night(jarOfClasses(dir), "reports@acme.example", "data-team@acme.example"))
                .run();

        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("ran CleanSales: COMPLETED").contains("ran the same class: attempt 0, SUCCEEDED")
                .contains("EMR cluster").contains("Glue job");
        // Both runs of the clean job wrote the same months; the curated table holds every cleaned order.
        assertThat(platform.bucket("acme-curated").list("sales/month=").count()).isPositive();
        assertThat(platform.bucket("acme-curated").list("sales-glue/month=").count())
                .isEqualTo(platform.bucket("acme-curated").list("sales/month=").count());
        long curated = platform.athena().query("SELECT count(*) AS n FROM sales").database(ComputeStep.CURATED_DATABASE)
                .allowFullScan().run().rows().findFirst().orElseThrow().bigint("n");
        assertThat(curated).isEqualTo(summary.rows());
        assertThat(aws.sesOutbox().messages()).singleElement().satisfies(mail -> {
            assertThat(mail.to()).containsExactly("data-team@acme.example");
            assertThat(mail.subject()).isEqualTo("Sales by region, 2024");
            assertThat(mail.text()).contains("central").contains("orders");
        });
        WorkflowRunStatus night = platform.glue().existingWorkflow("sales-nightly").runs().get(0);
        assertThat(night.state()).isEqualTo(WorkflowRunState.COMPLETED);
        assertThat(night.nodes()).extracting(WorkflowNodeRun::name, n -> n.state().toString())
                .containsExactlyInAnyOrder(tuple("sales-crawler", "SUCCEEDED"), tuple("clean-sales", "SUCCEEDED"),
                        tuple("curated-crawler", "SUCCEEDED"), tuple("sales-report", "SUCCEEDED"),
                        tuple("sales-alert", "NOT_RUN"));
        assertThat(output).contains("Workflow run").contains("COMPLETED");
        assertThat(aws.calls().count(AwsService.EMR, "RunJobFlow")).isEqualTo(1);
        assertThat(aws.calls().count(AwsService.EMR, "TerminateJobFlows")).isEqualTo(1);
    }

    /** The sample's classes as a jar, as `mvn package` builds it: EMR steps and Glue jobs run classes from jars. */
    private static Path jarOfClasses(Path dir) throws IOException {
        Path classes = Path.of("target", "classes");
        Path jar = dir.resolve("samples.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void salesData_isDeterministic() {
        assertThat(new SalesData(2024).month(YearMonth.of(2024, 5))).isEqualTo(new SalesData(2024).month(YearMonth.of(2024, 5)));
        assertThat(new SalesData(2024).month(YearMonth.of(2024, 5))).startsWith(SalesData.HEADER + "\n");
    }
}
