package io.dataplatform.testing.s3;

import static io.dataplatform.testing.s3.S3TestSupport.createBucket;
import static io.dataplatform.testing.s3.S3TestSupport.createVersionedBucket;
import static io.dataplatform.testing.s3.S3TestSupport.expectS3Error;
import static io.dataplatform.testing.s3.S3TestSupport.put;
import static org.assertj.core.api.Assertions.assertThat;

import io.dataplatform.s3.BucketPolicy;
import io.dataplatform.s3.Principal;
import io.dataplatform.testing.FakeAws;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.TaggingDirective;

class FakeS3TaggingTest {
    private final FakeAws aws = FakeAws.create();
    private final S3Client s3 = aws.s3();

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private List<Tag> tagsOf(String key) {
        return s3.getObjectTagging(r -> r.bucket("acme-raw").key(key)).tagSet();
    }

    @Test
    void putObjectTagging_thenGet_returnsTheSetInOrder_perVersion() {
        createVersionedBucket(s3, "acme-raw");
        String first = put(s3, "acme-raw", "a.csv", "1").versionId();
        put(s3, "acme-raw", "a.csv", "2");

        s3.putObjectTagging(r -> r.bucket("acme-raw").key("a.csv").versionId(first)
                .tagging(t -> t.tagSet(tag("team", "sales"), tag("pii", "no"))));

        assertThat(s3.getObjectTagging(r -> r.bucket("acme-raw").key("a.csv").versionId(first)).tagSet())
                .containsExactly(tag("team", "sales"), tag("pii", "no"));
        assertThat(tagsOf("a.csv")).isEmpty();
    }

    @Test
    void deleteObjectTagging_removesTheTags() {
        createBucket(s3, "acme-raw");
        put(s3, "acme-raw", "a.csv", "1");
        s3.putObjectTagging(r -> r.bucket("acme-raw").key("a.csv").tagging(t -> t.tagSet(tag("team", "sales"))));

        var response = s3.deleteObjectTagging(r -> r.bucket("acme-raw").key("a.csv"));

        assertThat(response.sdkHttpResponse().statusCode()).isEqualTo(204);
        assertThat(tagsOf("a.csv")).isEmpty();
    }

    @Test
    void putObjectTagging_breakingS3Limits_failsAsS3Does() {
        createBucket(s3, "acme-raw");
        put(s3, "acme-raw", "a.csv", "1");
        List<Tag> eleven = IntStream.range(0, 11).mapToObj(i -> tag("k" + i, "v")).toList();

        expectS3Error(() -> s3.putObjectTagging(r -> r.bucket("acme-raw").key("a.csv").tagging(t -> t.tagSet(eleven))),
                400, "BadRequest", "Object tags cannot be greater than 10");
        expectS3Error(() -> s3.putObjectTagging(r -> r.bucket("acme-raw").key("a.csv")
                        .tagging(t -> t.tagSet(tag("k", "1"), tag("k", "2")))),
                400, "InvalidTag", "Cannot provide multiple Tags with the same key");
        expectS3Error(() -> s3.putObjectTagging(r -> r.bucket("acme-raw").key("a.csv")
                        .tagging(t -> t.tagSet(tag("k".repeat(129), "v")))),
                400, "InvalidTag", "The TagKey you have provided is invalid");
        expectS3Error(() -> s3.putObjectTagging(r -> r.bucket("acme-raw").key("a.csv")
                        .tagging(t -> t.tagSet(tag("k", "v".repeat(257))))),
                400, "InvalidTag", "The TagValue you have provided is invalid");
        assertThat(tagsOf("a.csv")).isEmpty();
    }

    @Test
    void systemTagKeys_underAwsColon_areRefusedOnObjectsAndBuckets() {
        createBucket(s3, "acme-raw");
        put(s3, "acme-raw", "a.csv", "1");
        String objectMessage = "Your TagKey cannot be prefixed with aws:";

        expectS3Error(() -> s3.putObjectTagging(r -> r.bucket("acme-raw").key("a.csv")
                .tagging(t -> t.tagSet(tag("team", "data"), tag("aws:cloudformation:stack-name", "raw")))),
                400, "InvalidTag", objectMessage);
        expectS3Error(() -> s3.putObject(r -> r.bucket("acme-raw").key("b.csv").tagging("aws%3Acreated-by=me"),
                RequestBody.fromString("x")), 400, "InvalidTag", objectMessage);
        expectS3Error(() -> s3.putBucketTagging(r -> r.bucket("acme-raw").tagging(t -> t.tagSet(tag("aws:owner", "me")))),
                400, "InvalidTag", "System tags cannot be added/updated by requester");

        assertThat(tagsOf("a.csv")).isEmpty();
        assertThat(s3.listObjectsV2(r -> r.bucket("acme-raw")).contents()).hasSize(1);
        expectS3Error(() -> s3.getBucketTagging(r -> r.bucket("acme-raw")), 404, "NoSuchTagSet", "The TagSet does not exist");
        // Only the reserved prefix: a key that merely starts with "aws" is the user's.
        s3.putObjectTagging(r -> r.bucket("acme-raw").key("a.csv").tagging(t -> t.tagSet(tag("aws-team", "x"))));
        assertThat(tagsOf("a.csv")).containsExactly(tag("aws-team", "x"));
    }

    @Test
    void tagLimits_countUtf16Units_soTenTagsOfMaximalLengthAreAccepted() {
        createBucket(s3, "acme-raw");
        put(s3, "acme-raw", "a.csv", "1");
        List<Tag> ten = IntStream.range(0, 10).mapToObj(i -> tag(("k" + i).repeat(64), "v".repeat(256))).toList();

        s3.putObjectTagging(r -> r.bucket("acme-raw").key("a.csv").tagging(t -> t.tagSet(ten)));

        assertThat(tagsOf("a.csv")).hasSize(10);
    }

    @Test
    void putObject_withTaggingHeader_storesTheDecodedTags() {
        createBucket(s3, "acme-raw");

        s3.putObject(r -> r.bucket("acme-raw").key("a.csv").tagging("team=sales%20emea&pii="), RequestBody.fromString("x"));

        assertThat(tagsOf("a.csv")).containsExactly(tag("team", "sales emea"), tag("pii", ""));
    }

    @Test
    void copyObject_copiesTagsByDefault_andReplacesThemWhenAsked() {
        createBucket(s3, "acme-raw");
        s3.putObject(r -> r.bucket("acme-raw").key("a.csv").tagging("team=sales"), RequestBody.fromString("x"));

        s3.copyObject(r -> r.sourceBucket("acme-raw").sourceKey("a.csv").destinationBucket("acme-raw")
                .destinationKey("copy.csv"));
        s3.copyObject(r -> r.sourceBucket("acme-raw").sourceKey("a.csv").destinationBucket("acme-raw")
                .destinationKey("replaced.csv").taggingDirective(TaggingDirective.REPLACE).tagging("team=finance"));

        assertThat(tagsOf("copy.csv")).containsExactly(tag("team", "sales"));
        assertThat(tagsOf("replaced.csv")).containsExactly(tag("team", "finance"));
    }

    @Test
    void objectTagging_ofAKeyWhoseCurrentVersionIsADeleteMarker_isNoSuchKey() {
        createVersionedBucket(s3, "acme-raw");
        put(s3, "acme-raw", "a.csv", "1");
        s3.deleteObject(r -> r.bucket("acme-raw").key("a.csv"));

        expectS3Error(() -> tagsOf("a.csv"), 404, "NoSuchKey", "The specified key does not exist.");
    }

    @Test
    void bucketTagging_putGetDelete_andNoSuchTagSetWhenNone() {
        createBucket(s3, "acme-raw");
        expectS3Error(() -> s3.getBucketTagging(r -> r.bucket("acme-raw")), 404, "NoSuchTagSet", "The TagSet does not exist");

        s3.putBucketTagging(r -> r.bucket("acme-raw").tagging(t -> t.tagSet(tag("cost-center", "42"))));
        assertThat(s3.getBucketTagging(r -> r.bucket("acme-raw")).tagSet()).containsExactly(tag("cost-center", "42"));

        s3.deleteBucketTagging(r -> r.bucket("acme-raw"));
        expectS3Error(() -> s3.getBucketTagging(r -> r.bucket("acme-raw")), 404, "NoSuchTagSet", "The TagSet does not exist");
    }

    @Test
    void putBucketTagging_over50Tags_isBadRequest() {
        createBucket(s3, "acme-raw");
        List<Tag> many = IntStream.range(0, 51).mapToObj(i -> tag("k" + i, "v")).toList();

        expectS3Error(() -> s3.putBucketTagging(r -> r.bucket("acme-raw").tagging(t -> t.tagSet(many))),
                400, "BadRequest", "Bucket tag count cannot be greater than 50");
    }

    @Test
    void tagging_asAPrincipal_needsTheTaggingActionsInTheBucketPolicy() {
        createBucket(s3, "acme-raw");
        put(s3, "acme-raw", "a.csv", "1");
        S3Client analyst = aws.s3(Principal.role("analyst"));
        aws.dataPlatform().bucket("acme-raw").policy(BucketPolicy.builder()
                .allowRead(Principal.role("analyst"), "*").build());

        expectS3Error(() -> analyst.getObjectTagging(r -> r.bucket("acme-raw").key("a.csv")),
                403, "AccessDenied", "Access Denied");
        expectS3Error(() -> analyst.putObjectTagging(r -> r.bucket("acme-raw").key("a.csv")
                .tagging(t -> t.tagSet(tag("k", "v")))), 403, "AccessDenied", "Access Denied");
        expectS3Error(() -> analyst.getBucketTagging(r -> r.bucket("acme-raw")), 403, "AccessDenied", "Access Denied");
    }
}
