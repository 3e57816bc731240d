package io.dataplatform.testing.internal.s3;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The source of CopyObject and UploadPartCopy: from SourceBucket/SourceKey/SourceVersionId, or from the
 * deprecated x-amz-copy-source header, {@code bucket/key} URL-encoded with an optional {@code ?versionId=}.
 */
record CopySource(String bucket, String key, String versionId) {

    static CopySource of(String sourceBucket, String sourceKey, String sourceVersionId, String copySourceHeader) {
        if (sourceBucket != null) {
            return new CopySource(sourceBucket, Names.required(sourceKey, "SourceKey"), sourceVersionId);
        }
        String header = Names.required(copySourceHeader, "SourceBucket");
        String versionId = null;
        int query = header.indexOf("?versionId=");
        if (query >= 0) {
            versionId = header.substring(query + "?versionId=".length());
            header = header.substring(0, query);
        }
        String path = URLDecoder.decode(header.startsWith("/") ? header.substring(1) : header, StandardCharsets.UTF_8);
        int slash = path.indexOf('/');
        if (slash <= 0) {
            throw S3Errors.badRequest("InvalidArgument", "Invalid copy source object key");
        }
        return new CopySource(path.substring(0, slash), path.substring(slash + 1), versionId);
    }

    /**
     * The object to copy, as CopyObject and UploadPartCopy read it: not a delete marker named by version id, readable
     * by the caller, meeting the copy-source conditions, not archived. The caller holds the source bucket's lock.
     */
    StoredObject resolve(FakeBucket bucket, AccessControl access, ObjectReads reads, String ifMatch, String ifNoneMatch,
                         Instant ifModifiedSince, Instant ifUnmodifiedSince) {
        checkNotDeleteMarker(bucket, access);
        StoredObject object = reads.resolve(bucket, key, versionId, false);
        Preconditions.checkCopySource(object, ifMatch, ifNoneMatch, ifModifiedSince, ifUnmodifiedSince);
        if (object.headers().archived()) {
            // An archived source must be restored before it can be copied (CopyObject API reference).
            throw S3Errors.invalidObjectState();
        }
        return object;
    }

    /** Rejects a version id that names a delete marker, after checking the caller may read that version. */
    private void checkNotDeleteMarker(FakeBucket bucket, AccessControl access) {
        if (versionId != null && bucket.objects().version(key, versionId).map(StoredObject::deleteMarker).orElse(false)) {
            access.check(bucket, "s3:GetObjectVersion", key, RequestKeys.version(versionId));
            throw S3Errors.badRequest("InvalidRequest",
                    "The source of a copy request may not specifically refer to a delete marker by version id.");
        }
    }
}
