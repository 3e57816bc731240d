package io.dataplatform.testing.internal.s3;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;

/**
 * One version of one key: an object with its bytes, or a delete marker (no bytes). Immutable; the
 * byte array is never handed out or changed after construction. Tags belong to the version: a tag
 * change stores a copy ({@link #withTags}).
 *
 * @param key          the object key
 * @param versionId    the version id; {@code "null"} for versions written while versioning was off or suspended
 * @param deleteMarker true for a delete marker
 * @param data         the object's bytes (empty for a delete marker)
 * @param etag         the quoted entity tag
 * @param contentType  the content type
 * @param metadata     the user metadata
 * @param lastModified when this version was written
 * @param tags         the object tags, in the order they were set
 * @param checksum     the additional checksum S3 stores, or null when the writer asked for none
 * @param parts        the parts of an object written by a multipart upload; empty otherwise
 */
record StoredObject(String key, String versionId, boolean deleteMarker, byte[] data, String etag, String contentType,
                    Map<String, String> metadata, Instant lastModified, Map<String, String> tags,
                    Checksum checksum, List<Part> parts) {
    static final String NULL_VERSION = "null";

    /** An additional checksum: its algorithm, Base64 value, and whether it covers the whole object or its parts. */
    record Checksum(ChecksumAlgorithm algorithm, String value, boolean composite) {
    }

    /** One part of a multipart object, as GetObjectAttributes reports it; {@code checksum} may be null. */
    record Part(int number, long size, String checksum) {
    }

    StoredObject {
        metadata = Map.copyOf(metadata);
        tags = TagSets.copy(tags);
        parts = List.copyOf(parts);
    }

    StoredObject(String key, String versionId, boolean deleteMarker, byte[] data, String etag, String contentType,
                 Map<String, String> metadata, Instant lastModified) {
        this(key, versionId, deleteMarker, data, etag, contentType, metadata, lastModified, Map.of(), null, List.of());
    }

    static StoredObject marker(String key, String versionId, Instant at) {
        return new StoredObject(key, versionId, true, new byte[0], null, null, Map.of(), at);
    }

    long size() {
        return data.length;
    }

    StoredObject withKey(String newKey, String newVersionId, Instant at) {
        return new StoredObject(newKey, newVersionId, deleteMarker, data, etag, contentType, metadata, at, tags,
                checksum, parts);
    }

    StoredObject withTags(Map<String, String> newTags) {
        return new StoredObject(key, versionId, deleteMarker, data, etag, contentType, metadata, lastModified, newTags,
                checksum, parts);
    }

    StoredObject withExtras(Map<String, String> newTags, Checksum newChecksum, List<Part> newParts) {
        return new StoredObject(key, versionId, deleteMarker, data, etag, contentType, metadata, lastModified, newTags,
                newChecksum, newParts);
    }
}
