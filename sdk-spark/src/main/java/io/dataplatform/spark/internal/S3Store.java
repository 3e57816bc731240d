package io.dataplatform.spark.internal;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The S3 calls one bucket's file system makes, with AWS errors turned into the {@link IOException}s
 * Hadoop callers expect (404 becomes {@link FileNotFoundException}, 403 {@link AccessDeniedException}).
 */
final class S3Store {
    /** DeleteObjects takes at most 1,000 keys per request (S3 API reference, DeleteObjects). */
    static final int MAX_DELETE_KEYS = 1000;

    private final S3Client s3;
    private final String bucket;

    S3Store(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    S3Client client() {
        return s3;
    }

    String bucket() {
        return bucket;
    }

    /** Returns the object's metadata, or empty if there is no object under exactly {@code key}. */
    Optional<HeadObjectResponse> head(String key) throws IOException {
        try {
            return Optional.of(s3.headObject(b -> b.bucket(bucket).key(key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            // HEAD responses carry no body, so some clients report a missing key only by status.
            if (e.statusCode() == 404 && !(e instanceof NoSuchBucketException)) {
                return Optional.empty();
            }
            throw translate("HeadObject", key, e);
        } catch (SdkException e) {
            throw translate("HeadObject", key, e);
        }
    }

    /** Returns whether any object's key starts with {@code prefix}. */
    boolean anyUnder(String prefix) throws IOException {
        ListObjectsV2Response page = call("ListObjectsV2", prefix,
                () -> s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix).maxKeys(1)));
        return !page.contents().isEmpty() || !page.commonPrefixes().isEmpty();
    }

    /** Lists every page under {@code prefix}, optionally grouped by {@code delimiter}, handing each page over. */
    void list(String prefix, String delimiter, Consumer<ListObjectsV2Response> pages) throws IOException {
        ListObjectsV2Request request = ListObjectsV2Request.builder()
                .bucket(bucket).prefix(prefix).delimiter(delimiter).build();
        try {
            s3.listObjectsV2Paginator(request).forEach(pages);
        } catch (SdkException e) {
            throw translate("ListObjectsV2", prefix, e);
        }
    }

    /** Returns every key that starts with {@code prefix}, across all pages. */
    List<String> keysUnder(String prefix) throws IOException {
        List<String> keys = new ArrayList<>();
        list(prefix, null, page -> page.contents().forEach(o -> keys.add(o.key())));
        return keys;
    }

    void putEmpty(String key) throws IOException {
        call("PutObject", key, () -> s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.empty()));
    }

    void copy(String sourceKey, String destinationKey) throws IOException {
        call("CopyObject", sourceKey, () -> s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(sourceKey)
                .destinationBucket(bucket).destinationKey(destinationKey)));
    }

    void delete(String key) throws IOException {
        call("DeleteObject", key, () -> s3.deleteObject(b -> b.bucket(bucket).key(key)));
    }

    /** Deletes {@code keys} in batches of {@value #MAX_DELETE_KEYS}, failing if S3 reports any key it could not delete. */
    void delete(List<String> keys) throws IOException {
        for (int from = 0; from < keys.size(); from += MAX_DELETE_KEYS) {
            List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + MAX_DELETE_KEYS)).stream()
                    .map(key -> ObjectIdentifier.builder().key(key).build())
                    .toList();
            Delete delete = Delete.builder().objects(batch).quiet(true).build();
            DeleteObjectsResponse response = call("DeleteObjects", batch.get(0).key(),
                    () -> s3.deleteObjects(b -> b.bucket(bucket).delete(delete)));
            // DeleteObjects answers 200 even when single keys fail; the failures are listed in Errors.
            if (response.hasErrors() && !response.errors().isEmpty()) {
                S3Error first = response.errors().get(0);
                throw new IOException("DeleteObjects failed for " + response.errors().size() + " key(s) in s3://" + bucket
                        + ", first '" + first.key() + "': " + first.code() + " " + first.message());
            }
        }
    }

    <T> T call(String operation, String key, Supplier<T> call) throws IOException {
        try {
            return call.get();
        } catch (SdkException e) {
            throw translate(operation, key, e);
        }
    }

    IOException translate(String operation, String key, SdkException e) {
        String where = "s3://" + bucket + "/" + key;
        String message = operation + " on " + where + " failed: " + e.getMessage();
        IOException translated;
        if (e instanceof S3Exception s3e && s3e.statusCode() == 404) {
            translated = new FileNotFoundException(message);
        } else if (e instanceof S3Exception s3e && s3e.statusCode() == 403) {
            translated = new AccessDeniedException(where, null, message);
        } else {
            return new IOException(message, e);
        }
        translated.initCause(e);
        return translated;
    }
}
