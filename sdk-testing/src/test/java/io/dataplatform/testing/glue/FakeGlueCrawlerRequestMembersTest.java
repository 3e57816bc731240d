package io.dataplatform.testing.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.testing.FakeAws;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.CreateCrawlerRequest;
import software.amazon.awssdk.services.glue.model.GlueException;

/** Crawler settings the fake does not model are refused with 501 rather than crawled as if absent. */
class FakeGlueCrawlerRequestMembersTest {
    private final FakeAws aws = FakeAws.create();
    private final GlueClient glue = aws.glue();

    private static CreateCrawlerRequest.Builder crawler() {
        return CreateCrawlerRequest.builder().name("raw").role("crawler-role").databaseName("raw")
                .targets(t -> t.s3Targets(s -> s.path("s3://lake/raw/")));
    }

    private static void assertNotImplemented(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(GlueException.class).satisfies(e -> {
            AwsServiceException error = (AwsServiceException) e;
            assertThat(error.statusCode()).isEqualTo(501);
            assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }

    @Test
    void createCrawler_unmodelledSettings_areRefused_andCreateNoCrawler() {
        assertNotImplemented(() -> glue.createCrawler(crawler().targets(t -> t.s3Targets(s -> s.path("s3://lake/raw/"))
                        .jdbcTargets(j -> j.connectionName("db").path("sales/%"))).build()),
                "CreateCrawler with targets other than S3Targets is not supported by the fake Glue");
        assertNotImplemented(() -> glue.createCrawler(crawler().classifiers("my-csv").build()),
                "CreateCrawler with Classifiers (custom classifiers) is not supported by the fake Glue");
        assertNotImplemented(() -> glue.createCrawler(crawler().configuration(
                        "{\"Version\":1.0,\"Grouping\":{\"TableGroupingPolicy\":\"CombineCompatibleSchemas\"}}").build()),
                "CreateCrawler with Configuration is not supported by the fake Glue");
        assertNotImplemented(() -> glue.createCrawler(crawler().targets(t -> t.s3Targets(s -> s.path("s3://lake/raw/")
                        .sampleSize(5))).build()),
                "CreateCrawler with an S3Target's SampleSize is not supported by the fake Glue");
        assertNotImplemented(() -> glue.createCrawler(crawler().recrawlPolicy(p -> p.recrawlBehavior("CRAWL_EVENT_MODE"))
                        .build()),
                "CreateCrawler with RecrawlPolicy CRAWL_EVENT_MODE is not supported by the fake Glue");

        assertThatThrownBy(() -> glue.getCrawler(r -> r.name("raw"))).isInstanceOf(GlueException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void listCrawls_filters_areRefused() {
        glue.createCrawler(crawler().build());

        assertNotImplemented(() -> glue.listCrawls(r -> r.crawlerName("raw").filters(f -> f.fieldName("STATE")
                        .filterOperator("EQ").fieldValue("COMPLETED"))),
                "ListCrawls with Filters is not supported by the fake Glue");
        assertThat(glue.listCrawls(r -> r.crawlerName("raw")).crawls()).isEmpty();
    }
}
