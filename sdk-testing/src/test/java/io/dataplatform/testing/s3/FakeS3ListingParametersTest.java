package io.dataplatform.testing.s3;

import static io.dataplatform.testing.s3.S3TestSupport.createVersionedBucket;
import static io.dataplatform.testing.s3.S3TestSupport.expectS3Error;
import static io.dataplatform.testing.s3.S3TestSupport.put;
import static org.assertj.core.api.Assertions.assertThat;

import io.dataplatform.testing.FakeAws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The parameters of the listings as S3 checks and echoes them. */
class FakeS3ListingParametersTest {
    private static final String BAD_ENCODING = "Invalid Encoding Method specified in Request";

    private final FakeAws aws = FakeAws.create();
    private final S3Client s3 = aws.s3();

    @BeforeEach
    void objects() {
        createVersionedBucket(s3, "acme-raw");
        put(s3, "acme-raw", "a b+c.txt", "x");
        s3.createMultipartUpload(b -> b.bucket("acme-raw").key("a b+c.bin"));
    }

    @Test
    void encodingTypeUrl_isEchoedByEveryListing_withTheValuesDecodedAsTheSdkDecodesThem() {
        var v2 = s3.listObjectsV2(b -> b.bucket("acme-raw").encodingType(EncodingType.URL));
        var v1 = s3.listObjects(b -> b.bucket("acme-raw").encodingType(EncodingType.URL));
        var versions = s3.listObjectVersions(b -> b.bucket("acme-raw").encodingType(EncodingType.URL));
        var uploads = s3.listMultipartUploads(b -> b.bucket("acme-raw").encodingType(EncodingType.URL));

        assertThat(v2.encodingType()).isEqualTo(EncodingType.URL);
        assertThat(v2.contents()).extracting(S3Object::key).containsExactly("a b+c.txt");
        assertThat(v1.encodingType()).isEqualTo(EncodingType.URL);
        assertThat(versions.encodingType()).isEqualTo(EncodingType.URL);
        assertThat(uploads.encodingType()).isEqualTo(EncodingType.URL);
        assertThat(s3.listObjectsV2(b -> b.bucket("acme-raw")).encodingType()).isNull();
        // S3 compares the value without case and echoes it as sent.
        assertThat(s3.listObjectsV2(b -> b.bucket("acme-raw").encodingType("URL")).encodingTypeAsString()).isEqualTo("URL");
    }

    @Test
    void maxKeysOver1000_isEchoedAsAsked_whileAPageHoldsAtMost1000() {
        for (int i = 0; i < 1000; i++) {
            put(s3, "acme-raw", String.format("k%04d", i), "x");
        }

        var v2 = s3.listObjectsV2(b -> b.bucket("acme-raw").maxKeys(1001));
        var v1 = s3.listObjects(b -> b.bucket("acme-raw").maxKeys(5000));
        var versions = s3.listObjectVersions(b -> b.bucket("acme-raw").maxKeys(1001));

        assertThat(v2.maxKeys()).isEqualTo(1001);
        assertThat(v2.keyCount()).isEqualTo(1000);
        assertThat(v2.isTruncated()).isTrue();
        assertThat(v1.maxKeys()).isEqualTo(5000);
        assertThat(v1.contents()).hasSize(1000);
        assertThat(versions.maxKeys()).isEqualTo(1001);
        assertThat(versions.versions()).hasSize(1000);
        assertThat(s3.listObjectsV2(b -> b.bucket("acme-raw")).maxKeys()).isEqualTo(1000);
    }

    @Test
    void negativeMaxKeys_isInvalidArgument_withEachListingsOwnMessage_afterTheBucketIsFound() {
        String range = "Argument maxKeys must be an integer between 0 and 2147483647";
        expectS3Error(() -> s3.listObjectsV2(b -> b.bucket("acme-raw").maxKeys(-1)), 400, "InvalidArgument", range);
        expectS3Error(() -> s3.listObjects(b -> b.bucket("acme-raw").maxKeys(-1)), 400, "InvalidArgument", range);
        expectS3Error(() -> s3.listObjectVersions(b -> b.bucket("acme-raw").maxKeys(-1)),
                400, "InvalidArgument", "max-keys cannot be negative");
        expectS3Error(() -> s3.listObjectsV2(b -> b.bucket("acme-missing").maxKeys(-1)),
                404, "NoSuchBucket", "The specified bucket does not exist");
    }

    @Test
    void encodingTypeOtherThanUrl_isInvalidArgument() {
        expectS3Error(() -> s3.listObjectsV2(b -> b.bucket("acme-raw").encodingType("utf-8")),
                400, "InvalidArgument", BAD_ENCODING);
        expectS3Error(() -> s3.listObjects(b -> b.bucket("acme-raw").encodingType("utf-8")),
                400, "InvalidArgument", BAD_ENCODING);
        expectS3Error(() -> s3.listObjectVersions(b -> b.bucket("acme-raw").encodingType("url2")),
                400, "InvalidArgument", BAD_ENCODING);
        expectS3Error(() -> s3.listMultipartUploads(b -> b.bucket("acme-raw").encodingType("base64")),
                400, "InvalidArgument", BAD_ENCODING);
    }

    @Test
    void negativeMaxUploadsOrMaxParts_isInvalidArgument_notAnEmptyPage() {
        String upload = s3.createMultipartUpload(b -> b.bucket("acme-raw").key("parts.bin")).uploadId();

        expectS3Error(() -> s3.listMultipartUploads(b -> b.bucket("acme-raw").maxUploads(-1)),
                400, "InvalidArgument", "Argument max-uploads must be an integer between 0 and 2147483647");
        expectS3Error(() -> s3.listParts(b -> b.bucket("acme-raw").key("parts.bin").uploadId(upload).maxParts(-1)),
                400, "InvalidArgument", "Argument max-parts must be an integer between 0 and 2147483647");
        assertThat(s3.listMultipartUploads(b -> b.bucket("acme-raw").maxUploads(5000)).maxUploads()).isEqualTo(1000);
    }

    @Test
    void uploadIdMarkerNamingNoUpload_isInvalidArgumentBesideAKeyMarker_andIgnoredWithout() {
        expectS3Error(() -> s3.listMultipartUploads(b -> b.bucket("acme-raw").keyMarker("a").uploadIdMarker("nope")),
                400, "InvalidArgument", "Invalid uploadId marker");

        var withoutKeyMarker = s3.listMultipartUploads(b -> b.bucket("acme-raw").uploadIdMarker("nope"));

        assertThat(withoutKeyMarker.uploads()).hasSize(1);
    }

    @Test
    void startAfter_isEchoedOnTheFirstPage_butNotBesideAContinuationToken() {
        put(s3, "acme-raw", "b", "x");
        put(s3, "acme-raw", "c", "x");

        var first = s3.listObjectsV2(b -> b.bucket("acme-raw").startAfter("a").maxKeys(1));
        var second = s3.listObjectsV2(b -> b.bucket("acme-raw").startAfter("a").maxKeys(1)
                .continuationToken(first.nextContinuationToken()));

        assertThat(first.startAfter()).isEqualTo("a");
        assertThat(first.contents()).extracting(S3Object::key).containsExactly("a b+c.txt");
        assertThat(second.startAfter()).isNull();
        assertThat(second.continuationToken()).isEqualTo(first.nextContinuationToken());
        assertThat(second.contents()).extracting(S3Object::key).containsExactly("b");
    }

    @Test
    void versionIdMarker_thatIsNoVersionId_isInvalidArgument_whileNullAndIssuedIdsPage() {
        String older = s3.listObjectVersions(b -> b.bucket("acme-raw")).versions().get(0).versionId();
        String latest = put(s3, "acme-raw", "a b+c.txt", "y").versionId();

        var afterLatest = s3.listObjectVersions(b -> b.bucket("acme-raw").keyMarker("a b+c.txt").versionIdMarker(latest));
        var afterNull = s3.listObjectVersions(b -> b.bucket("acme-raw").keyMarker("a b+c.txt").versionIdMarker("null"));

        assertThat(afterLatest.versions()).extracting(ObjectVersion::versionId).containsExactly(older);
        assertThat(afterNull.versionIdMarker()).isEqualTo("null");
        expectS3Error(() -> s3.listObjectVersions(b -> b.bucket("acme-raw").keyMarker("a b+c.txt").versionIdMarker("v1")),
                400, "InvalidArgument", "Invalid version id specified");
        expectS3Error(() -> s3.listObjectVersions(b -> b.bucket("acme-raw").keyMarker("a b+c.txt").versionIdMarker("")),
                400, "InvalidArgument", "A version-id marker cannot be empty.");
    }

    @Test
    void maxUploadsOrMaxPartsZero_isAnEmptyPageThatIsNotTruncated() {
        String upload = s3.createMultipartUpload(b -> b.bucket("acme-raw").key("parts.bin")).uploadId();
        s3.uploadPart(b -> b.bucket("acme-raw").key("parts.bin").uploadId(upload).partNumber(1),
                RequestBody.fromString("a"));

        var uploads = s3.listMultipartUploads(b -> b.bucket("acme-raw").maxUploads(0));
        var parts = s3.listParts(b -> b.bucket("acme-raw").key("parts.bin").uploadId(upload).maxParts(0));

        assertThat(uploads.uploads()).isEmpty();
        assertThat(uploads.maxUploads()).isZero();
        assertThat(uploads.isTruncated()).isFalse();
        assertThat(parts.parts()).isEmpty();
        assertThat(parts.maxParts()).isZero();
        assertThat(parts.isTruncated()).isFalse();
    }
}
