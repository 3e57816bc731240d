package io.dataplatform.testing.internal.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;

/** What a write stores besides the bytes: content type and user metadata, with S3's limits. */
final class ObjectAttributes {
    /** S3 stores an object without a Content-Type as {@code binary/octet-stream}. */
    static final String DEFAULT_CONTENT_TYPE = "binary/octet-stream";
    static final long MAX_SINGLE_PUT = 5L * 1024 * 1024 * 1024;
    private static final int MAX_METADATA_BYTES = 2 * 1024;

    private ObjectAttributes() {
    }

    /**
     * The SDK sends the request's Content-Type, else the RequestBody's (fromString: text/plain,
     * fromBytes: application/octet-stream); S3 falls back to binary/octet-stream when neither is set.
     */
    static String contentType(String requested, RequestBody body) {
        if (requested != null) {
            return requested;
        }
        return body != null && body.contentType() != null ? body.contentType() : DEFAULT_CONTENT_TYPE;
    }

    /**
     * User metadata travels as x-amz-meta-* headers, whose names S3 returns in lower case; together
     * they may take at most 2 KB (keys and values, UTF-8).
     */
    static Map<String, String> metadata(Map<String, String> requested) {
        if (requested.isEmpty()) {
            return Map.of();   // most writes: no map to fill, and StoredObject's Map.copyOf keeps this one
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        int bytes = 0;
        for (Map.Entry<String, String> e : requested.entrySet()) {
            metadata.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
            bytes += e.getKey().getBytes(StandardCharsets.UTF_8).length
                    + (e.getValue() == null ? 0 : e.getValue().getBytes(StandardCharsets.UTF_8).length);
        }
        if (bytes > MAX_METADATA_BYTES) {
            throw S3Errors.badRequest("MetadataTooLarge", "Your metadata headers exceed the maximum allowed metadata size");
        }
        return metadata;
    }

    /**
     * Refuses a write that sets Object Lock (x-amz-object-lock-mode, -retain-until-date or -legal-hold): no bucket of
     * this fake has Object Lock, and S3 answers such a PutObject, CopyObject or CreateMultipartUpload on a bucket
     * without it with 400 InvalidRequest 'Bucket is missing ObjectLockConfiguration' (versitygw#1751, matched to S3),
     * instead of storing an object without the retention its writer asked for.
     */
    static void checkNoObjectLock(String mode, Instant retainUntil, String legalHold) {
        if (mode != null || retainUntil != null || legalHold != null) {
            throw S3Errors.badRequest("InvalidRequest", "Bucket is missing ObjectLockConfiguration");
        }
    }

    /**
     * Checks a requested storage class: the classes a general purpose bucket stores; anything else
     * (an unknown name, or OUTPOSTS, SNOW, EXPRESS_ONEZONE and the FSx classes, which belong to other
     * storage) is 400 InvalidStorageClass. Returns the class, or null when none was asked for.
     */
    static String storageClass(String requested) {
        if (requested == null) {
            return null;
        }
        return switch (requested) {
            case "STANDARD", "REDUCED_REDUNDANCY", "STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING", "GLACIER",
                 "DEEP_ARCHIVE", "GLACIER_IR" -> requested;
            default -> throw S3Errors.badRequest("InvalidStorageClass", "The storage class you specified is not valid");
        };
    }

    /**
     * Checks a Content-MD5 header against the body's MD5 (PutObject and UploadPart API references): a
     * value that is not Base64 of 16 bytes is 400 InvalidDigest, a different digest 400 BadDigest.
     */
    static void checkContentMd5(String contentMd5, byte[] md5) {
        if (contentMd5 == null) {
            return;
        }
        byte[] sent;
        try {
            sent = Base64.getDecoder().decode(contentMd5.trim());
        } catch (IllegalArgumentException e) {
            sent = null;
        }
        if (sent == null || sent.length != 16) {
            throw S3Errors.badRequest("InvalidDigest", "The Content-MD5 you specified was invalid.");
        }
        if (!MessageDigest.isEqual(sent, md5)) {
            throw S3Errors.badRequest("BadDigest", "The Content-MD5 you specified did not match what we received.");
        }
    }

    /** Reads the whole body; a declared length over {@code max} is rejected before reading. */
    static byte[] read(RequestBody body, long max) {
        if (body.optionalContentLength().orElse(0L) > max) {
            throw S3Errors.badRequest("EntityTooLarge", "Your proposed upload exceeds the maximum allowed size");
        }
        try (InputStream in = body.contentStreamProvider().newStream()) {
            long declared = body.optionalContentLength().orElse(-1L);
            if (declared >= 0) {
                // The length is known: read into the array the store keeps, without readAllBytes' chunks and final copy.
                byte[] data = new byte[(int) declared];
                int read = in.readNBytes(data, 0, data.length);
                if (read == data.length && in.read() < 0) {
                    return data;
                }
                throw new UncheckedIOException(new IOException("The request body's length differs from its declared "
                        + declared + " bytes"));
            }
            byte[] data = in.readAllBytes();
            if (data.length > max) {
                throw S3Errors.badRequest("EntityTooLarge", "Your proposed upload exceeds the maximum allowed size");
            }
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the request body", e);
        }
    }
}
