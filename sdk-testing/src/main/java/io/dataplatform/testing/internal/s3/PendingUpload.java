package io.dataplatform.testing.internal.s3;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** A multipart upload in progress: its target key, object attributes and the parts uploaded so far. */
final class PendingUpload {
    private final String uploadId;
    private final String key;
    private final Instant initiated;
    private final String initiator;
    private final String contentType;
    private final Map<String, String> metadata;
    private final TreeMap<Integer, Part> parts = new TreeMap<>();

    /** One uploaded part; uploading the same part number again replaces it. */
    record Part(int number, byte[] data, byte[] md5, String etag, Instant lastModified) {
    }

    PendingUpload(String uploadId, String key, Instant initiated, String initiator, String contentType,
                    Map<String, String> metadata) {
        this.uploadId = uploadId;
        this.key = key;
        this.initiated = initiated;
        this.initiator = initiator;
        this.contentType = contentType;
        this.metadata = Map.copyOf(metadata);
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

    TreeMap<Integer, Part> parts() {
        return parts;
    }
}
