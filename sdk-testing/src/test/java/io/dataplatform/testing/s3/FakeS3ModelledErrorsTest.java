package io.dataplatform.testing.s3;

import static io.dataplatform.testing.s3.S3TestSupport.createBucket;
import static io.dataplatform.testing.s3.S3TestSupport.expectS3Error;
import static io.dataplatform.testing.s3.S3TestSupport.get;
import static io.dataplatform.testing.s3.S3TestSupport.put;
import static org.assertj.core.api.Assertions.assertThat;

import io.dataplatform.s3.Principal;
import io.dataplatform.testing.FakeAws;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AccessDeniedException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.InvalidRequestException;

/**
 * The SDK's S3 client turns an error code it has a modelled exception for into that exception whatever the
 * operation, so code that catches AccessDeniedException or BucketAlreadyExistsException sees them from the fake.
 */
class FakeS3ModelledErrorsTest {
    private final FakeAws aws = FakeAws.create();
    private final S3Client s3 = aws.s3();

    @Test
    void accessDenied_isTheSdksAccessDeniedException() {
        createBucket(s3, "acme-raw");
        put(s3, "acme-raw", "a.csv", "a");
        S3Client analyst = aws.s3(Principal.role("analyst"));

        assertThat(expectS3Error(() -> get(analyst, "acme-raw", "a.csv"), 403, "AccessDenied", "Access Denied"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void invalidRequest_isTheSdksInvalidRequestException() {
        createBucket(s3, "acme-raw");
        put(s3, "acme-raw", "a.csv", "a");

        assertThat(expectS3Error(() -> s3.copyObject(b -> b.sourceBucket("acme-raw").sourceKey("a.csv")
                        .destinationBucket("acme-raw").destinationKey("a.csv")), 400, "InvalidRequest",
                "This copy request is illegal because it is trying to copy an object to itself without changing the "
                        + "object's metadata, storage class, website redirect location or encryption attributes."))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void bucketOfAnotherAccount_isTheSdksBucketAlreadyExistsException() {
        createBucket(s3, "acme-raw");
        S3Client partner = aws.s3(Principal.arn("arn:aws:iam::999999999999:root"));

        assertThat(expectS3Error(() -> partner.createBucket(b -> b.bucket("acme-raw")), 409, "BucketAlreadyExists",
                "The requested bucket name is not available. The bucket namespace is shared by all users of the system. "
                        + "Please select a different name and try again."))
                .isInstanceOf(BucketAlreadyExistsException.class);
    }
}
