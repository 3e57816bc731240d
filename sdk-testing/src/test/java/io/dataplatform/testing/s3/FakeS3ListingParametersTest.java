package io.dataplatform.testing.s3;

import static io.dataplatform.testing.s3.S3TestSupport.createVersionedBucket;
import static io.dataplatform.testing.s3.S3TestSupport.expectS3Error;
import static io.dataplatform.testing.s3.S3TestSupport.put;
import static org.assertj.core.api.Assertions.assertThat;

import io.dataplatform.testing.FakeAws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.EncodingType;
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
    }

    @Test
    void encodingTypeOtherThanUrl_isInvalidArgument() {
        expectS3Error(() -> s3.listObjectsV2(b -> b.bucket("acme-raw").encodingType("utf-8")),
                400, "InvalidArgument", BAD_ENCODING);
        expectS3Error(() -> s3.listObjects(b -> b.bucket("acme-raw").encodingType("utf-8")),
                400, "InvalidArgument", BAD_ENCODING);
        expectS3Error(() -> s3.listObjectVersions(b -> b.bucket("acme-raw").encodingType("URL")),
                400, "InvalidArgument", BAD_ENCODING);
        expectS3Error(() -> s3.listMultipartUploads(b -> b.bucket("acme-raw").encodingType("base64")),
                400, "InvalidArgument", BAD_ENCODING);
    }
}
