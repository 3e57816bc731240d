package io.dataplatform.testing.internal.s3;

import java.time.Instant;
import java.util.Map;

/**
 * One version of one key: an object with its bytes, or a delete marker (no bytes). Immutable; the
 * byte array is never handed out or changed after construction.
 *
 * @param key          the object key
 * @param versionId    the version id; {@code "null"} for versions written while versioning was off or suspended
 * @param deleteMarker true for a delete marker
 * @param data         the object's bytes (empty for a delete marker)
 * @param etag         the quoted entity tag
 * @param contentType  the content type
 * @param metadata     the user metadata
 * @param lastModified when this version was written
 */
record StoredObject(String key, String versionId, boolean deleteMarker, byte[] data, String etag, String contentType,
                    Map<String, String> metadata, Instant lastModified) {
    static final String NULL_VERSION = "null";

    StoredObject {
        metadata = Map.copyOf(metadata);
    }

    static StoredObject marker(String key, String versionId, Instant at) {
        return new StoredObject(key, versionId, true, new byte[0], null, null, Map.of(), at);
    }

    long size() {
        return data.length;
    }

    StoredObject withKey(String newKey, String newVersionId, Instant at) {
        return new StoredObject(newKey, newVersionId, deleteMarker, data, etag, contentType, metadata, at);
    }
}
