package io.dataplatform.s3;

import java.io.InputStream;
import java.util.Optional;

/**
 * A handle on one object (or one version of it). Creating the handle calls nothing; each method
 * below makes one request. A missing object or version fails with
 * {@link io.dataplatform.ResourceNotFoundException}.
 *
 * <pre>{@code
 * byte[] all = bucket.get("sales.csv").bytes();
 * byte[] head = bucket.get("sales.csv").range(0, 1023);
 * String old = bucket.get("sales.csv").version(versionId).string();
 * }</pre>
 */
public interface StoredObject {

    /** Returns the object key. */
    String key();

    /** Returns the version this handle reads, or empty for the current version. */
    Optional<String> versionId();

    /** Returns a handle on the given version of the same key. */
    StoredObject version(String versionId);

    /** Downloads the whole object into memory. */
    byte[] bytes();

    /** Downloads the whole object and decodes it as UTF-8. */
    String string();

    /** Opens the object as a stream; the caller must close it. */
    InputStream stream();

    /**
     * Downloads the bytes from {@code first} to {@code last}, both inclusive, as an HTTP range does;
     * a range past the end is cut at the end.
     */
    byte[] range(long first, long last);

    /** Returns the object's metadata (a HEAD request). */
    ObjectMetadata metadata();

    /** Returns true if the object (or the version) exists and is not deleted. */
    boolean exists();
}
