package io.dataplatform.testing.s3;

import static io.dataplatform.testing.s3.S3TestSupport.createBucket;
import static io.dataplatform.testing.s3.S3TestSupport.createVersionedBucket;
import static io.dataplatform.testing.s3.S3TestSupport.expectS3Error;
import static io.dataplatform.testing.s3.S3TestSupport.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.testing.FakeAws;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

class FakeS3BucketsTest {
    private final FakeAws aws = FakeAws.create();
    private final S3Client s3 = aws.s3();

    @Test
    void listBuckets_afterCreates_returnsNamesInOrderWithCreationDates() {
        createBucket(s3, "zeta-bucket");
        aws.clock().advance(Duration.ofMinutes(5));
        createBucket(s3, "alpha-bucket");

        assertThat(s3.listBuckets().buckets()).extracting(Bucket::name, Bucket::creationDate).containsExactly(
                org.assertj.core.groups.Tuple.tuple("alpha-bucket", Instant.parse("2024-01-01T00:05:00Z")),
                org.assertj.core.groups.Tuple.tuple("zeta-bucket", Instant.parse("2024-01-01T00:00:00Z")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "Acme-Raw", "acme_raw", "-acme", "acme-", "acme..raw", "192.168.5.4", "xn--acme",
            "acme-s3alias", "a23456789012345678901234567890123456789012345678901234567890abcd"})
    void createBucket_invalidName_fails400InvalidBucketName(String name) {
        expectS3Error(() -> s3.createBucket(b -> b.bucket(name)), 400, "InvalidBucketName",
                "The specified bucket is not valid.");
    }

    @Test
    void createBucket_ownedAgainInUsEast1_succeedsForLegacyCompatibility() {
        createBucket(s3, "acme-raw");
        put(s3, "acme-raw", "a.txt", "kept");

        s3.createBucket(b -> b.bucket("acme-raw"));

        assertThat(S3TestSupport.get(s3, "acme-raw", "a.txt")).isEqualTo("kept");
    }

    @Test
    void createBucket_ownedAgainElsewhere_fails409BucketAlreadyOwnedByYou() {
        S3Client london = FakeAws.builder().region(Region.EU_WEST_2).build().s3();
        london.createBucket(b -> b.bucket("acme-raw").createBucketConfiguration(c -> c.locationConstraint("eu-west-2")));

        assertThatThrownBy(() -> london.createBucket(b -> b.bucket("acme-raw")
                .createBucketConfiguration(c -> c.locationConstraint("eu-west-2"))))
                .isInstanceOf(BucketAlreadyOwnedByYouException.class)
                .hasMessageStartingWith("Your previous request to create the named bucket succeeded and you already own it.");
        assertThat(london.getBucketLocation(b -> b.bucket("acme-raw")).locationConstraintAsString()).isEqualTo("eu-west-2");
    }

    @Test
    void createBucket_locationConstraintMismatch_fails400() {
        S3Client london = FakeAws.builder().region(Region.EU_WEST_2).build().s3();
        expectS3Error(() -> london.createBucket(b -> b.bucket("acme-raw")), 400, "IllegalLocationConstraintException",
                "The unspecified location constraint is incompatible for the region specific endpoint this request was sent to.");
        expectS3Error(() -> s3.createBucket(b -> b.bucket("acme-raw").createBucketConfiguration(c -> c.locationConstraint("us-east-1"))),
                400, "InvalidLocationConstraint", "The specified location-constraint is not valid");
    }

    @Test
    void headBucket_missing_fails404WithoutBody() {
        NoSuchBucketException e = (NoSuchBucketException) org.assertj.core.api.Assertions.catchThrowable(
                () -> s3.headBucket(b -> b.bucket("missing-bucket")));
        assertThat(e.statusCode()).isEqualTo(404);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotFound");
    }

    @Test
    void headBucket_existing_reportsRegion() {
        createBucket(s3, "acme-raw");
        assertThat(s3.headBucket(b -> b.bucket("acme-raw")).bucketRegion()).isEqualTo("us-east-1");
        assertThat(s3.headBucket(b -> b.bucket("acme-raw")).accessPointAlias()).isFalse();
        assertThat(s3.getBucketLocation(b -> b.bucket("acme-raw")).locationConstraintAsString()).isNull();
    }

    @Test
    void headBucket_withoutPermission_fails403ButStillTellsTheBucketsRegion() {
        FakeAws londonAws = FakeAws.builder().region(Region.EU_WEST_2).build();
        S3Client london = londonAws.s3();
        london.createBucket(b -> b.bucket("acme-raw").createBucketConfiguration(c -> c.locationConstraint("eu-west-2")));
        S3Client outsider = londonAws.s3(io.dataplatform.s3.Principal.role("analyst"));

        var e = org.assertj.core.api.Assertions.catchThrowableOfType(
                software.amazon.awssdk.services.s3.model.S3Exception.class,
                () -> outsider.headBucket(b -> b.bucket("acme-raw")));

        assertThat(e).isNotNull();
        assertThat(e.statusCode()).isEqualTo(403);
        assertThat(e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-bucket-region")).contains("eu-west-2");
    }

    @Test
    void deleteBucket_withObjectVersionsOrMarkers_fails409BucketNotEmpty() {
        createVersionedBucket(s3, "acme-raw");
        var put = put(s3, "acme-raw", "a.txt", "x");
        s3.deleteObject(b -> b.bucket("acme-raw").key("a.txt"));
        String message = "The bucket you tried to delete is not empty. You must delete all versions in the bucket.";

        expectS3Error(() -> s3.deleteBucket(b -> b.bucket("acme-raw")), 409, "BucketNotEmpty", message);
        s3.deleteObject(b -> b.bucket("acme-raw").key("a.txt").versionId(put.versionId()));
        expectS3Error(() -> s3.deleteBucket(b -> b.bucket("acme-raw")), 409, "BucketNotEmpty", message);
    }

    @Test
    void deleteBucket_emptyWithPendingMultipartUpload_succeeds() {
        createVersionedBucket(s3, "acme-raw");
        var put = put(s3, "acme-raw", "a.txt", "x");
        s3.deleteObject(b -> b.bucket("acme-raw").key("a.txt").versionId(put.versionId()));
        s3.createMultipartUpload(b -> b.bucket("acme-raw").key("big.bin"));

        s3.deleteBucket(b -> b.bucket("acme-raw"));

        assertThat(s3.listBuckets().buckets()).isEmpty();
        assertThatThrownBy(() -> s3.listObjectsV2(b -> b.bucket("acme-raw"))).isInstanceOf(NoSuchBucketException.class)
                .hasMessageStartingWith("The specified bucket does not exist");
    }

    @Test
    void versioning_newBucket_hasNoStatusThenEnabledThenSuspended() {
        createBucket(s3, "acme-raw");
        assertThat(s3.getBucketVersioning(b -> b.bucket("acme-raw")).status()).isNull();
        s3.putBucketVersioning(b -> b.bucket("acme-raw").versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        assertThat(s3.getBucketVersioning(b -> b.bucket("acme-raw")).status()).isEqualTo(BucketVersioningStatus.ENABLED);
        s3.putBucketVersioning(b -> b.bucket("acme-raw").versioningConfiguration(v -> v.status(BucketVersioningStatus.SUSPENDED)));
        assertThat(s3.getBucketVersioning(b -> b.bucket("acme-raw")).status()).isEqualTo(BucketVersioningStatus.SUSPENDED);
    }

    @Test
    void versioning_withMfaDelete_isRefusedAsNotImplementedAndChangesNothing() {
        createBucket(s3, "acme-raw");

        expectS3Error(() -> s3.putBucketVersioning(b -> b.bucket("acme-raw").mfa("arn:aws:iam::123456789012:mfa/root 123456")
                        .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)
                                .mfaDelete(software.amazon.awssdk.services.s3.model.MFADelete.ENABLED))),
                501, "NotImplemented", "FakeAws S3 does not implement MFA delete: its buckets keep MFADelete Disabled");

        assertThat(s3.getBucketVersioning(b -> b.bucket("acme-raw")).status()).isNull();
        s3.putBucketVersioning(b -> b.bucket("acme-raw").mfa("arn:aws:iam::123456789012:mfa/root 123456")
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)
                        .mfaDelete(software.amazon.awssdk.services.s3.model.MFADelete.DISABLED)));
        assertThat(s3.getBucketVersioning(b -> b.bucket("acme-raw")).status()).isEqualTo(BucketVersioningStatus.ENABLED);
    }

    @Test
    void versioning_namingMfaDeleteWithoutTheMfaHeader_fails400MalformedXml() {
        createBucket(s3, "acme-raw");

        expectS3Error(() -> s3.putBucketVersioning(b -> b.bucket("acme-raw").versioningConfiguration(v -> v
                        .status(BucketVersioningStatus.ENABLED).mfaDelete(software.amazon.awssdk.services.s3.model.MFADelete.DISABLED))),
                400, "MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema");

        assertThat(s3.getBucketVersioning(b -> b.bucket("acme-raw")).status()).isNull();
    }

    @Test
    void createBucket_withObjectLock_isRefusedAsNotImplementedAndCreatesNothing() {
        expectS3Error(() -> s3.createBucket(b -> b.bucket("acme-vault").objectLockEnabledForBucket(true)), 501,
                "NotImplemented", "FakeAws S3 does not implement Object Lock: x-amz-bucket-object-lock-enabled cannot be true");

        assertThat(s3.listBuckets().buckets()).isEmpty();
        s3.createBucket(b -> b.bucket("acme-raw").objectLockEnabledForBucket(false));
        assertThat(s3.listBuckets().buckets()).extracting(Bucket::name).containsExactly("acme-raw");
    }

    @Test
    void encryption_newBucket_isSseS3ByDefault() {
        createBucket(s3, "acme-raw");
        var rule = s3.getBucketEncryption(b -> b.bucket("acme-raw")).serverSideEncryptionConfiguration().rules().get(0);
        assertThat(rule.applyServerSideEncryptionByDefault().sseAlgorithm()).isEqualTo(ServerSideEncryption.AES256);

        s3.putBucketEncryption(b -> b.bucket("acme-raw").serverSideEncryptionConfiguration(c -> c.rules(
                software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule.builder().bucketKeyEnabled(true)
                        .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS)).build())));
        rule = s3.getBucketEncryption(b -> b.bucket("acme-raw")).serverSideEncryptionConfiguration().rules().get(0);
        assertThat(rule.applyServerSideEncryptionByDefault().sseAlgorithm()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(rule.bucketKeyEnabled()).isTrue();
    }

    @Test
    void publicAccessBlock_newBucketBlocksAll_deleteThenGetFails404() {
        createBucket(s3, "acme-raw");
        var block = s3.getPublicAccessBlock(b -> b.bucket("acme-raw")).publicAccessBlockConfiguration();
        assertThat(block.blockPublicAcls() && block.ignorePublicAcls() && block.blockPublicPolicy()
                && block.restrictPublicBuckets()).isTrue();

        s3.deletePublicAccessBlock(b -> b.bucket("acme-raw"));

        expectS3Error(() -> s3.getPublicAccessBlock(b -> b.bucket("acme-raw")), 404,
                "NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found");
    }

    @Test
    void bucketPolicy_absentOrMalformed_failsWithS3Codes() {
        createBucket(s3, "acme-raw");
        expectS3Error(() -> s3.getBucketPolicy(b -> b.bucket("acme-raw")), 404, "NoSuchBucketPolicy",
                "The bucket policy does not exist");
        expectS3Error(() -> s3.putBucketPolicy(b -> b.bucket("acme-raw").policy("not json")), 400, "MalformedPolicy",
                "Policies must be valid JSON and the first byte must be '{'");
        expectS3Error(() -> s3.putBucketPolicy(b -> b.bucket("acme-raw").policy(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"123456789012\"},"
                        + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::other-bucket/*\"}]}")),
                400, "MalformedPolicy", "Policy has invalid resource");
    }

    @Test
    void bucketPolicy_putGetDelete_roundTrips() {
        createBucket(s3, "acme-raw");
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:role/analyst\"},"
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::acme-raw/*\"}]}";
        s3.putBucketPolicy(b -> b.bucket("acme-raw").policy(policy));
        assertThat(s3.getBucketPolicy(b -> b.bucket("acme-raw")).policy()).isEqualTo(policy);
        s3.deleteBucketPolicy(b -> b.bucket("acme-raw"));
        expectS3Error(() -> s3.getBucketPolicy(b -> b.bucket("acme-raw")), 404, "NoSuchBucketPolicy",
                "The bucket policy does not exist");
    }

    @Test
    void putObject_missingBucket_fails404NoSuchBucket() {
        expectS3Error(() -> s3.putObject(b -> b.bucket("missing-bucket").key("k"), RequestBody.fromString("x")),
                404, "NoSuchBucket", "The specified bucket does not exist");
    }
}
