package io.dataplatform.testing.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.DataPlatform;
import io.dataplatform.athena.QueryFailedException;
import io.dataplatform.s3.Bucket;
import io.dataplatform.testing.AwsService;
import io.dataplatform.testing.FakeAws;
import io.dataplatform.testing.RecordedCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Calls one service makes to another (a crawler's and Athena's reads) are recorded with their origin and
 * are spared the faults a test sets for its own calls, unless the test includes internal calls.
 */
class InternalCallsTest {
    private static final String QUERY = "SELECT count(*) AS n, sum(id) AS total FROM sales";
    private final FakeAws aws = FakeAws.create();
    private final DataPlatform platform = aws.dataPlatform();

    @BeforeEach
    void crawlSales() {
        Bucket raw = platform.bucket("acme-raw").create();
        raw.put("sales/part-0.csv", "id,region\n1,eu\n2,us\n3,eu\n");
        platform.glue().database("sales").create();
        platform.glue().crawler("sales-crawler").target("s3://acme-raw/sales/").database("sales")
                .role("AWSGlueServiceRole-sales").create().start().await();
    }

    @AfterEach
    void close() {
        platform.close();
        aws.close();
    }

    @Test
    void crawlerAndQueryReads_areRecordedWithTheirOrigin_apartFromTheUsersCalls() {
        aws.calls().clear();
        platform.athena().query(QUERY).database("sales").run();

        assertThat(aws.calls().internalCalls("glue crawler sales-crawler")).isEmpty();
        assertThat(aws.calls().internalCalls("athena query")).extracting(c -> c.service() + " " + c.operation())
                .contains("GLUE GetTable", "S3 ListObjectsV2", "S3 GetObject", "S3 PutObject");
        // The platform's own calls (its cost estimate, the query's calls) are the user's.
        assertThat(aws.calls().userCalls()).extracting(RecordedCall::operation).contains("StartQueryExecution")
                .doesNotContain("PutObject");
        assertThat(aws.calls().userCalls()).noneMatch(RecordedCall::internal);
    }

    @Test
    void crawlerReads_carryTheCrawlersName() {
        // The crawl in crawlSales listed and read the folder as the crawler.
        assertThat(aws.calls().internalCalls("glue crawler sales-crawler"))
                .extracting(RecordedCall::operation).contains("ListObjectsV2", "GetObject");
        assertThat(aws.calls().internalCalls("glue crawler sales-crawler"))
                .allSatisfy(c -> assertThat(c.principal()).endsWith(":role/AWSGlueServiceRole-sales"));
    }

    @Test
    void usersFaults_doNotHitInternalCalls() {
        aws.faults().on(AwsService.S3, "GetObject").failAlways(503);

        long n = platform.athena().query(QUERY).database("sales").run().rows().findFirst().orElseThrow().bigint("n");

        assertThat(n).isEqualTo(3);
        assertThatThrownBy(() -> aws.s3().getObjectAsBytes(r -> r.bucket("acme-raw").key("sales/part-0.csv")))
                .isInstanceOf(S3Exception.class).satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(503));
        assertThat(aws.calls().internalCalls("athena query")).filteredOn(c -> c.operation().equals("GetObject"))
                .allMatch(RecordedCall::succeeded).isNotEmpty();
    }

    @Test
    void internalCallsIncluded_meetTheFaults() {
        aws.faults().includeInternalCalls().on(AwsService.S3, "GetObject").failAlways(500);

        assertThatThrownBy(() -> platform.athena().query(QUERY).database("sales").run())
                .isInstanceOf(QueryFailedException.class).hasMessageContaining("HIVE_CANNOT_OPEN_SPLIT");
        assertThat(aws.calls().internalCalls("athena query")).filteredOn(c -> c.operation().equals("GetObject"))
                .extracting(RecordedCall::statusCode).containsOnly(500);

        aws.faults().clear();
        assertThat(platform.athena().query(QUERY).database("sales").run().rows().count()).isEqualTo(1);
    }
}
