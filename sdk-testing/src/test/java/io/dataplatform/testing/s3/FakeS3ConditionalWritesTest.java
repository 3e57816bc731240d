package io.dataplatform.testing.s3;

import static io.dataplatform.testing.s3.S3TestSupport.createBucket;
import static io.dataplatform.testing.s3.S3TestSupport.createVersionedBucket;
import static io.dataplatform.testing.s3.S3TestSupport.expectS3Error;
import static io.dataplatform.testing.s3.S3TestSupport.get;
import static io.dataplatform.testing.s3.S3TestSupport.put;
import static org.assertj.core.api.Assertions.assertThat;

import io.dataplatform.testing.FakeAws;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * Conditional writes and deletes, as the S3 user guide describes them ("How to prevent object overwrites with
 * conditional writes", "How to perform conditional deletes"): evaluated against the key's current version.
 */
class FakeS3ConditionalWritesTest {
    private static final String FAILED = "At least one of the pre-conditions you specified did not hold";
    private final FakeAws aws = FakeAws.create();
    private final S3Client s3 = aws.s3();

    @Test
    void putIfNoneMatchStar_createsOnlyWhenTheKeyHasNoObject() {
        createBucket(s3, "acme-raw");
        s3.putObject(b -> b.bucket("acme-raw").key("lock").ifNoneMatch("*"), RequestBody.fromString("first"));

        expectS3Error(() -> s3.putObject(b -> b.bucket("acme-raw").key("lock").ifNoneMatch("*"), RequestBody.fromString("second")),
                412, "PreconditionFailed", FAILED);
        assertThat(get(s3, "acme-raw", "lock")).isEqualTo("first");
        expectS3Error(() -> s3.putObject(b -> b.bucket("acme-raw").key("lock").ifNoneMatch("\"abc\""), RequestBody.fromString("x")),
                501, "NotImplemented", "A header you provided implies functionality that is not implemented");
    }

    @Test
    void putIfMatch_replacesOnlyTheVersionWhoseEtagWasRead() {
        createBucket(s3, "acme-raw");
        String etag = put(s3, "acme-raw", "counter", "1").eTag();
        s3.putObject(b -> b.bucket("acme-raw").key("counter").ifMatch(etag), RequestBody.fromString("2"));

        // The second writer still holds the first ETag: its update is refused, not lost.
        expectS3Error(() -> s3.putObject(b -> b.bucket("acme-raw").key("counter").ifMatch(etag), RequestBody.fromString("2'")),
                412, "PreconditionFailed", FAILED);
        assertThat(get(s3, "acme-raw", "counter")).isEqualTo("2");
        expectS3Error(() -> s3.putObject(b -> b.bucket("acme-raw").key("absent").ifMatch(etag), RequestBody.fromString("x")),
                404, "NoSuchKey", "The specified key does not exist.");
    }

    @Test
    void ifMatchWithIfNoneMatch_isNotImplemented_whateverTheObject() {
        createBucket(s3, "acme-raw");
        String etag = put(s3, "acme-raw", "counter", "1").eTag();
        String notImplemented = "A header you provided implies functionality that is not implemented";

        expectS3Error(() -> s3.putObject(b -> b.bucket("acme-raw").key("counter").ifMatch(etag).ifNoneMatch("*"),
                RequestBody.fromString("2")), 501, "NotImplemented", notImplemented);
        expectS3Error(() -> s3.putObject(b -> b.bucket("acme-raw").key("absent").ifMatch("*").ifNoneMatch("*"),
                RequestBody.fromString("2")), 501, "NotImplemented", notImplemented);
        assertThat(get(s3, "acme-raw", "counter")).isEqualTo("1");
    }

    @Test
    void aDeleteMarker_countsAsNoObject() {
        createVersionedBucket(s3, "acme-versions");
        put(s3, "acme-versions", "k", "v1");
        s3.deleteObject(b -> b.bucket("acme-versions").key("k"));

        s3.putObject(b -> b.bucket("acme-versions").key("k").ifNoneMatch("*"), RequestBody.fromString("v2"));
        assertThat(get(s3, "acme-versions", "k")).isEqualTo("v2");
    }

    @Test
    void copyAndCompleteMultipartUpload_honourTheConditionsAtTheDestination() {
        createBucket(s3, "acme-raw");
        put(s3, "acme-raw", "src", "data");
        put(s3, "acme-raw", "dst", "old");
        expectS3Error(() -> s3.copyObject(b -> b.sourceBucket("acme-raw").sourceKey("src").destinationBucket("acme-raw")
                .destinationKey("dst").ifNoneMatch("*")), 412, "PreconditionFailed", FAILED);

        String upload = s3.createMultipartUpload(b -> b.bucket("acme-raw").key("dst")).uploadId();
        String part = s3.uploadPart(b -> b.bucket("acme-raw").key("dst").uploadId(upload).partNumber(1),
                RequestBody.fromString("new")).eTag();
        expectS3Error(() -> s3.completeMultipartUpload(b -> b.bucket("acme-raw").key("dst").uploadId(upload).ifMatch("\"nope\"")
                .multipartUpload(u -> u.parts(CompletedPart.builder().partNumber(1).eTag(part).build()))), 412, "PreconditionFailed", FAILED);
        assertThat(get(s3, "acme-raw", "dst")).isEqualTo("old");
    }

    @Test
    void deleteIfMatch_deletesOnlyTheVersionWhoseEtagWasRead() {
        createBucket(s3, "acme-raw");
        String etag = put(s3, "acme-raw", "k", "v1").eTag();
        put(s3, "acme-raw", "k", "v2");

        expectS3Error(() -> s3.deleteObject(b -> b.bucket("acme-raw").key("k").ifMatch(etag)), 412, "PreconditionFailed", FAILED);
        assertThat(get(s3, "acme-raw", "k")).isEqualTo("v2");
        expectS3Error(() -> s3.deleteObject(b -> b.bucket("acme-raw").key("gone").ifMatch("*")), 404, "NoSuchKey",
                "The specified key does not exist.");
        s3.deleteObject(b -> b.bucket("acme-raw").key("k").ifMatch("*"));

        put(s3, "acme-raw", "a", "1");
        var result = s3.deleteObjects(b -> b.bucket("acme-raw").delete(d -> d.objects(
                ObjectIdentifier.builder().key("a").eTag("\"0000\"").build())));
        assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e.code()).isEqualTo("PreconditionFailed"));
        assertThat(get(s3, "acme-raw", "a")).isEqualTo("1");
    }
}
