package io.dataplatform.testing.internal.s3;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * @param headers      the standard headers stored with the object and its storage class
 */
record StoredObject(String key, String versionId, boolean deleteMarker, byte[] data, String etag, String contentType,
                    Map<String, String> metadata, Instant lastModified, Map<String, String> tags,
                    Checksum checksum, List<Part> parts, Headers headers) {
    static final String NULL_VERSION = "null";

    /**
     * The standard HTTP headers a write may store with an object (returned by GetObject and HeadObject)
     * and its storage class; null fields were not set. {@link #NONE} is shared by every object written
     * without them, so a plain put allocates nothing for them.
     *
     * @param storageClass the storage class as S3 names it; null means STANDARD
     */
    record Headers(String cacheControl, String contentEncoding, String contentDisposition, String contentLanguage,
                   Instant expires, String websiteRedirectLocation, String storageClass) {
        static final Headers NONE = new Headers(null, null, null, null, null, null, null);
        static final String STANDARD = "STANDARD";

        /** Returns {@link #NONE} when nothing is set, so the common write builds no new record. */
        static Headers of(String cacheControl, String contentEncoding, String contentDisposition,
                          String contentLanguage, Instant expires, String websiteRedirectLocation, String storageClass) {
            if (cacheControl == null && contentEncoding == null && contentDisposition == null && contentLanguage == null
                    && expires == null && websiteRedirectLocation == null
                    && (storageClass == null || STANDARD.equals(storageClass))) {
                return NONE;
            }
            // Expires travels as an HTTP date, in whole seconds.
            return new Headers(cacheControl, contentEncoding, contentDisposition, contentLanguage,
                    expires == null ? null : expires.truncatedTo(ChronoUnit.SECONDS),
                    websiteRedirectLocation, STANDARD.equals(storageClass) ? null : storageClass);
        }

        /** The storage class, STANDARD when none was set. */
        String storageClassOrStandard() {
            return storageClass == null ? STANDARD : storageClass;
        }

        /** These headers with another storage class (null or STANDARD for the default). */
        Headers withStorageClass(String newClass) {
            return of(cacheControl, contentEncoding, contentDisposition, contentLanguage, expires,
                    websiteRedirectLocation, newClass);
        }

        /**
         * True for GLACIER and DEEP_ARCHIVE: archived objects cannot be read until restored (GetObject API
         * reference, InvalidObjectState); HeadObject still answers.
         */
        boolean archived() {
            return "GLACIER".equals(storageClass) || "DEEP_ARCHIVE".equals(storageClass);
        }
    }

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
        headers = headers == null ? Headers.NONE : headers;
    }

    StoredObject(String key, String versionId, boolean deleteMarker, byte[] data, String etag, String contentType,
                 Map<String, String> metadata, Instant lastModified) {
        this(key, versionId, deleteMarker, data, etag, contentType, metadata, lastModified, Map.of(), null, List.of(),
                Headers.NONE);
    }

    static StoredObject marker(String key, String versionId, Instant at) {
        return new StoredObject(key, versionId, true, new byte[0], null, null, Map.of(), at);
    }

    long size() {
        return data.length;
    }

    StoredObject withKey(String newKey, String newVersionId, Instant at) {
        return new StoredObject(newKey, newVersionId, deleteMarker, data, etag, contentType, metadata, at, tags,
                checksum, parts, headers);
    }

    StoredObject withTags(Map<String, String> newTags) {
        return new StoredObject(key, versionId, deleteMarker, data, etag, contentType, metadata, lastModified, newTags,
                checksum, parts, headers);
    }

    StoredObject withExtras(Map<String, String> newTags, Checksum newChecksum, List<Part> newParts) {
        return new StoredObject(key, versionId, deleteMarker, data, etag, contentType, metadata, lastModified, newTags,
                newChecksum, newParts, headers);
    }
}
