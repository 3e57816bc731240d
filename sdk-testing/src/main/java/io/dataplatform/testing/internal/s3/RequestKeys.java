package io.dataplatform.testing.internal.s3;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The S3 condition keys an operation's request sets ("Actions, resources, and condition keys for
 * Amazon S3"). A header the request does not send leaves its key missing, as in S3.
 */
final class RequestKeys {
    private RequestKeys() {
    }

    /** s3:prefix, s3:delimiter and s3:max-keys of ListObjects(V2) and ListObjectVersions. */
    static Map<String, List<String>> listing(String prefix, String delimiter, Integer maxKeys) {
        Map<String, List<String>> keys = new HashMap<>();
        put(keys, "s3:prefix", prefix);
        put(keys, "s3:delimiter", delimiter);
        put(keys, "s3:max-keys", maxKeys == null ? null : String.valueOf(maxKeys));
        return keys;
    }

    /** s3:VersionId of a request for one version, or no keys. */
    static Map<String, List<String>> version(String versionId) {
        return versionId == null ? Map.of() : Map.of("s3:VersionId", List.of(versionId));
    }

    static Map<String, List<String>> put(PutObjectRequest r) {
        if (r.serverSideEncryptionAsString() == null && r.ssekmsKeyId() == null && r.aclAsString() == null
                && r.storageClassAsString() == null && r.tagging() == null) {
            return Map.of();   // the common put: no map to build for a check that the root user skips anyway
        }
        return write(r.serverSideEncryptionAsString(), r.ssekmsKeyId(), r.aclAsString(), r.storageClassAsString(), r.tagging());
    }

    static Map<String, List<String>> createUpload(CreateMultipartUploadRequest r) {
        return write(r.serverSideEncryptionAsString(), r.ssekmsKeyId(), r.aclAsString(), r.storageClassAsString(), r.tagging());
    }

    /** The write keys plus s3:x-amz-copy-source ("bucket/key") and s3:x-amz-metadata-directive. */
    static Map<String, List<String>> copy(CopyObjectRequest r, String sourceBucket, String sourceKey) {
        Map<String, List<String>> keys = write(r.serverSideEncryptionAsString(), r.ssekmsKeyId(), r.aclAsString(),
                r.storageClassAsString(), r.tagging());
        put(keys, "s3:x-amz-copy-source", sourceBucket + "/" + sourceKey);
        put(keys, "s3:x-amz-metadata-directive", r.metadataDirectiveAsString());
        return keys;
    }

    /** s3:x-amz-copy-source ("bucket/key") of UploadPartCopy, whose other headers set no condition keys. */
    static Map<String, List<String>> partCopy(String sourceBucket, String sourceKey) {
        return Map.of("s3:x-amz-copy-source", List.of(sourceBucket + "/" + sourceKey));
    }

    private static Map<String, List<String>> write(String sse, String kmsKeyId, String acl, String storageClass,
                                                   String tagging) {
        Map<String, List<String>> keys = new HashMap<>();
        put(keys, "s3:x-amz-server-side-encryption", sse);
        put(keys, "s3:x-amz-server-side-encryption-aws-kms-key-id", kmsKeyId);
        put(keys, "s3:x-amz-acl", acl);
        put(keys, "s3:x-amz-storage-class", storageClass);
        if (tagging != null && !tagging.isEmpty()) {
            List<String> tagKeys = new ArrayList<>();
            for (String pair : tagging.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                tagKeys.add(key);
                put(keys, "s3:RequestObjectTag/" + key, value);
            }
            keys.put("s3:RequestObjectTagKeys", List.copyOf(tagKeys));
        }
        return keys;
    }

    private static void put(Map<String, List<String>> keys, String key, String value) {
        if (value != null) {
            keys.put(key, List.of(value));
        }
    }
}
