package io.dataplatform.s3;

import io.dataplatform.internal.Checks;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A handle on one S3 bucket. Obtaining the handle calls nothing; every method below makes the
 * requests it needs, retrying throttling and transient failures. Thread-safe.
 *
 * <pre>{@code
 * Bucket raw = platform.bucket("acme-raw").create();   // versioned, private, encrypted
 * raw.put("sales/2024/01/sales.csv", Path.of("sales.csv"));
 * raw.delete("sales/2024/01/sales.csv");
 * raw.restore("sales/2024/01/sales.csv");
 * }</pre>
 */
public interface Bucket {

    /** Returns the bucket name. */
    String name();

    /** Returns the location of {@code keyPrefix} in this bucket, e.g. for a crawler target. */
    default S3Location prefix(String keyPrefix) {
        return new S3Location(name(), keyPrefix);
    }

    /**
     * Creates the bucket with safe defaults: versioning enabled, all public access blocked, default
     * encryption (SSE-S3) on.
     *
     * @return this handle
     * @throws io.dataplatform.ResourceAlreadyExistsException if the bucket exists
     */
    Bucket create();

    /** Returns true if the bucket exists and the caller may see it. */
    boolean exists();

    /**
     * Deletes the bucket, which must be empty of every version and delete marker.
     *
     * @throws io.dataplatform.ResourceConflictException if anything is left in it
     */
    void delete();

    /** Stores {@code content} under {@code key} with {@code options}; large content goes multipart. */
    PutResult put(String key, ObjectContent content, PutOptions options);

    /** Stores {@code content} under {@code key} with default options. */
    default PutResult put(String key, ObjectContent content) {
        return put(key, content, PutOptions.defaults());
    }

    /** Stores {@code content} under {@code key} with options set by {@code options}. */
    default PutResult put(String key, ObjectContent content, Consumer<PutOptions.Builder> options) {
        Checks.notNull(options, "options");
        PutOptions.Builder builder = PutOptions.builder();
        options.accept(builder);
        return put(key, content, builder.build());
    }

    /** Stores {@code bytes} under {@code key}. */
    default PutResult put(String key, byte[] bytes) {
        return put(key, ObjectContent.of(bytes));
    }

    /** Stores the UTF-8 encoding of {@code text} under {@code key}. */
    default PutResult put(String key, String text) {
        return put(key, ObjectContent.of(text));
    }

    /** Stores the content of {@code file} under {@code key}. */
    default PutResult put(String key, Path file) {
        return put(key, ObjectContent.of(file));
    }

    /** Returns a handle on the current version of {@code key}; nothing is downloaded yet. */
    StoredObject get(String key);

    /** Returns true if {@code key} exists and is not deleted. */
    default boolean exists(String key) {
        return get(key).exists();
    }

    /** Returns the metadata of the current version of {@code key}. */
    default ObjectMetadata head(String key) {
        return get(key).metadata();
    }

    /**
     * Lists every object whose key starts with {@code prefix}, in key order. Lazy: pages of up to
     * 1,000 keys are fetched as the stream is consumed. Close the stream if you stop early.
     */
    Stream<ObjectSummary> list(String prefix);

    /**
     * Lists one level below {@code prefix}, folder-style: objects directly under it and
     * {@link Folder}s for deeper keys (a listing with delimiter {@code /}). Lazy like {@link #list(String)}.
     */
    Stream<ListEntry> browse(String prefix);

    /** Copies the current version of {@code sourceKey} to {@code targetKey} in this bucket. */
    PutResult copy(String sourceKey, String targetKey);

    /** Copies the current version of {@code sourceKey} to {@code targetKey} in {@code target}. */
    PutResult copy(String sourceKey, Bucket target, String targetKey);

    /**
     * Deletes {@code key}. In a versioned bucket this adds a delete marker: every version is kept and
     * {@link #restore(String)} brings the object back.
     */
    void delete(String key);

    /**
     * Deletes many keys, in requests of up to 1,000 keys (S3's limit), and reports each key's outcome.
     * A key S3 refuses is reported, not thrown; a failed request is thrown. Every key is checked
     * before the first request: a null, empty or over-long key fails with
     * {@link IllegalArgumentException} naming its index, and nothing is deleted.
     */
    BatchDeleteResult deleteAll(Collection<String> keys);

    /** Returns every version and delete marker of {@code key}, newest first. */
    List<ObjectVersion> versions(String key);

    /**
     * Brings {@code key} back as it was in its latest version that is not a delete marker, by writing
     * that version again as the newest one. History is never destroyed.
     *
     * @return the new current version (or the current one, if the key was not deleted)
     * @throws io.dataplatform.ResourceNotFoundException if the key has no version to restore
     */
    ObjectVersion restore(String key);

    /** Makes version {@code versionId} of {@code key} current again by writing it as the newest version. */
    ObjectVersion restore(String key, String versionId);

    /**
     * Makes current the version of {@code key} that was current at {@code instant}.
     *
     * @throws io.dataplatform.ResourceNotFoundException if the key did not exist (or was deleted) then
     */
    ObjectVersion restoreAsOf(String key, Instant instant);

    /** Lists the keys under {@code prefix} whose current version is a delete marker. Lazy. */
    Stream<DeletedObject> deletedObjects(String prefix);

    /** Replaces the bucket policy with {@code policy}. */
    void policy(BucketPolicy policy);

    /** Returns the bucket policy, or empty if the bucket has none. */
    Optional<BucketPolicy> policy();

    /** Removes the bucket policy. */
    void deletePolicy();

    /** Returns a URL that lets its holder download {@code key} until {@code expiry} has passed (at most 7 days). */
    PresignedUrl presignGet(String key, Duration expiry);

    /** Returns a URL that lets its holder upload {@code key} until {@code expiry} has passed (at most 7 days). */
    PresignedUrl presignPut(String key, Duration expiry);
}
