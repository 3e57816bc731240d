package io.dataplatform.s3;

import io.dataplatform.internal.Checks;
import java.time.Instant;
import java.util.Map;

/**
 * What S3 knows about one object version, without its content.
 *
 * @param key          the object key
 * @param versionId    the version id ({@code "null"} in an unversioned bucket)
 * @param size         the size in bytes
 * @param eTag         the entity tag, quotes removed
 * @param contentType  the MIME type stored with the object
 * @param lastModified when the version was written
 * @param userMetadata the user metadata ({@code x-amz-meta-*}), keys in lower case
 */
public record ObjectMetadata(String key, String versionId, long size, String eTag, String contentType,
                             Instant lastModified, Map<String, String> userMetadata) {
    /** Copies the metadata map. */
    public ObjectMetadata {
        userMetadata = Checks.copyOf(userMetadata, "userMetadata");
    }
}
