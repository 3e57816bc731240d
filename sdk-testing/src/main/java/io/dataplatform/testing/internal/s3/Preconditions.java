package io.dataplatform.testing.internal.s3;

/** The If-Match / If-None-Match conditions of GetObject and HeadObject. */
final class Preconditions {
    private Preconditions() {
    }

    static void check(StoredObject object, String ifMatch, String ifNoneMatch) {
        if (ifMatch == null && ifNoneMatch == null) {
            return;   // the common read: nothing to compare, so nothing to unquote
        }
        String etag = Digests.unquote(object.etag());
        if (ifMatch != null && !"*".equals(ifMatch.trim()) && !etag.equals(Digests.unquote(ifMatch.trim()))) {
            throw S3Errors.build(412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold");
        }
        if (ifNoneMatch != null && ("*".equals(ifNoneMatch.trim()) || etag.equals(Digests.unquote(ifNoneMatch.trim())))) {
            throw S3Errors.build(304, "NotModified", "Not Modified");
        }
    }
}
