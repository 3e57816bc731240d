package io.dataplatform.testing.internal.s3;

import java.util.Map;
import software.amazon.awssdk.services.s3.model.DeleteBucketTaggingRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketTaggingResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectTaggingRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectTaggingResponse;
import software.amazon.awssdk.services.s3.model.GetBucketTaggingRequest;
import software.amazon.awssdk.services.s3.model.GetBucketTaggingResponse;
import software.amazon.awssdk.services.s3.model.GetObjectTaggingRequest;
import software.amazon.awssdk.services.s3.model.GetObjectTaggingResponse;
import software.amazon.awssdk.services.s3.model.PutBucketTaggingRequest;
import software.amazon.awssdk.services.s3.model.PutBucketTaggingResponse;
import software.amazon.awssdk.services.s3.model.PutObjectTaggingRequest;
import software.amazon.awssdk.services.s3.model.PutObjectTaggingResponse;

/**
 * Object tagging (per version: a request without a version id acts on the current version) and
 * bucket tagging. A tag change is not a new version and keeps LastModified, as in S3.
 */
final class TaggingOperations {
    private final S3World world;
    private final AccessControl access;
    private final ObjectReads reads;

    TaggingOperations(S3World world, AccessControl access) {
        this.world = world;
        this.access = access;
        this.reads = new ObjectReads(access);
    }

    GetObjectTaggingResponse getObjectTagging(GetObjectTaggingRequest request) {
        return world.inBucket(request.bucket(), bucket -> {
            StoredObject object = target(bucket, request.key(), request.versionId(), "s3:GetObjectTagging",
                    "s3:GetObjectVersionTagging");
            return GetObjectTaggingResponse.builder().tagSet(TagSets.toTagSet(object.tags()))
                    .versionId(bucket.versioning().reported(object.versionId())).build();
        });
    }

    PutObjectTaggingResponse putObjectTagging(PutObjectTaggingRequest request) {
        Map<String, String> tags = TagSets.objectTags(request.tagging());
        return world.inBucket(request.bucket(), bucket -> {
            StoredObject object = target(bucket, request.key(), request.versionId(), "s3:PutObjectTagging",
                    "s3:PutObjectVersionTagging");
            bucket.objects().replace(object.withTags(tags));
            return PutObjectTaggingResponse.builder().versionId(bucket.versioning().reported(object.versionId())).build();
        });
    }

    DeleteObjectTaggingResponse deleteObjectTagging(DeleteObjectTaggingRequest request) {
        return world.inBucket(request.bucket(), bucket -> {
            StoredObject object = target(bucket, request.key(), request.versionId(), "s3:DeleteObjectTagging",
                    "s3:DeleteObjectVersionTagging");
            bucket.objects().replace(object.withTags(Map.of()));
            return BucketOperations.status(DeleteObjectTaggingResponse.builder()
                    .versionId(bucket.versioning().reported(object.versionId())), 204).build();
        });
    }

    GetBucketTaggingResponse getBucketTagging(GetBucketTaggingRequest request) {
        return world.inBucket(request.bucket(), bucket -> {
            access.check(bucket, "s3:GetBucketTagging", null);
            if (bucket.tags() == null) {
                throw S3Errors.build(404, "NoSuchTagSet", "The TagSet does not exist");
            }
            return GetBucketTaggingResponse.builder().tagSet(TagSets.toTagSet(bucket.tags())).build();
        });
    }

    PutBucketTaggingResponse putBucketTagging(PutBucketTaggingRequest request) {
        Map<String, String> tags = TagSets.bucketTags(request.tagging());
        return world.inBucket(request.bucket(), bucket -> {
            access.check(bucket, "s3:PutBucketTagging", null);
            bucket.tags(tags);
            return BucketOperations.status(PutBucketTaggingResponse.builder(), 204).build();
        });
    }

    /** DeleteBucketTagging has no action of its own: it needs s3:PutBucketTagging (API reference). */
    DeleteBucketTaggingResponse deleteBucketTagging(DeleteBucketTaggingRequest request) {
        return world.inBucket(request.bucket(), bucket -> {
            access.check(bucket, "s3:PutBucketTagging", null);
            bucket.tags(null);
            return BucketOperations.status(DeleteBucketTaggingResponse.builder(), 204).build();
        });
    }

    /** The version a tagging call acts on, after checking the action for the current or for a given version. */
    private StoredObject target(FakeBucket bucket, String key, String versionId, String action, String versionAction) {
        ObjectReads.checkVersionId(versionId);
        access.check(bucket, versionId == null ? action : versionAction, key);
        return reads.find(bucket, key, versionId, false);
    }
}
