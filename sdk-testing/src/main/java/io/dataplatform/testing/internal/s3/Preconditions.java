package io.dataplatform.testing.internal.s3;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The conditions of reads: If-Match, If-None-Match, If-Modified-Since and If-Unmodified-Since of GetObject and
 * HeadObject, and CopyObject's x-amz-copy-source-if-* versions of them, evaluated against the version read.
 * The API references document two combinations that differ from evaluating each alone: a true If-Match makes
 * a false If-Unmodified-Since irrelevant, and a false If-None-Match fails even when If-Modified-Since is true.
 * As in RFC 9110, If-Modified-Since counts only without If-None-Match. A read answers 304 Not Modified where
 * a copy answers 412 (CopyObject has nothing to leave unmodified).
 */
final class Preconditions {
    private Preconditions() {
    }

    /** GetObject's and HeadObject's conditions: 412 PreconditionFailed or 304 NotModified. */
    static void check(StoredObject object, String ifMatch, String ifNoneMatch, Instant ifModifiedSince,
                      Instant ifUnmodifiedSince) {
        check(object, ifMatch, ifNoneMatch, ifModifiedSince, ifUnmodifiedSince, false);
    }

    /** CopyObject's source conditions: 412 PreconditionFailed whichever fails. */
    static void checkCopySource(StoredObject source, String ifMatch, String ifNoneMatch, Instant ifModifiedSince,
                                Instant ifUnmodifiedSince) {
        check(source, ifMatch, ifNoneMatch, ifModifiedSince, ifUnmodifiedSince, true);
    }

    private static void check(StoredObject object, String ifMatch, String ifNoneMatch, Instant ifModifiedSince,
                              Instant ifUnmodifiedSince, boolean copy) {
        if (ifMatch == null && ifNoneMatch == null && ifModifiedSince == null && ifUnmodifiedSince == null) {
            return;   // the common read: nothing to compare, so nothing to unquote
        }
        String etag = Digests.unquote(object.etag());
        // HTTP dates have whole seconds: an object written within the named second is not modified since it.
        Instant modified = object.lastModified().truncatedTo(ChronoUnit.SECONDS);
        if (ifMatch != null) {
            if (!matches(etag, ifMatch)) {
                throw failed();
            }
        } else if (ifUnmodifiedSince != null && modified.isAfter(ifUnmodifiedSince)) {
            throw failed();
        }
        if (ifNoneMatch != null) {
            if (matches(etag, ifNoneMatch)) {
                throw copy ? failed() : notModified();
            }
        } else if (ifModifiedSince != null && !modified.isAfter(ifModifiedSince)) {
            throw copy ? failed() : notModified();
        }
    }

    private static boolean matches(String etag, String condition) {
        String wanted = condition.trim();
        return "*".equals(wanted) || etag.equals(Digests.unquote(wanted));
    }

    private static RuntimeException failed() {
        return S3Errors.build(412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold");
    }

    private static RuntimeException notModified() {
        return S3Errors.build(304, "NotModified", "Not Modified");
    }
}
