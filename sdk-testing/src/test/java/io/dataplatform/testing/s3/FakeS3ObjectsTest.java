package io.dataplatform.testing.s3;

import static io.dataplatform.testing.s3.S3TestSupport.createBucket;
import static io.dataplatform.testing.s3.S3TestSupport.createVersionedBucket;
import static io.dataplatform.testing.s3.S3TestSupport.expectS3Error;
import static io.dataplatform.testing.s3.S3TestSupport.get;
import static io.dataplatform.testing.s3.S3TestSupport.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dataplatform.testing.FakeAws;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

class FakeS3ObjectsTest {
    private final FakeAws aws = FakeAws.create();
    private final S3Client s3 = aws.s3();

    @BeforeEach
    void bucket() {
        createBucket(s3, "acme-raw");
    }

    @Test
    void putThenGet_returnsBytesEtagMetadataAndAttributes() {
        var put = s3.putObject(b -> b.bucket("acme-raw").key("a.txt").metadata(Map.of("Owner", "sales")),
                RequestBody.fromBytes("hello".getBytes(StandardCharsets.UTF_8)));

        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket("acme-raw").key("a.txt"));

        assertThat(put.eTag()).isEqualTo("\"5d41402abc4b2a76b9719d911017c592\"");
        assertThat(put.versionId()).isNull();
        assertThat(got.asUtf8String()).isEqualTo("hello");
        GetObjectResponse r = got.response();
        assertThat(r.eTag()).isEqualTo(put.eTag());
        assertThat(r.contentLength()).isEqualTo(5L);
        assertThat(r.contentType()).isEqualTo("application/octet-stream");
        assertThat(r.metadata()).isEqualTo(Map.of("owner", "sales"));
        assertThat(r.lastModified()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    }

    @Test
    void write_noContentTypeAnywhere_storesBinaryOctetStream() {
        String upload = s3.createMultipartUpload(b -> b.bucket("acme-raw").key("a.bin")).uploadId();
        String etag = s3.uploadPart(b -> b.bucket("acme-raw").key("a.bin").uploadId(upload).partNumber(1),
                RequestBody.fromBytes(new byte[3])).eTag();
        s3.completeMultipartUpload(b -> b.bucket("acme-raw").key("a.bin").uploadId(upload)
                .multipartUpload(m -> m.parts(software.amazon.awssdk.services.s3.model.CompletedPart.builder()
                        .partNumber(1).eTag(etag).build())));
        assertThat(s3.headObject(b -> b.bucket("acme-raw").key("a.bin")).contentType()).isEqualTo("binary/octet-stream");
    }

    @Test
    void getObject_ranges_return206SlicesAndContentRange() {
        put(s3, "acme-raw", "digits.txt", "0123456789");

        var first = s3.getObjectAsBytes(b -> b.bucket("acme-raw").key("digits.txt").range("bytes=2-4"));
        var open = s3.getObjectAsBytes(b -> b.bucket("acme-raw").key("digits.txt").range("bytes=7-"));
        var suffix = s3.getObjectAsBytes(b -> b.bucket("acme-raw").key("digits.txt").range("bytes=-3"));
        var clipped = s3.getObjectAsBytes(b -> b.bucket("acme-raw").key("digits.txt").range("bytes=8-100"));

        assertThat(first.asUtf8String()).isEqualTo("234");
        assertThat(first.response().contentRange()).isEqualTo("bytes 2-4/10");
        assertThat(first.response().contentLength()).isEqualTo(3L);
        assertThat(first.response().sdkHttpResponse().statusCode()).isEqualTo(206);
        assertThat(open.asUtf8String()).isEqualTo("789");
        assertThat(suffix.asUtf8String()).isEqualTo("789");
        assertThat(suffix.response().contentRange()).isEqualTo("bytes 7-9/10");
        assertThat(clipped.asUtf8String()).isEqualTo("89");
    }

    @Test
    void getObject_toBytes_answersAsAStreamReadingTransformerDoes_andTheBytesAreTheCallers() throws Exception {
        put(s3, "acme-raw", "digits.txt", "0123456789");
        // A transformer of the user's own reads the stream; toBytes() may be answered without one. Same answers.
        ResponseTransformer<GetObjectResponse, ResponseBytes<GetObjectResponse>> streamRead =
                (response, in) -> ResponseBytes.fromByteArray(response, in.readAllBytes());

        for (String range : new String[] {null, "bytes=2-4", "bytes=-3", "bytes=8-100"}) {
            var request = GetObjectRequest.builder().bucket("acme-raw").key("digits.txt").range(range).build();
            ResponseBytes<GetObjectResponse> bytes = s3.getObject(request, ResponseTransformer.toBytes());
            ResponseBytes<GetObjectResponse> streamed = s3.getObject(request, streamRead);
            assertThat(bytes.asUtf8String()).as(range).isEqualTo(streamed.asUtf8String());
            assertThat(bytes.response()).as(range).isEqualTo(streamed.response());
        }

        s3.getObjectAsBytes(b -> b.bucket("acme-raw").key("digits.txt")).asByteArrayUnsafe()[0] = 'X';
        assertThat(get(s3, "acme-raw", "digits.txt")).isEqualTo("0123456789");
    }

    @Test
    void getObject_toBytes_onAnInterruptedThread_failsAsTheSdkDoes() {
        put(s3, "acme-raw", "a.txt", "a");
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket("acme-raw").key("a.txt")))
                    .isInstanceOf(AbortedException.class).hasMessage("Thread was interrupted");
            assertThat(Thread.currentThread().isInterrupted()).as("the flag is set again").isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void getObject_rangePastEnd_fails416InvalidRange() {
        put(s3, "acme-raw", "digits.txt", "0123456789");
        expectS3Error(() -> s3.getObjectAsBytes(b -> b.bucket("acme-raw").key("digits.txt").range("bytes=10-")),
                416, "InvalidRange", "The requested range is not satisfiable");
    }

    @Test
    void getObject_asInputStream_readsWholeObject() throws Exception {
        put(s3, "acme-raw", "a.txt", "stream me");
        try (var in = s3.getObject(b -> b.bucket("acme-raw").key("a.txt"))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("stream me");
            assertThat(in.response().contentLength()).isEqualTo(9L);
        }
    }

    @Test
    void getObject_missingKey_fails404NoSuchKey() {
        var e = expectS3Error(() -> get(s3, "acme-raw", "missing"), 404, "NoSuchKey", "The specified key does not exist.");
        assertThat(e).isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void headObject_missingKey_fails404NotFoundWithoutMessage() {
        NoSuchKeyException e = catchThrowableOfType(NoSuchKeyException.class,
                () -> s3.headObject(b -> b.bucket("acme-raw").key("missing")));
        assertThat(e.statusCode()).isEqualTo(404);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotFound");
        assertThat(e.awsErrorDetails().errorMessage()).isNull();
    }

    @Test
    void putObject_keyOver1024Bytes_fails400KeyTooLongError() {
        String key = "é".repeat(513);
        expectS3Error(() -> put(s3, "acme-raw", key, "x"), 400, "KeyTooLongError", "Your key is too long");
        put(s3, "acme-raw", "k".repeat(1024), "x");
    }

    @Test
    void putObject_keyLengthInUtf8Bytes_countsThreeAndFourByteCharacters() {
        // 342 chars of 3 bytes (1,026) are too long; 341 (1,023) are not, nor 256 surrogate pairs (512 chars, 1,024 bytes).
        expectS3Error(() -> put(s3, "acme-raw", "\u20ac".repeat(342), "x"), 400, "KeyTooLongError", "Your key is too long");
        expectS3Error(() -> put(s3, "acme-raw", "\ud83d\ude00".repeat(257), "x"), 400, "KeyTooLongError",
                "Your key is too long");
        put(s3, "acme-raw", "\u20ac".repeat(341), "x");
        put(s3, "acme-raw", "\ud83d\ude00".repeat(256), "x");
        assertThat(s3.headObject(b -> b.bucket("acme-raw").key("\u20ac".repeat(341))).contentLength()).isEqualTo(1L);
    }

    @Test
    void putObject_metadataOver2KB_fails400MetadataTooLarge() {
        expectS3Error(() -> s3.putObject(b -> b.bucket("acme-raw").key("a").metadata(Map.of("big", "v".repeat(2046))),
                RequestBody.fromString("x")), 400, "MetadataTooLarge",
                "Your metadata headers exceed the maximum allowed metadata size");
    }

    @Test
    void putObject_emptyKey_failsClientSide() {
        assertThatThrownBy(() -> put(s3, "acme-raw", "", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Parameter 'Key' must not be empty");
        assertThat(aws.calls().all()).extracting(c -> c.operation()).containsExactly("CreateBucket");
    }

    @Test
    void copyObject_copyDirective_keepsMetadataAndEtag() {
        var put = s3.putObject(b -> b.bucket("acme-raw").key("a.txt").contentType("text/csv").metadata(Map.of("m", "1")),
                RequestBody.fromString("a,b"));

        var copy = s3.copyObject(b -> b.sourceBucket("acme-raw").sourceKey("a.txt")
                .destinationBucket("acme-raw").destinationKey("b.txt"));

        assertThat(copy.copyObjectResult().eTag()).isEqualTo(put.eTag());
        var head = s3.headObject(b -> b.bucket("acme-raw").key("b.txt"));
        assertThat(head.contentType()).isEqualTo("text/csv");
        assertThat(head.metadata()).isEqualTo(Map.of("m", "1"));
    }

    @Test
    void copyObject_replaceDirective_replacesMetadataOnSameKey() {
        s3.putObject(b -> b.bucket("acme-raw").key("a.txt").metadata(Map.of("m", "1")), RequestBody.fromString("x"));

        s3.copyObject(b -> b.sourceBucket("acme-raw").sourceKey("a.txt").destinationBucket("acme-raw")
                .destinationKey("a.txt").metadataDirective(MetadataDirective.REPLACE).metadata(Map.of("m", "2")));

        assertThat(s3.headObject(b -> b.bucket("acme-raw").key("a.txt")).metadata()).isEqualTo(Map.of("m", "2"));
    }

    @Test
    void copyObject_toItselfWithoutChanges_fails400InvalidRequest() {
        put(s3, "acme-raw", "a.txt", "x");
        expectS3Error(() -> s3.copyObject(b -> b.sourceBucket("acme-raw").sourceKey("a.txt")
                        .destinationBucket("acme-raw").destinationKey("a.txt")), 400, "InvalidRequest",
                "This copy request is illegal because it is trying to copy an object to itself without changing the "
                        + "object's metadata, storage class, website redirect location or encryption attributes.");
    }

    @Test
    void copyObject_olderVersionOntoSameKey_restoresIt() {
        createVersionedBucket(s3, "acme-hist");
        var v1 = put(s3, "acme-hist", "a.txt", "one");
        put(s3, "acme-hist", "a.txt", "two");

        var copy = s3.copyObject(b -> b.sourceBucket("acme-hist").sourceKey("a.txt").sourceVersionId(v1.versionId())
                .destinationBucket("acme-hist").destinationKey("a.txt"));

        assertThat(copy.copySourceVersionId()).isEqualTo(v1.versionId());
        assertThat(get(s3, "acme-hist", "a.txt")).isEqualTo("one");
        assertThat(s3.listObjectVersions(b -> b.bucket("acme-hist")).versions()).hasSize(3);
    }
}
