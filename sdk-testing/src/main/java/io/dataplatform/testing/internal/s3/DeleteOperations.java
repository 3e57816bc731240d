package io.dataplatform.testing.internal.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.DeletedObject;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** DeleteObject and DeleteObjects, by the versioning rules of {@link VersionStore}. */
final class DeleteOperations {
    private static final int MAX_BATCH = 1000;

    private final S3World world;
    private final AccessControl access;

    DeleteOperations(S3World world, AccessControl access) {
        this.world = world;
        this.access = access;
    }

    DeleteObjectResponse delete(DeleteObjectRequest request) {
        return world.inBucket(request.bucket(), bucket -> {
            ObjectReads.checkVersionId(request.versionId());
            DeletedObject deleted = deleteOne(bucket, request.key(), request.versionId(), request.ifMatch());
            return BucketOperations.status(DeleteObjectResponse.builder(), 204)
                    .deleteMarker(deleted.deleteMarker())
                    .versionId(deleted.deleteMarker() != null && deleted.deleteMarker() && request.versionId() == null
                            ? deleted.deleteMarkerVersionId() : deleted.versionId())
                    .build();
        });
    }

    /**
     * Deletes up to 1,000 keys; each key succeeds or fails on its own (Errors), and quiet mode
     * reports only the failures.
     */
    DeleteObjectsResponse deleteMany(DeleteObjectsRequest request) {
        List<ObjectIdentifier> objects = request.delete() == null ? List.of() : request.delete().objects();
        if (objects.isEmpty() || objects.size() > MAX_BATCH || objects.stream().anyMatch(id -> id.key() == null)) {
            throw S3Errors.badRequest("MalformedXML", "The XML you provided was not well-formed or did not validate "
                    + "against our published schema");
        }
        boolean quiet = Boolean.TRUE.equals(request.delete().quiet());
        return world.inBucket(request.bucket(), bucket -> {
            // An empty Key fails the whole request, not its own entry (S3's answer as measured by backlot's S3 router,
            // 2026-09-29; keys are at least one byte long).
            if (objects.stream().anyMatch(id -> id.key().isEmpty())) {
                throw S3Errors.badRequest("UserKeyMustBeSpecified", "User key must be specified.");
            }
            List<DeletedObject> deleted = new ArrayList<>();
            List<S3Error> errors = new ArrayList<>();
            for (ObjectIdentifier id : objects) {
                try {
                    DeletedObject done = deleteOne(bucket, id.key(), id.versionId(), id.eTag());
                    if (!quiet) {
                        deleted.add(done);
                    }
                } catch (S3Exception e) {
                    errors.add(S3Error.builder().key(id.key()).versionId(id.versionId())
                            .code(e.awsErrorDetails().errorCode()).message(e.awsErrorDetails().errorMessage()).build());
                }
            }
            return DeleteObjectsResponse.builder().deleted(deleted).errors(errors).build();
        });
    }

    /** Deletes one key or version, if its current version's ETag matches {@code ifMatch}; the caller holds the bucket's lock. */
    private DeletedObject deleteOne(FakeBucket bucket, String key, String versionId, String ifMatch) {
        Names.checkKey(key);
        VersionState state = bucket.versioning();
        if (versionId != null) {
            access.check(bucket, "s3:DeleteObjectVersion", key, RequestKeys.version(versionId));
            Optional<StoredObject> removed = bucket.objects().deleteVersion(key, versionId);
            boolean marker = removed.map(StoredObject::deleteMarker).orElse(false);
            return DeletedObject.builder().key(key).versionId(versionId)
                    .deleteMarker(marker ? Boolean.TRUE : null)
                    .deleteMarkerVersionId(marker ? versionId : null).build();
        }
        access.check(bucket, "s3:DeleteObject", key);
        if (ifMatch != null && !"*".equals(ifMatch.trim())) {
            // An ETag condition reads the object: it also needs s3:GetObject ("How to perform conditional deletes").
            access.check(bucket, "s3:GetObject", key);
        }
        WriteConditions.checkDelete(bucket, key, ifMatch);
        Optional<StoredObject> marker = bucket.objects().delete(key, state, world.now(), world::newVersionId);
        return marker.map(m -> DeletedObject.builder().key(key).deleteMarker(true)
                        .deleteMarkerVersionId(m.versionId()).build())
                .orElseGet(() -> DeletedObject.builder().key(key).build());
    }
}
