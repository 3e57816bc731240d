package io.dataplatform.testing.glue;

import static io.dataplatform.testing.NotImplementedAssertions.assertNotImplemented;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.testing.FakeAws;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.model.CrawlerHistory;
import software.amazon.awssdk.services.glue.model.CreateCrawlerRequest;
import software.amazon.awssdk.services.glue.model.InvalidInputException;
import software.amazon.awssdk.services.glue.model.GlueException;

/** Crawler settings the fake does not model are refused with 501 rather than crawled as if absent; ListCrawls filters. */
class FakeGlueCrawlerRequestMembersTest {
    private final FakeAws aws = FakeAws.create();
    private final GlueClient glue = aws.glue();

    private static CreateCrawlerRequest.Builder crawler() {
        return CreateCrawlerRequest.builder().name("raw").role("crawler-role").databaseName("raw")
                .targets(t -> t.s3Targets(s -> s.path("s3://lake/raw/")));
    }

    @Test
    void createCrawler_unmodelledSettings_areRefused_andCreateNoCrawler() {
        assertNotImplemented(GlueException.class, () -> glue.createCrawler(crawler().targets(t -> t.s3Targets(s -> s.path("s3://lake/raw/"))
                        .jdbcTargets(j -> j.connectionName("db").path("sales/%"))).build()),
                "CreateCrawler with targets other than S3Targets is not supported by the fake Glue");
        assertNotImplemented(GlueException.class, () -> glue.createCrawler(crawler().classifiers("my-csv").build()),
                "CreateCrawler with Classifiers (custom classifiers) is not supported by the fake Glue");
        assertNotImplemented(GlueException.class, () -> glue.createCrawler(crawler().configuration(
                        "{\"Version\":1.0,\"Grouping\":{\"TableGroupingPolicy\":\"CombineCompatibleSchemas\"}}").build()),
                "CreateCrawler with Configuration is not supported by the fake Glue");
        assertNotImplemented(GlueException.class, () -> glue.createCrawler(crawler().targets(t -> t.s3Targets(s -> s.path("s3://lake/raw/")
                        .sampleSize(5))).build()),
                "CreateCrawler with an S3Target's SampleSize is not supported by the fake Glue");
        assertNotImplemented(GlueException.class, () -> glue.createCrawler(crawler().recrawlPolicy(p -> p.recrawlBehavior("CRAWL_EVENT_MODE"))
                        .build()),
                "CreateCrawler with RecrawlPolicy CRAWL_EVENT_MODE is not supported by the fake Glue");

        assertThatThrownBy(() -> glue.getCrawler(r -> r.name("raw"))).isInstanceOf(GlueException.class)
                .hasMessageContaining("does not exist");
    }

    private List<CrawlerHistory> crawls(int count) {
        aws.s3().createBucket(r -> r.bucket("acme-raw"));
        aws.s3().putObject(r -> r.bucket("acme-raw").key("sales/a.csv"), RequestBody.fromString("id,amount\n1,10\n"));
        glue.createDatabase(r -> r.databaseInput(d -> d.name("sales")));
        glue.createCrawler(r -> r.name("c").role("r").databaseName("sales")
                .targets(t -> t.s3Targets(s -> s.path("s3://acme-raw/sales/"))));
        for (int i = 0; i < count; i++) {
            glue.startCrawler(r -> r.name("c"));
            aws.clock().advance(Duration.ofMinutes(10));
        }
        return glue.listCrawls(r -> r.crawlerName("c")).crawls();
    }

    private List<String> filtered(String field, String operator, String value) {
        return glue.listCrawls(r -> r.crawlerName("c").filters(f -> f.fieldName(field).filterOperator(operator)
                .fieldValue(value))).crawls().stream().map(CrawlerHistory::crawlId).toList();
    }

    @Test
    void updateCrawler_whileItCrawls_failsWithInvalidInput_andKeepsTheDefinition() {
        crawls(0);
        glue.startCrawler(r -> r.name("c"));

        // Real Glue: "Cannot update Crawler while running. Please stop crawl or wait until it completes to update."
        // (Error Code: InvalidInputException), aws-cloudformation/cloudformation-coverage-roadmap#817.
        assertThatThrownBy(() -> glue.updateCrawler(r -> r.name("c").description("changed")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((AwsServiceException) e).awsErrorDetails().errorMessage())
                        .isEqualTo("Cannot update Crawler while running. Please stop crawl or wait until it completes "
                                + "to update."));
        assertThat(glue.getCrawler(r -> r.name("c")).crawler().description()).isNull();
        aws.clock().advance(Duration.ofMinutes(10));
        glue.updateCrawler(r -> r.name("c").description("changed"));
        assertThat(glue.getCrawler(r -> r.name("c")).crawler().description()).isEqualTo("changed");
    }

    @Test
    void startCrawler_ofAnUnknownCrawler_namesItAsGlueDoes() {
        // Real Glue: "An error occurred (EntityNotFoundException) when calling the StartCrawler operation: Crawler with
        // name crawler-customer-churn-sagemaker-pipeline does not exist" (awslabs/aws-customer-churn-pipeline#15).
        assertThatThrownBy(() -> glue.startCrawler(r -> r.name("missing")))
                .isInstanceOf(software.amazon.awssdk.services.glue.model.EntityNotFoundException.class)
                .satisfies(e -> assertThat(((AwsServiceException) e).awsErrorDetails().errorMessage())
                        .isEqualTo("Crawler with name missing does not exist"));
    }

    @Test
    void createOrUpdateCrawler_withATargetInABucketThatDoesNotExist_isRefused() {
        crawls(0);

        // Real Glue: "An error occurred (InvalidInputException) when calling the CreateCrawler operation: S3 bucket
        // test-s3-bucket-glue does not exist." (ansible-collections/community.aws#1796).
        assertThatThrownBy(() -> glue.createCrawler(r -> r.name("lost").role("r").databaseName("sales")
                .targets(t -> t.s3Targets(s -> s.path("s3://acme-raw/sales/"), s -> s.path("s3://no-such-bucket/x/")))))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((AwsServiceException) e).awsErrorDetails().errorMessage())
                        .isEqualTo("S3 bucket no-such-bucket does not exist."));
        assertThatThrownBy(() -> glue.getCrawler(r -> r.name("lost")))
                .isInstanceOf(software.amazon.awssdk.services.glue.model.EntityNotFoundException.class);
        assertThatThrownBy(() -> glue.updateCrawler(r -> r.name("c").targets(t -> t.s3Targets(s -> s.path("s3://gone/x/")))))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("S3 bucket gone does not exist.");
        assertThat(glue.getCrawler(r -> r.name("c")).crawler().targets().s3Targets())
                .extracting(t -> t.path()).containsExactly("s3://acme-raw/sales/");
    }

    @Test
    void listCrawls_filters_selectTheCrawlsByStartTimeCrawlIdAndState() {
        List<CrawlerHistory> all = crawls(3);
        List<String> ids = all.stream().map(CrawlerHistory::crawlId).toList();
        long secondStart = all.get(1).startTime().toEpochMilli();

        assertThat(filtered("START_TIME", "GE", Long.toString(secondStart))).containsExactly(ids.get(0), ids.get(1));
        assertThat(filtered("START_TIME", "LT", Long.toString(secondStart))).containsExactly(ids.get(2));
        assertThat(filtered("CRAWL_ID", "EQ", ids.get(1))).containsExactly(ids.get(1));
        assertThat(filtered("STATE", "EQ", "COMPLETED")).containsExactlyElementsOf(ids);
        assertThat(filtered("STATE", "NE", "COMPLETED")).isEmpty();
        assertThat(glue.listCrawls(r -> r.crawlerName("c").filters(
                f -> f.fieldName("START_TIME").filterOperator("GE").fieldValue(Long.toString(secondStart)),
                f -> f.fieldName("CRAWL_ID").filterOperator("NE").fieldValue(ids.get(0)))).crawls())
                .as("every filter applies").extracting(CrawlerHistory::crawlId).containsExactly(ids.get(1));
    }

    @Test
    void listCrawls_timeFilterThatIsNoEpochMillis_failsWithInvalidInput() {
        crawls(1);

        assertThatThrownBy(() -> filtered("END_TIME", "GT", "2024-01-01T00:00:00Z")).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((AwsServiceException) e).awsErrorDetails().errorMessage())
                        .isEqualTo("Invalid FieldValue '2024-01-01T00:00:00Z' for END_TIME: an epoch timestamp in "
                                + "milliseconds is expected"));
    }
}
