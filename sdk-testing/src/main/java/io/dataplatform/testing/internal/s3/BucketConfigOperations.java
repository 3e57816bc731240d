package io.dataplatform.testing.internal.s3;

import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.services.s3.model.DeleteBucketEncryptionRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketEncryptionResponse;
import software.amazon.awssdk.services.s3.model.DeleteBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.DeletePublicAccessBlockRequest;
import software.amazon.awssdk.services.s3.model.DeletePublicAccessBlockResponse;
import software.amazon.awssdk.services.s3.model.GetBucketEncryptionRequest;
import software.amazon.awssdk.services.s3.model.GetBucketEncryptionResponse;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.GetPublicAccessBlockRequest;
import software.amazon.awssdk.services.s3.model.GetPublicAccessBlockResponse;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.PutBucketEncryptionRequest;
import software.amazon.awssdk.services.s3.model.PutBucketEncryptionResponse;
import software.amazon.awssdk.services.s3.model.PutBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.PutBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.PutPublicAccessBlockRequest;
import software.amazon.awssdk.services.s3.model.PutPublicAccessBlockResponse;

/** Bucket settings: public access block, default encryption and the bucket policy. */
final class BucketConfigOperations {
    private static final String MALFORMED_XML =
            "The XML you provided was not well-formed or did not validate against our published schema";

    private final S3World world;
    private final AccessControl access;

    BucketConfigOperations(S3World world, AccessControl access) {
        this.world = world;
        this.access = access;
    }

    PutPublicAccessBlockResponse putPublicAccessBlock(PutPublicAccessBlockRequest request) {
        return world.inBucket(request.bucket(), bucket -> {
            access.check(bucket, "s3:PutBucketPublicAccessBlock", null);
            PublicAccessBlockConfiguration c = request.publicAccessBlockConfiguration();
            if (c == null) {
                throw S3Errors.badRequest("MalformedXML", MALFORMED_XML);
            }
            // Settings left out of the request are false.
            bucket.publicAccessBlock(PublicAccessBlockConfiguration.builder()
                    .blockPublicAcls(Boolean.TRUE.equals(c.blockPublicAcls()))
                    .ignorePublicAcls(Boolean.TRUE.equals(c.ignorePublicAcls()))
                    .blockPublicPolicy(Boolean.TRUE.equals(c.blockPublicPolicy()))
                    .restrictPublicBuckets(Boolean.TRUE.equals(c.restrictPublicBuckets()))
                    .build());
            return PutPublicAccessBlockResponse.builder().build();
        });
    }

    GetPublicAccessBlockResponse publicAccessBlock(GetPublicAccessBlockRequest request) {
        return world.inBucket(request.bucket(), bucket -> {
            access.check(bucket, "s3:GetBucketPublicAccessBlock", null);
            if (bucket.publicAccessBlock() == null) {
                throw S3Errors.build(404, "NoSuchPublicAccessBlockConfiguration",
                        "The public access block configuration was not found");
            }
            return GetPublicAccessBlockResponse.builder().publicAccessBlockConfiguration(bucket.publicAccessBlock()).build();
        });
    }

    DeletePublicAccessBlockResponse deletePublicAccessBlock(DeletePublicAccessBlockRequest request) {
        return world.inBucket(request.bucket(), bucket -> {
            access.check(bucket, "s3:PutBucketPublicAccessBlock", null);
            bucket.publicAccessBlock(null);
            return BucketOperations.status(DeletePublicAccessBlockResponse.builder(), 204).build();
        });
    }

    PutBucketEncryptionResponse putEncryption(PutBucketEncryptionRequest request) {
        return world.inBucket(request.bucket(), bucket -> {
            access.check(bucket, "s3:PutEncryptionConfiguration", null);
            var configuration = request.serverSideEncryptionConfiguration();
            if (configuration == null || configuration.rules().isEmpty()) {
                throw S3Errors.badRequest("MalformedXML", MALFORMED_XML);
            }
            bucket.encryption(configuration);
            return PutBucketEncryptionResponse.builder().build();
        });
    }

    GetBucketEncryptionResponse encryption(GetBucketEncryptionRequest request) {
        return world.inBucket(request.bucket(), bucket -> {
            access.check(bucket, "s3:GetEncryptionConfiguration", null);
            return GetBucketEncryptionResponse.builder().serverSideEncryptionConfiguration(bucket.encryption()).build();
        });
    }

    /** Deleting the configuration returns the bucket to S3's base level of encryption, SSE-S3. */
    DeleteBucketEncryptionResponse deleteEncryption(DeleteBucketEncryptionRequest request) {
        return world.inBucket(request.bucket(), bucket -> {
            access.check(bucket, "s3:PutEncryptionConfiguration", null);
            bucket.encryption(FakeBucket.DEFAULT_ENCRYPTION);
            return BucketOperations.status(DeleteBucketEncryptionResponse.builder(), 204).build();
        });
    }

    PutBucketPolicyResponse putPolicy(PutBucketPolicyRequest request) {
        return world.inBucket(request.bucket(), bucket -> {
            access.check(bucket, "s3:PutBucketPolicy", null);
            IamPolicy policy = PolicyValidation.parse(request.policy(), bucket.name());
            PublicAccessBlockConfiguration block = bucket.publicAccessBlock();
            if (block != null && Boolean.TRUE.equals(block.blockPublicPolicy())
                    && policy.statements().stream().anyMatch(PolicyStatements::isPublic)) {
                // BlockPublicPolicy rejects a policy that would make the bucket public.
                throw S3Errors.accessDenied();
            }
            bucket.policy(request.policy(), policy);
            return BucketOperations.status(PutBucketPolicyResponse.builder(), 204).build();
        });
    }

    GetBucketPolicyResponse policy(GetBucketPolicyRequest request) {
        return world.inBucket(request.bucket(), bucket -> {
            access.check(bucket, "s3:GetBucketPolicy", null);
            if (bucket.policyJson() == null) {
                throw S3Errors.build(404, "NoSuchBucketPolicy", "The bucket policy does not exist");
            }
            return GetBucketPolicyResponse.builder().policy(bucket.policyJson()).build();
        });
    }

    DeleteBucketPolicyResponse deletePolicy(DeleteBucketPolicyRequest request) {
        return world.inBucket(request.bucket(), bucket -> {
            access.check(bucket, "s3:DeleteBucketPolicy", null);
            bucket.policy(null, null);
            return BucketOperations.status(DeleteBucketPolicyResponse.builder(), 204).build();
        });
    }
}
