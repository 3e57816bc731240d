package io.dataplatform.testing.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.testing.FakeAws;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * New buckets have ACLs disabled (Object Ownership "Bucket owner enforced"): a PUT that sets an ACL
 * other than bucket-owner-full-control fails, as the S3 User Guide's Object Ownership
 * "Troubleshooting" page documents, and nothing is stored.
 */
class FakeS3DisabledAclsTest {
    private final FakeAws aws = FakeAws.create();
    private final S3Client s3 = aws.s3();

    @Test
    void putObject_withPublicReadAcl_failsAccessControlListNotSupported_andStoresNothing() {
        s3.createBucket(b -> b.bucket("acls"));

        assertThatThrownBy(() -> s3.putObject(b -> b.bucket("acls").key("k").acl(ObjectCannedACL.PUBLIC_READ),
                RequestBody.fromString("x")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessControlListNotSupported");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The bucket does not allow ACLs");
                });
        assertThat(s3.listObjectsV2(b -> b.bucket("acls")).contents()).isEmpty();
    }

    @Test
    void grantsAndOtherWrites_failToo_whileBucketOwnerFullControlIsAccepted() {
        s3.createBucket(b -> b.bucket("acls"));
        s3.putObject(b -> b.bucket("acls").key("ok").acl(ObjectCannedACL.BUCKET_OWNER_FULL_CONTROL), RequestBody.fromString("x"));

        assertThatThrownBy(() -> s3.putObject(b -> b.bucket("acls").key("g").grantRead("uri=\"http://acs.amazonaws.com/groups/global/AllUsers\""),
                RequestBody.fromString("x"))).hasMessageContaining("The bucket does not allow ACLs");
        assertThatThrownBy(() -> s3.createMultipartUpload(b -> b.bucket("acls").key("m").acl(ObjectCannedACL.PUBLIC_READ_WRITE)))
                .hasMessageContaining("The bucket does not allow ACLs");
        assertThatThrownBy(() -> s3.copyObject(b -> b.sourceBucket("acls").sourceKey("ok").destinationBucket("acls")
                .destinationKey("c").acl(ObjectCannedACL.AUTHENTICATED_READ))).hasMessageContaining("The bucket does not allow ACLs");
        assertThat(s3.listObjectsV2(b -> b.bucket("acls")).contents()).extracting(o -> o.key()).containsExactly("ok");
    }

    @Test
    void createBucket_withAPublicAcl_orAnOwnershipThatKeepsAcls_isRefused() {
        assertThatThrownBy(() -> s3.createBucket(b -> b.bucket("public").acl(BucketCannedACL.PUBLIC_READ)))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidBucketAclWithObjectOwnership"));
        assertThatThrownBy(() -> s3.createBucket(b -> b.bucket("writer").objectOwnership(ObjectOwnership.OBJECT_WRITER)))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(501);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotImplemented");
                });
        assertThat(s3.listBuckets().buckets()).isEmpty();
        s3.createBucket(b -> b.bucket("private").acl(BucketCannedACL.PRIVATE).objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED));
    }
}
