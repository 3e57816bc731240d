package io.dataplatform.testing.s3;

import static io.dataplatform.testing.s3.S3TestSupport.createBucket;
import static io.dataplatform.testing.s3.S3TestSupport.expectS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.dataplatform.testing.FakeAws;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.Part;

class FakeS3MultipartTest {
    private static final int MIB = 1024 * 1024;
    private final S3Client s3 = FakeAws.create().s3();
    private String uploadId;

    @BeforeEach
    void upload() {
        createBucket(s3, "acme-raw");
        uploadId = s3.createMultipartUpload(b -> b.bucket("acme-raw").key("big.bin").contentType("text/csv")).uploadId();
    }

    private CompletedPart part(int number, byte[] data) {
        String etag = s3.uploadPart(b -> b.bucket("acme-raw").key("big.bin").uploadId(uploadId).partNumber(number),
                RequestBody.fromBytes(data)).eTag();
        return CompletedPart.builder().partNumber(number).eTag(etag).build();
    }

    private void complete(CompletedPart... parts) {
        s3.completeMultipartUpload(b -> b.bucket("acme-raw").key("big.bin").uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts)));
    }

    @Test
    void complete_twoParts_joinsBytesWithMultipartEtag() throws Exception {
        byte[] one = filled(5 * MIB, (byte) 1);
        byte[] two = filled(10, (byte) 2);
        CompletedPart p1 = part(1, one);
        CompletedPart p2 = part(2, two);

        var done = s3.completeMultipartUpload(b -> b.bucket("acme-raw").key("big.bin").uploadId(uploadId)
                .multipartUpload(m -> m.parts(p1, p2)));

        MessageDigest md5 = MessageDigest.getInstance("MD5");
        byte[] joined = MessageDigest.getInstance("MD5").digest(
                concat(md5.digest(one), MessageDigest.getInstance("MD5").digest(two)));
        assertThat(done.eTag()).isEqualTo("\"" + HexFormat.of().formatHex(joined) + "-2\"");
        var got = s3.getObjectAsBytes(b -> b.bucket("acme-raw").key("big.bin"));
        assertThat(got.asByteArray()).isEqualTo(concat(one, two));
        assertThat(got.response().contentType()).isEqualTo("text/csv");
        assertThat(s3.listMultipartUploads(b -> b.bucket("acme-raw")).uploads()).isEmpty();
    }

    @Test
    void complete_smallPartBeforeLast_fails400EntityTooSmall() {
        CompletedPart p1 = part(1, new byte[10]);
        CompletedPart p2 = part(2, new byte[10]);
        expectS3Error(() -> complete(p1, p2), 400, "EntityTooSmall",
                "Your proposed upload is smaller than the minimum allowed object size.");
    }

    @Test
    void complete_singleSmallPart_succeeds() {
        complete(part(1, new byte[10]));
        assertThat(s3.headObject(b -> b.bucket("acme-raw").key("big.bin")).contentLength()).isEqualTo(10L);
    }

    @Test
    void complete_partsOutOfOrder_fails400InvalidPartOrder() {
        CompletedPart p1 = part(1, new byte[10]);
        CompletedPart p2 = part(2, new byte[10]);
        expectS3Error(() -> complete(p2, p1), 400, "InvalidPartOrder",
                "The list of parts was not in ascending order. Parts must be ordered by part number.");
    }

    @Test
    void complete_partNumberZero_fails400InvalidArgument_andAPartWithoutNumberOrEtagIsMalformedXml() {
        CompletedPart p1 = part(1, new byte[10]);
        String malformed = "The XML you provided was not well-formed or did not validate against our published schema";

        expectS3Error(() -> complete(CompletedPart.builder().partNumber(0).eTag(p1.eTag()).build()), 400,
                "InvalidArgument", "PartNumber must be >= 1");
        expectS3Error(() -> complete(CompletedPart.builder().eTag(p1.eTag()).build()), 400, "MalformedXML", malformed);
        expectS3Error(() -> complete(CompletedPart.builder().partNumber(1).build()), 400, "MalformedXML", malformed);
        complete(p1);   // the upload is still in progress after each refusal
    }

    @Test
    void complete_wrongEtag_fails400InvalidPart() {
        part(1, new byte[10]);
        expectS3Error(() -> complete(CompletedPart.builder().partNumber(1).eTag("\"abc\"").build()), 400, "InvalidPart",
                "One or more of the specified parts could not be found.  The part may not have been uploaded, or the "
                        + "specified entity tag may not match the part's entity tag.");
    }

    @Test
    void uploadPart_checksumOfAnotherAlgorithmThanTheUploads_fails400InvalidRequest() {
        String crc32 = s3.createMultipartUpload(b -> b.bucket("acme-raw").key("crc.bin")
                .checksumAlgorithm(ChecksumAlgorithm.CRC32)).uploadId();

        expectS3Error(() -> s3.uploadPart(b -> b.bucket("acme-raw").key("big.bin").uploadId(uploadId).partNumber(1)
                        .checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromString("a")),
                400, "InvalidRequest", "Checksum Type mismatch occurred, expected checksum Type: null, actual checksum Type: crc32");
        expectS3Error(() -> s3.uploadPart(b -> b.bucket("acme-raw").key("crc.bin").uploadId(crc32).partNumber(1)
                        .checksumSHA256("LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ="), RequestBody.fromString("a")),
                400, "InvalidRequest", "Checksum Type mismatch occurred, expected checksum Type: crc32, actual checksum Type: sha256");
        // The upload's own algorithm, named or not, is taken.
        s3.uploadPart(b -> b.bucket("acme-raw").key("crc.bin").uploadId(crc32).partNumber(1)
                .checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromString("a"));
        s3.uploadPart(b -> b.bucket("acme-raw").key("crc.bin").uploadId(crc32).partNumber(2), RequestBody.fromString("b"));
        assertThat(s3.listParts(b -> b.bucket("acme-raw").key("big.bin").uploadId(uploadId)).parts()).isEmpty();
    }

    @Test
    void uploadPart_numberOutOfRange_fails400() {
        expectS3Error(() -> part(10_001, new byte[1]), 400, "InvalidArgument",
                "Part number must be an integer between 1 and 10000, inclusive");
    }

    @Test
    void abort_thenUploadPart_fails404NoSuchUpload() {
        s3.abortMultipartUpload(b -> b.bucket("acme-raw").key("big.bin").uploadId(uploadId));
        expectS3Error(() -> part(1, new byte[1]), 404, "NoSuchUpload", "The specified upload does not exist. "
                + "The upload ID may be invalid, or the upload may have been aborted or completed.");
    }

    @Test
    void listUploadsAndParts_showWhatIsPending() {
        part(2, new byte[3]);
        part(1, new byte[7]);

        assertThat(s3.listMultipartUploads(b -> b.bucket("acme-raw")).uploads())
                .extracting(MultipartUpload::key, MultipartUpload::uploadId).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("big.bin", uploadId));
        var parts = s3.listParts(b -> b.bucket("acme-raw").key("big.bin").uploadId(uploadId).maxParts(1));
        assertThat(parts.parts()).extracting(Part::partNumber, Part::size).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, 7L));
        assertThat(parts.isTruncated()).isTrue();
        assertThat(parts.nextPartNumberMarker()).isEqualTo(1);
    }

    private static byte[] filled(int size, byte value) {
        byte[] data = new byte[size];
        Arrays.fill(data, value);
        return data;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
