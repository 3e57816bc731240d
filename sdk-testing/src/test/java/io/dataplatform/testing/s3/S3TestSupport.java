package io.dataplatform.testing.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Small helpers shared by the fake S3 tests. */
final class S3TestSupport {
    private S3TestSupport() {
    }

    static void createBucket(S3Client s3, String bucket) {
        s3.createBucket(b -> b.bucket(bucket));
    }

    static void createVersionedBucket(S3Client s3, String bucket) {
        createBucket(s3, bucket);
        s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    }

    static PutObjectResponse put(S3Client s3, String bucket, String key, String content) {
        return s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(content));
    }

    static String get(S3Client s3, String bucket, String key) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String();
    }

    /** Runs {@code call}, asserts it fails with an S3Exception of the given status, code and message, returns it. */
    static S3Exception expectS3Error(ThrowingCallable call, int status, String code, String message) {
        S3Exception e = catchThrowableOfType(S3Exception.class, call);
        assertThat(e).as("expected S3 error %s", code).isNotNull();
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        assertThat(e.awsErrorDetails().serviceName()).isEqualTo("S3");
        return e;
    }
}
