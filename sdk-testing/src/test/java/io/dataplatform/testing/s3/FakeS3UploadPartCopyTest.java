package io.dataplatform.testing.s3;

import static io.dataplatform.testing.s3.S3TestSupport.createBucket;
import static io.dataplatform.testing.s3.S3TestSupport.createVersionedBucket;
import static io.dataplatform.testing.s3.S3TestSupport.expectS3Error;
import static io.dataplatform.testing.s3.S3TestSupport.put;
import static org.assertj.core.api.Assertions.assertThat;

import io.dataplatform.s3.Principal;
import io.dataplatform.testing.FakeAws;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;

class FakeS3UploadPartCopyTest {
    private static final int MIB = 1024 * 1024;
    private static final String ANALYST = "arn:aws:iam::123456789012:role/analyst";
    private static final String RANGE_FORM = "The x-amz-copy-source-range value must be of the form bytes=first-last "
            + "where first and last are the zero-based offsets of the first and last bytes to copy";
    private final FakeAws aws = FakeAws.create();
    private final S3Client s3 = aws.s3();
    private final byte[] source = pattern(11 * MIB + 3);
    private String uploadId;

    @BeforeEach
    void upload() {
        createBucket(s3, "acme-raw");
        createBucket(s3, "acme-curated");
        s3.putObject(b -> b.bucket("acme-raw").key("src.bin"), RequestBody.fromBytes(source));
        uploadId = s3.createMultipartUpload(b -> b.bucket("acme-curated").key("big.bin")).uploadId();
    }

    private UploadPartCopyResponse copy(S3Client client, int number, java.util.function.Consumer<UploadPartCopyRequest.Builder> more) {
        return client.uploadPartCopy(b -> {
            b.destinationBucket("acme-curated").destinationKey("big.bin").uploadId(uploadId).partNumber(number)
                    .sourceBucket("acme-raw").sourceKey("src.bin");
            more.accept(b);
        });
    }

    private UploadPartCopyResponse copy(int number, String range) {
        return copy(s3, number, b -> b.copySourceRange(range));
    }

    private static CompletedPart completed(int number, UploadPartCopyResponse response) {
        return CompletedPart.builder().partNumber(number).eTag(response.copyPartResult().eTag()).build();
    }

    private void complete(CompletedPart... parts) {
        s3.completeMultipartUpload(b -> b.bucket("acme-curated").key("big.bin").uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts)));
    }

    @Test
    void copyInRanges_completesToTheSourceBytesWithTheMultipartEtag() throws Exception {
        UploadPartCopyResponse p1 = copy(1, "bytes=0-" + (5 * MIB - 1));
        UploadPartCopyResponse p2 = copy(2, "bytes=" + 5 * MIB + "-" + (10 * MIB - 1));
        UploadPartCopyResponse p3 = copy(3, "bytes=" + 10 * MIB + "-" + (source.length - 1));

        var done = s3.completeMultipartUpload(b -> b.bucket("acme-curated").key("big.bin").uploadId(uploadId)
                .multipartUpload(m -> m.parts(completed(1, p1), completed(2, p2), completed(3, p3))));

        ByteArrayOutputStream md5s = new ByteArrayOutputStream();
        md5s.writeBytes(md5(slice(0, 5 * MIB)));
        md5s.writeBytes(md5(slice(5 * MIB, 10 * MIB)));
        md5s.writeBytes(md5(slice(10 * MIB, source.length)));
        assertThat(done.eTag()).isEqualTo("\"" + HexFormat.of().formatHex(md5(md5s.toByteArray())) + "-3\"");
        assertThat(s3.getObjectAsBytes(b -> b.bucket("acme-curated").key("big.bin")).asByteArray()).isEqualTo(source);
        assertThat(s3.listMultipartUploads(b -> b.bucket("acme-curated")).uploads()).isEmpty();
    }

    @Test
    void copyPart_answersTheMd5EtagOfTheCopiedBytesAndWhenItWasCopied() throws Exception {
        UploadPartCopyResponse response = copy(1, "bytes=10-19");

        assertThat(response.copyPartResult().eTag()).isEqualTo("\"" + HexFormat.of().formatHex(md5(slice(10, 20))) + "\"");
        assertThat(response.copyPartResult().lastModified()).isEqualTo(
                s3.listParts(b -> b.bucket("acme-curated").key("big.bin").uploadId(uploadId)).parts().get(0).lastModified());
        assertThat(response.copySourceVersionId()).isNull();
        var part = s3.listParts(b -> b.bucket("acme-curated").key("big.bin").uploadId(uploadId)).parts().get(0);
        assertThat(part.size()).isEqualTo(10L);
        assertThat(part.eTag()).isEqualTo(response.copyPartResult().eTag());
    }

    @Test
    void copyPart_intoAnUploadWithAChecksum_answersTheChecksumOfTheCopiedBytes() {
        String withCrc = s3.createMultipartUpload(b -> b.bucket("acme-curated").key("big.bin")
                .checksumAlgorithm(ChecksumAlgorithm.CRC32)).uploadId();
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(slice(0, 10));

        UploadPartCopyResponse response = copy(s3, 1, b -> b.uploadId(withCrc).copySourceRange("bytes=0-9"));

        assertThat(response.copyPartResult().checksumCRC32()).isEqualTo(
                Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array()));
    }

    @Test
    @SuppressWarnings("deprecation")
    void copyPart_withoutRange_copiesTheWholeSourceNamedByTheUrlEncodedHeader() {
        put(s3, "acme-raw", "in/a b+c.csv", "whole");
        UploadPartCopyResponse response = s3.uploadPartCopy(b -> b.destinationBucket("acme-curated")
                .destinationKey("big.bin").uploadId(uploadId).partNumber(1).copySource("acme-raw/in/a%20b%2Bc.csv"));

        complete(completed(1, response));

        assertThat(S3TestSupport.get(s3, "acme-curated", "big.bin")).isEqualTo("whole");
    }

    @Test
    void copyPart_ofAnOlderVersion_copiesItAndAnswersItsVersionId() {
        createVersionedBucket(s3, "acme-history");
        String v1 = put(s3, "acme-history", "t.csv", "one").versionId();
        put(s3, "acme-history", "t.csv", "two");

        UploadPartCopyResponse response = s3.uploadPartCopy(b -> b.destinationBucket("acme-curated")
                .destinationKey("big.bin").uploadId(uploadId).partNumber(1)
                .sourceBucket("acme-history").sourceKey("t.csv").sourceVersionId(v1));
        complete(completed(1, response));

        assertThat(response.copySourceVersionId()).isEqualTo(v1);
        assertThat(S3TestSupport.get(s3, "acme-curated", "big.bin")).isEqualTo("one");
    }

    @Test
    void copyPart_rangeNotOfTheFormBytesFirstLast_fails400InvalidArgument() {
        for (String range : new String[] {"bytes=0-", "bytes=-5", "0-4", "bytes=5-2", "bytes=0-1,3-4", "bytes=a-b"}) {
            expectS3Error(() -> copy(1, range), 400, "InvalidArgument", RANGE_FORM);
        }
    }

    @Test
    void copyPart_rangePastTheSourcesEnd_fails400InvalidArgument() {
        expectS3Error(() -> copy(1, "bytes=0-" + source.length), 400, "InvalidArgument",
                "Range specified is not valid for source object of size: " + source.length);
        copy(1, "bytes=0-" + (source.length - 1));
    }

    @Test
    void copyPart_copySourceConditionThatDoesNotHold_fails412() {
        String etag = s3.headObject(b -> b.bucket("acme-raw").key("src.bin")).eTag();
        Instant modified = s3.headObject(b -> b.bucket("acme-raw").key("src.bin")).lastModified();
        String failed = "At least one of the pre-conditions you specified did not hold";

        expectS3Error(() -> copy(s3, 1, b -> b.copySourceIfMatch("\"0000\"")), 412, "PreconditionFailed", failed);
        expectS3Error(() -> copy(s3, 1, b -> b.copySourceIfNoneMatch(etag)), 412, "PreconditionFailed", failed);
        expectS3Error(() -> copy(s3, 1, b -> b.copySourceIfModifiedSince(modified.plus(Duration.ofDays(1)))),
                412, "PreconditionFailed", failed);
        expectS3Error(() -> copy(s3, 1, b -> b.copySourceIfUnmodifiedSince(modified.minus(Duration.ofDays(1)))),
                412, "PreconditionFailed", failed);
        copy(s3, 1, b -> b.copySourceIfMatch(etag).copySourceIfUnmodifiedSince(modified.plus(Duration.ofDays(1))));
    }

    @Test
    void copyPart_missingSource_fails404() {
        expectS3Error(() -> copy(s3, 1, b -> b.sourceKey("absent.bin")), 404, "NoSuchKey",
                "The specified key does not exist.");
        expectS3Error(() -> copy(s3, 1, b -> b.sourceBucket("acme-absent")), 404, "NoSuchBucket",
                "The specified bucket does not exist");
    }

    @Test
    void copyPart_sourceBehindADeleteMarker_fails404_andNamingTheMarker400() {
        createVersionedBucket(s3, "acme-history");
        put(s3, "acme-history", "t.csv", "one");
        String marker = s3.deleteObject(b -> b.bucket("acme-history").key("t.csv")).versionId();

        expectS3Error(() -> copy(s3, 1, b -> b.sourceBucket("acme-history").sourceKey("t.csv")), 404, "NoSuchKey",
                "The specified key does not exist.");
        expectS3Error(() -> copy(s3, 1, b -> b.sourceBucket("acme-history").sourceKey("t.csv").sourceVersionId(marker)),
                400, "InvalidRequest", "The source of a copy request may not specifically refer to a delete marker by version id.");
    }

    @Test
    void copyPart_archivedSource_fails403InvalidObjectState() {
        s3.putObject(b -> b.bucket("acme-raw").key("cold.bin").storageClass("GLACIER"), RequestBody.fromString("cold"));

        expectS3Error(() -> copy(s3, 1, b -> b.sourceKey("cold.bin")), 403, "InvalidObjectState",
                "The operation is not valid for the object's storage class");
    }

    @Test
    void copyPart_needsGetObjectOnTheSourceAndPutObjectOnTheTarget() {
        S3Client analyst = aws.s3(Principal.role("analyst"));
        String principal = "{\"AWS\":\"" + ANALYST + "\"}";
        s3.putBucketPolicy(b -> b.bucket("acme-curated")
                .policy(Policies.document(Policies.allow(principal, "s3:PutObject", "arn:aws:s3:::acme-curated/*"))));
        expectS3Error(() -> copy(analyst, 1, b -> b.copySourceRange("bytes=0-9")), 403, "AccessDenied", "Access Denied");

        s3.putBucketPolicy(b -> b.bucket("acme-raw")
                .policy(Policies.document(Policies.allow(principal, "s3:GetObject", "arn:aws:s3:::acme-raw/*"))));
        assertThat(copy(analyst, 1, b -> b.copySourceRange("bytes=0-9")).copyPartResult().eTag()).isNotBlank();

        s3.deleteBucketPolicy(b -> b.bucket("acme-curated"));
        expectS3Error(() -> copy(analyst, 1, b -> b.copySourceRange("bytes=0-9")), 403, "AccessDenied", "Access Denied");
    }

    @Test
    void complete_smallCopiedPartBeforeTheLast_fails400EntityTooSmall() {
        UploadPartCopyResponse p1 = copy(1, "bytes=0-9");
        UploadPartCopyResponse p2 = copy(2, "bytes=10-19");

        expectS3Error(() -> complete(completed(1, p1), completed(2, p2)), 400, "EntityTooSmall",
                "Your proposed upload is smaller than the minimum allowed object size.");
    }

    @Test
    void copyPart_unknownUploadOrPartNumberOutOfRange_failsAsUploadPart() {
        expectS3Error(() -> copy(s3, 1, b -> b.uploadId("nope")), 404, "NoSuchUpload", "The specified upload does not "
                + "exist. The upload ID may be invalid, or the upload may have been aborted or completed.");
        expectS3Error(() -> copy(10_001, "bytes=0-9"), 400, "InvalidArgument",
                "Part number must be an integer between 1 and 10000, inclusive");
    }

    private byte[] slice(int from, int to) {
        return java.util.Arrays.copyOfRange(source, from, to);
    }

    private static byte[] md5(byte[] data) throws Exception {
        return MessageDigest.getInstance("MD5").digest(data);
    }

    private static byte[] pattern(int size) {
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (byte) (i % 251);
        }
        return data;
    }
}
