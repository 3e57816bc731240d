package io.dataplatform.testing.internal.s3;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The x-amz-copy-source-if-* conditions of CopyObject, evaluated against the source version (CopyObject
 * API reference). Two documented combinations differ from evaluating each alone: if-match true makes a
 * false if-unmodified-since irrelevant (the copy goes ahead), and if-none-match false fails even when
 * if-modified-since is true. As in RFC 9110, if-modified-since counts only without if-none-match.
 */
final class CopySourceConditions {
    private CopySourceConditions() {
    }

    static void check(StoredObject source, String ifMatch, String ifNoneMatch, Instant ifModifiedSince,
                      Instant ifUnmodifiedSince) {
        if (ifMatch == null && ifNoneMatch == null && ifModifiedSince == null && ifUnmodifiedSince == null) {
            return;
        }
        String etag = Digests.unquote(source.etag());
        // HTTP dates have whole seconds: an object written within the named second is not modified since it.
        Instant modified = source.lastModified().truncatedTo(ChronoUnit.SECONDS);
        if (ifMatch != null) {
            if (!matches(etag, ifMatch)) {
                throw failed();
            }
        } else if (ifUnmodifiedSince != null && modified.isAfter(ifUnmodifiedSince)) {
            throw failed();
        }
        if (ifNoneMatch != null) {
            if (matches(etag, ifNoneMatch)) {
                throw failed();
            }
        } else if (ifModifiedSince != null && !modified.isAfter(ifModifiedSince)) {
            throw failed();
        }
    }

    private static boolean matches(String etag, String condition) {
        String wanted = condition.trim();
        return "*".equals(wanted) || etag.equals(Digests.unquote(wanted));
    }

    private static RuntimeException failed() {
        return S3Errors.build(412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold");
    }
}
