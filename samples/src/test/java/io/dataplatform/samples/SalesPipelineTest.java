package io.dataplatform.samples;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;

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
                .contains("Glue crawler");
        TableInfo table = platform.glue().database(CatalogStep.DATABASE).table("sales").info();
        assertThat(table.definition().schema().columnNames()).containsExactly("order_id", "order_date", "region",
                "customer_id", "product", "category", "quantity", "unit_price", "amount");
        assertThat(table.definition().schema().partitionKeyNames()).containsExactly("year", "month");
        assertThat(platform.glue().database(CatalogStep.DATABASE).table("sales").partitions().list()).hasSize(12);
    }

    @Test
    void salesData_isDeterministic() {
        assertThat(new SalesData(2024).month(YearMonth.of(2024, 5))).isEqualTo(new SalesData(2024).month(YearMonth.of(2024, 5)));
        assertThat(new SalesData(2024).month(YearMonth.of(2024, 5))).startsWith(SalesData.HEADER + "\n");
    }
}
