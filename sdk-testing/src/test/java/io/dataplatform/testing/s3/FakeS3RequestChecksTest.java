package io.dataplatform.testing.s3;

import static io.dataplatform.testing.s3.S3TestSupport.createBucket;
import static io.dataplatform.testing.s3.S3TestSupport.createVersionedBucket;
import static io.dataplatform.testing.s3.S3TestSupport.expectS3Error;
import static io.dataplatform.testing.s3.S3TestSupport.get;
import static io.dataplatform.testing.s3.S3TestSupport.put;
import static org.assertj.core.api.Assertions.assertThat;

import io.dataplatform.testing.FakeAws;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * Request parameters S3 checks before it answers: Content-MD5 on writes, CopyObject's source conditions,
 * GetObject/HeadObject's partNumber, and ListObjectsV2's continuation token (PutObject, UploadPart,
 * CopyObject, GetObject and ListObjectsV2 API references).
 */
class FakeS3RequestChecksTest {
    private static final String FAILED = "At least one of the pre-conditions you specified did not hold";
    private final FakeAws aws = FakeAws.create();
    private final S3Client s3 = aws.s3();

    private static String md5(String body) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void putObject_contentMd5IsChecked() {
        createBucket(s3, "acme-raw");
        s3.putObject(b -> b.bucket("acme-raw").key("ok").contentMD5(md5("body")), RequestBody.fromString("body"));
        assertThat(get(s3, "acme-raw", "ok")).isEqualTo("body");

        String otherMd5 = md5("other");
        expectS3Error(() -> s3.putObject(b -> b.bucket("acme-raw").key("bad").contentMD5(otherMd5),
                RequestBody.fromString("body")), 400, "BadDigest", "The Content-MD5 you specified did not match what we received.");
        expectS3Error(() -> s3.putObject(b -> b.bucket("acme-raw").key("bad").contentMD5("not-base64!"),
                RequestBody.fromString("body")), 400, "InvalidDigest", "The Content-MD5 you specified was invalid.");
        String shortDigest = Base64.getEncoder().encodeToString(new byte[8]);
        expectS3Error(() -> s3.putObject(b -> b.bucket("acme-raw").key("bad").contentMD5(shortDigest),
                RequestBody.fromString("body")), 400, "InvalidDigest", "The Content-MD5 you specified was invalid.");
        assertThat(s3.listObjectsV2(b -> b.bucket("acme-raw")).keyCount()).as("nothing stored").isEqualTo(1);
    }

    @Test
    void uploadPart_contentMd5IsChecked() {
        createBucket(s3, "acme-raw");
        String uploadId = s3.createMultipartUpload(b -> b.bucket("acme-raw").key("big")).uploadId();
        String otherMd5 = md5("other");
        expectS3Error(() -> s3.uploadPart(b -> b.bucket("acme-raw").key("big").uploadId(uploadId).partNumber(1)
                .contentMD5(otherMd5), RequestBody.fromString("part")), 400, "BadDigest",
                "The Content-MD5 you specified did not match what we received.");
        expectS3Error(() -> s3.uploadPart(b -> b.bucket("acme-raw").key("big").uploadId(uploadId).partNumber(1)
                .contentMD5("AAAA"), RequestBody.fromString("part")), 400, "InvalidDigest",
                "The Content-MD5 you specified was invalid.");
        assertThat(s3.listParts(b -> b.bucket("acme-raw").key("big").uploadId(uploadId)).parts()).isEmpty();

        s3.uploadPart(b -> b.bucket("acme-raw").key("big").uploadId(uploadId).partNumber(1).contentMD5(md5("part")),
                RequestBody.fromString("part"));
        assertThat(s3.listParts(b -> b.bucket("acme-raw").key("big").uploadId(uploadId)).parts()).hasSize(1);
    }

    private CopyObjectRequest.Builder copy(CopyObjectRequest.Builder b) {
        return b.sourceBucket("acme-raw").sourceKey("src").destinationBucket("acme-raw").destinationKey("dst");
    }

    @Test
    void copyObject_sourceEtagConditions() {
        createBucket(s3, "acme-raw");
        String etag = put(s3, "acme-raw", "src", "v1").eTag();

        expectS3Error(() -> s3.copyObject(b -> copy(b).copySourceIfMatch("\"0123\"")), 412, "PreconditionFailed", FAILED);
        expectS3Error(() -> s3.copyObject(b -> copy(b).copySourceIfNoneMatch(etag)), 412, "PreconditionFailed", FAILED);
        expectS3Error(() -> get(s3, "acme-raw", "dst"), 404, "NoSuchKey", "The specified key does not exist.");

        s3.copyObject(b -> copy(b).copySourceIfMatch(etag).copySourceIfNoneMatch("\"0123\""));
        assertThat(get(s3, "acme-raw", "dst")).isEqualTo("v1");
    }

    @Test
    void copyObject_sourceDateConditionsAndTheirDocumentedCombinations() {
        createBucket(s3, "acme-raw");
        String etag = put(s3, "acme-raw", "src", "v1").eTag();
        Instant written = s3.headObject(b -> b.bucket("acme-raw").key("src")).lastModified();
        Instant before = written.minus(Duration.ofHours(1));
        Instant after = written.plus(Duration.ofHours(1));

        expectS3Error(() -> s3.copyObject(b -> copy(b).copySourceIfUnmodifiedSince(before)), 412, "PreconditionFailed", FAILED);
        expectS3Error(() -> s3.copyObject(b -> copy(b).copySourceIfModifiedSince(after)), 412, "PreconditionFailed", FAILED);
        s3.copyObject(b -> copy(b).copySourceIfUnmodifiedSince(after).copySourceIfModifiedSince(before));

        // Documented: if-match true with if-unmodified-since false copies.
        s3.deleteObject(b -> b.bucket("acme-raw").key("dst"));
        s3.copyObject(b -> copy(b).copySourceIfMatch(etag).copySourceIfUnmodifiedSince(before));
        assertThat(get(s3, "acme-raw", "dst")).isEqualTo("v1");
        // Documented: if-none-match false with if-modified-since true fails.
        expectS3Error(() -> s3.copyObject(b -> copy(b).copySourceIfNoneMatch(etag).copySourceIfModifiedSince(before)),
                412, "PreconditionFailed", FAILED);
    }

    @Test
    void getAndHeadObject_dateConditions() {
        createBucket(s3, "acme-raw");
        String etag = put(s3, "acme-raw", "k", "v1").eTag();
        Instant written = s3.headObject(b -> b.bucket("acme-raw").key("k")).lastModified();
        Instant before = written.minus(Duration.ofHours(1));
        Instant after = written.plus(Duration.ofHours(1));

        expectS3Error(() -> s3.getObjectAsBytes(b -> b.bucket("acme-raw").key("k").ifUnmodifiedSince(before)),
                412, "PreconditionFailed", FAILED);
        expectS3Error(() -> s3.getObjectAsBytes(b -> b.bucket("acme-raw").key("k").ifModifiedSince(after)),
                304, "NotModified", "Not Modified");
        expectS3Error(() -> s3.headObject(b -> b.bucket("acme-raw").key("k").ifModifiedSince(written)),
                304, "NotModified", "Not Modified");
        assertThat(s3.getObjectAsBytes(b -> b.bucket("acme-raw").key("k").ifModifiedSince(before)
                .ifUnmodifiedSince(after)).asUtf8String()).isEqualTo("v1");
        // Documented: If-Match true with If-Unmodified-Since false answers 200; If-None-Match false with
        // If-Modified-Since true answers 304.
        assertThat(s3.getObjectAsBytes(b -> b.bucket("acme-raw").key("k").ifMatch(etag).ifUnmodifiedSince(before))
                .asUtf8String()).isEqualTo("v1");
        expectS3Error(() -> s3.getObjectAsBytes(b -> b.bucket("acme-raw").key("k").ifNoneMatch(etag)
                .ifModifiedSince(before)), 304, "NotModified", "Not Modified");
    }

    @Test
    void copyObject_conditionsApplyToTheNamedSourceVersion() {
        createVersionedBucket(s3, "acme-raw");
        String oldEtag = put(s3, "acme-raw", "src", "v1").eTag();
        String oldVersion = s3.headObject(b -> b.bucket("acme-raw").key("src")).versionId();
        put(s3, "acme-raw", "src", "v2");

        s3.copyObject(b -> copy(b).sourceVersionId(oldVersion).copySourceIfMatch(oldEtag));
        assertThat(get(s3, "acme-raw", "dst")).isEqualTo("v1");
        expectS3Error(() -> s3.copyObject(b -> copy(b).copySourceIfMatch(oldEtag)), 412, "PreconditionFailed", FAILED);
    }

    @Test
    void partNumber_ofASinglePartObject_isOnlyPartOne() {
        createBucket(s3, "acme-raw");
        put(s3, "acme-raw", "small", "whole object");

        ResponseBytes<GetObjectResponse> one = s3.getObjectAsBytes(b -> b.bucket("acme-raw").key("small").partNumber(1));
        assertThat(one.asUtf8String()).isEqualTo("whole object");
        // Still a ranged read: 206 with the whole object's Content-Range, and no parts count (no parts).
        assertThat(one.response().sdkHttpResponse().statusCode()).isEqualTo(206);
        assertThat(one.response().contentRange()).isEqualTo("bytes 0-11/12");
        assertThat(one.response().partsCount()).isNull();
        var head = s3.headObject(b -> b.bucket("acme-raw").key("small").partNumber(1));
        assertThat(head.contentLength()).isEqualTo(12L);
        assertThat(head.sdkHttpResponse().statusCode()).isEqualTo(206);
        assertThat(head.contentRange()).isEqualTo("bytes 0-11/12");
        expectS3Error(() -> s3.getObjectAsBytes(b -> b.bucket("acme-raw").key("small").partNumber(2)),
                416, "InvalidPartNumber", "The requested partnumber is not satisfiable");
        expectS3Error(() -> s3.headObject(b -> b.bucket("acme-raw").key("small").partNumber(2)),
                416, "InvalidPartNumber", "The requested partnumber is not satisfiable");
    }

    @Test
    void partNumber_ofAMultipartObject_returnsThatPart() {
        createBucket(s3, "acme-raw");
        byte[] first = new byte[5 * 1024 * 1024];
        Arrays.fill(first, (byte) 'a');
        String uploadId = s3.createMultipartUpload(b -> b.bucket("acme-raw").key("big")).uploadId();
        String e1 = s3.uploadPart(b -> b.bucket("acme-raw").key("big").uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(first)).eTag();
        String e2 = s3.uploadPart(b -> b.bucket("acme-raw").key("big").uploadId(uploadId).partNumber(2),
                RequestBody.fromString("tail")).eTag();
        s3.completeMultipartUpload(b -> b.bucket("acme-raw").key("big").uploadId(uploadId)
                .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(e1), p -> p.partNumber(2).eTag(e2))));
        long total = first.length + 4L;

        ResponseBytes<GetObjectResponse> two = s3.getObjectAsBytes(b -> b.bucket("acme-raw").key("big").partNumber(2));
        assertThat(two.asUtf8String()).isEqualTo("tail");
        assertThat(two.response().partsCount()).isEqualTo(2);
        assertThat(two.response().contentRange()).isEqualTo("bytes " + first.length + "-" + (total - 1) + "/" + total);
        HeadObjectResponse head = s3.headObject(b -> b.bucket("acme-raw").key("big").partNumber(1));
        assertThat(head.contentLength()).isEqualTo(first.length);
        assertThat(head.partsCount()).isEqualTo(2);
        expectS3Error(() -> s3.getObjectAsBytes(b -> b.bucket("acme-raw").key("big").partNumber(3)),
                416, "InvalidPartNumber", "The requested partnumber is not satisfiable");
    }

    @Test
    void listObjectsV2_refusesAContinuationTokenItDidNotIssue() {
        createBucket(s3, "acme-raw");
        put(s3, "acme-raw", "a", "1");
        put(s3, "acme-raw", "b", "2");
        String token = s3.listObjectsV2(b -> b.bucket("acme-raw").maxKeys(1)).nextContinuationToken();
        assertThat(s3.listObjectsV2(b -> b.bucket("acme-raw").continuationToken(token)).contents())
                .extracting(o -> o.key()).containsExactly("b");

        String madeUp = Base64.getUrlEncoder().encodeToString("a".getBytes(StandardCharsets.UTF_8));
        expectS3Error(() -> s3.listObjectsV2(b -> b.bucket("acme-raw").continuationToken(madeUp)),
                400, "InvalidArgument", "The continuation token provided is incorrect");
        expectS3Error(() -> s3.listObjectsV2(b -> b.bucket("acme-raw").continuationToken("a")),
                400, "InvalidArgument", "The continuation token provided is incorrect");
    }
}
