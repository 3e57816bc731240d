package io.dataplatform.testing.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.DataPlatform;
import io.dataplatform.ResourceAlreadyExistsException;
import io.dataplatform.glue.CrawlerRun;
import io.dataplatform.glue.GlueCatalog;
import io.dataplatform.testing.AwsService;
import io.dataplatform.testing.FakeAws;
import io.dataplatform.testing.FakeAwsTest;
import io.dataplatform.testing.RecordedCall;
import org.junit.jupiter.api.Test;

/** Creates that Glue takes no client token for survive a lost response without failing or doing the work twice. */
@FakeAwsTest
class GlueRetryTest {

    @Test
    void createDatabase_responseLost_retrySeesItDoneAndSucceeds(DataPlatform platform, FakeAws aws) {
        aws.faults().on(AwsService.GLUE, "CreateDatabase").loseResponse(500, 1);

        platform.glue().database("sales").create();

        assertThat(platform.glue().database("sales").exists()).isTrue();
        assertThat(aws.calls().of(AwsService.GLUE, "CreateDatabase")).extracting(RecordedCall::errorCode)
                .containsExactly("InternalServiceException", "AlreadyExistsException");
    }

    @Test
    void createDatabase_thatAlreadyExistedBeforehand_stillFails(DataPlatform platform) {
        platform.glue().database("sales").create();

        assertThatThrownBy(() -> platform.glue().database("sales").create())
                .isInstanceOf(ResourceAlreadyExistsException.class);
    }

    @Test
    void createTable_responseLost_retrySeesItDoneAndSucceeds(DataPlatform platform, FakeAws aws) {
        GlueCatalog glue = platform.glue();
        glue.database("sales").create();
        aws.faults().on(AwsService.GLUE, "CreateTable").loseResponse(503, 1);

        glue.database("sales").table("orders").create(t -> t.location("s3://acme-raw/orders/")
                .schema(io.dataplatform.glue.Schema.builder().column("id", io.dataplatform.glue.GlueType.BIGINT).build())
                .format(io.dataplatform.glue.DataFormat.parquet()));

        assertThat(glue.database("sales").table("orders").exists()).isTrue();
        assertThat(aws.calls().count(AwsService.GLUE, "CreateTable")).isEqualTo(2);
    }

    @Test
    void startCrawler_responseLost_retrySeesItRunningAndTheRunCompletes(DataPlatform platform, FakeAws aws) {
        platform.bucket("acme-raw").create().put("sales/part.csv", "id,amount\n1,2.5\n2,3.5\n3,4.5\n");
        platform.glue().database("sales").create();
        var crawler = platform.glue().crawler("sales-crawler").target("s3://acme-raw/sales/").database("sales")
                .role("AWSGlueServiceRole-sales").create();
        aws.faults().on(AwsService.GLUE, "StartCrawler").loseResponse(500, 1);

        CrawlerRun run = crawler.start().await();

        assertThat(run.succeeded()).isTrue();
        assertThat(run.tablesCreated()).isEqualTo(1);
        assertThat(aws.calls().of(AwsService.GLUE, "StartCrawler")).extracting(RecordedCall::errorCode)
                .containsExactly("InternalServiceException", "CrawlerRunningException");
        assertThat(crawler.history()).hasSize(1);
    }
}
