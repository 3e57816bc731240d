package io.dataplatform.testing.internal.s3;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Finds the version a read (GetObject, HeadObject, CopyObject's source) refers to, with S3's errors. */
final class ObjectReads {
    private static final int MIN_VERSION_ID_LENGTH = 32;

    private final AccessControl access;

    ObjectReads(AccessControl access) {
        this.access = access;
    }

    /**
     * Returns the version to read, or throws: 400 InvalidArgument for an empty or malformed version id, 404 NoSuchKey when there is none or the latest is a
     * delete marker, 404 NoSuchVersion for an unknown version id, 405 MethodNotAllowed for a delete
     * marker's version id. The caller holds the bucket's lock.
     *
     * @param head true for HeadObject, whose 404 has no body
     */
    StoredObject resolve(FakeBucket bucket, String key, String versionId, boolean head) {
        return resolve(bucket, key, versionId, head, false);
    }

    /**
     * Resolves the version GetObject or HeadObject reads, as {@link #resolve} does; a delete marker in the way also
     * answers with the x-amz-delete-marker and Last-Modified headers S3 sends with those two operations' 404 and 405.
     */
    StoredObject read(FakeBucket bucket, String key, String versionId, boolean head) {
        return resolve(bucket, key, versionId, head, true);
    }

    private StoredObject resolve(FakeBucket bucket, String key, String versionId, boolean head, boolean markerHeaders) {
        checkVersionId(versionId);
        access.check(bucket, versionId == null ? "s3:GetObject" : "s3:GetObjectVersion", key, RequestKeys.version(versionId));
        return find(bucket, key, versionId, head, markerHeaders);
    }

    /**
     * Refuses a version id S3 cannot have issued, before anything is looked up: an empty one (real responses quoted by
     * noobaa-core#7970 and Seagate/cortx-s3server#1724), or one too short to be an id, which S3 answers with 400
     * InvalidArgument 'Invalid version id specified' (responses quoted in versitygw#1698 for GetObjectTagging and in
     * Seagate/cortx-s3server#1724 for HeadObject of "dsf"). "null" names the null version; the ids S3 and this fake
     * issue are 32 characters long, and a well-formed id of no version stays 404 NoSuchVersion.
     */
    static void checkVersionId(String versionId) {
        if (versionId == null || StoredObject.NULL_VERSION.equals(versionId)) {
            return;
        }
        if (versionId.isEmpty()) {
            throw S3Errors.badRequest("InvalidArgument", "Version id cannot be the empty string");
        }
        if (versionId.length() < MIN_VERSION_ID_LENGTH) {
            throw S3Errors.badRequest("InvalidArgument", "Invalid version id specified");
        }
    }

    /** Finds the version as {@link #resolve} does, for a caller that has checked its own permissions. */
    StoredObject find(FakeBucket bucket, String key, String versionId, boolean head) {
        return find(bucket, key, versionId, head, false);
    }

    private StoredObject find(FakeBucket bucket, String key, String versionId, boolean head, boolean markerHeaders) {
        if (versionId != null) {
            StoredObject version = bucket.objects().version(key, versionId).orElseThrow(() -> notFound(bucket, head, true));
            if (version.deleteMarker()) {
                throw markerHeaders ? S3Errors.onDeleteMarker(S3Errors.methodNotAllowed(), version)
                        : S3Errors.methodNotAllowed();
            }
            return version;
        }
        Optional<StoredObject> latest = bucket.objects().latest(key);
        if (latest.isEmpty() || latest.get().deleteMarker()) {
            S3Exception e = notFound(bucket, head, false);
            // A caller who may not learn that the key is absent learns nothing of its marker either.
            throw markerHeaders && latest.isPresent() && e.statusCode() == 404 ? S3Errors.onDeleteMarker(e, latest.get()) : e;
        }
        return latest.get();
    }

    /**
     * Without s3:ListBucket a caller may not learn that a key is absent: S3 answers 403 Access Denied
     * instead of 404 (GetObject API reference, "Permissions").
     */
    private S3Exception notFound(FakeBucket bucket, boolean head, boolean version) {
        if (!access.allowed(bucket, "s3:ListBucket", null, Map.of())) {
            return S3Errors.accessDenied();
        }
        if (head) {
            return S3Errors.headNotFound(false);
        }
        return version ? S3Errors.noSuchVersion() : S3Errors.noSuchKey();
    }
}
