package io.dataplatform.testing.internal.s3;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;

/** A multipart upload in progress: its target key, object attributes and the parts uploaded so far. */
final class PendingUpload {
    private final String uploadId;
    private final String key;
    private final Instant initiated;
    private final String initiator;
    private final String contentType;
    private final Map<String, String> metadata;
    private final Map<String, String> tags;
    private final ChecksumAlgorithm checksumAlgorithm;
    private final StoredObject.Headers headers;
    private final TreeMap<Integer, Part> parts = new TreeMap<>();

    /** One uploaded part; uploading the same part number again replaces it. {@code checksum} may be null. */
    record Part(int number, byte[] data, byte[] md5, String etag, Instant lastModified, String checksum) {
    }

    PendingUpload(String uploadId, String key, Instant initiated, String initiator, String contentType,
                    Map<String, String> metadata, Map<String, String> tags, ChecksumAlgorithm checksumAlgorithm,
                  StoredObject.Headers headers) {
        this.uploadId = uploadId;
        this.key = key;
        this.initiated = initiated;
        this.initiator = initiator;
        this.contentType = contentType;
        this.metadata = Map.copyOf(metadata);
        this.tags = TagSets.copy(tags);
        this.checksumAlgorithm = checksumAlgorithm;
        this.headers = headers;
    }

    /** The standard headers and storage class the completed object gets. */
    StoredObject.Headers headers() {
        return headers;
    }

    String uploadId() {
        return uploadId;
    }

    String key() {
        return key;
    }

    Instant initiated() {
        return initiated;
    }

    String initiator() {
        return initiator;
    }

    String contentType() {
        return contentType;
    }

    Map<String, String> metadata() {
        return metadata;
    }

    Map<String, String> tags() {
        return tags;
    }

    /** Returns the additional checksum the upload was created with, or null. */
    ChecksumAlgorithm checksumAlgorithm() {
        return checksumAlgorithm;
    }

    TreeMap<Integer, Part> parts() {
        return parts;
    }
}
