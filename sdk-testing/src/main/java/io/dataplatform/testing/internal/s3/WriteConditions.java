package io.dataplatform.testing.internal.s3;

/**
 * The If-Match and If-None-Match conditions of writes (PutObject, CopyObject, CompleteMultipartUpload) and
 * of deletes (DeleteObject, and DeleteObjects' per-object ETag), which S3 evaluates against the key's current
 * version: a delete marker counts as no object (S3 user guide, "How to prevent object overwrites with
 * conditional writes" and "How to perform conditional deletes"). The caller holds the bucket's lock, so the
 * check and the write are one step.
 */
final class WriteConditions {
    private WriteConditions() {
    }

    /**
     * If-None-Match takes only {@code *}: no current object, else 412. If-Match takes an ETag (or {@code *}):
     * 404 NoSuchKey without a current object, 412 when its ETag differs. Both at once is 501 NotImplemented,
     * whatever their values and whether or not the key has an object, as S3 answers (versitygw pull request #1727
     * matched S3 there).
     */
    static void checkWrite(FakeBucket bucket, String key, String ifMatch, String ifNoneMatch) {
        if (ifMatch == null && ifNoneMatch == null) {
            return;
        }
        if (ifNoneMatch != null && (ifMatch != null || !"*".equals(ifNoneMatch.trim()))) {
            throw S3Errors.build(501, "NotImplemented", "A header you provided implies functionality that is not implemented");
        }
        StoredObject current = current(bucket, key);
        if (ifNoneMatch != null) {
            if (current != null) {
                throw preconditionFailed();
            }
        }
        if (ifMatch != null) {
            match(current, ifMatch);
        }
    }

    /** A conditional delete: 404 NoSuchKey without a current object, 412 when its ETag differs from {@code ifMatch}. */
    static void checkDelete(FakeBucket bucket, String key, String ifMatch) {
        if (ifMatch != null) {
            match(current(bucket, key), ifMatch);
        }
    }

    private static void match(StoredObject current, String ifMatch) {
        if (current == null) {
            throw S3Errors.noSuchKey();
        }
        String wanted = ifMatch.trim();
        if (!"*".equals(wanted) && !Digests.unquote(current.etag()).equals(Digests.unquote(wanted))) {
            throw preconditionFailed();
        }
    }

    private static StoredObject current(FakeBucket bucket, String key) {
        return bucket.objects().latest(key).filter(version -> !version.deleteMarker()).orElse(null);
    }

    private static software.amazon.awssdk.services.s3.model.S3Exception preconditionFailed() {
        return S3Errors.build(412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold");
    }
}
