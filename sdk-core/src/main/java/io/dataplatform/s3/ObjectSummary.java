package io.dataplatform.s3;

import java.time.Instant;

/**
 * An object as a listing returns it.
 *
 * @param key          the object key
 * @param size         the size in bytes
 * @param eTag         the entity tag, quotes removed
 * @param lastModified when the current version was written
 */
public record ObjectSummary(String key, long size, String eTag, Instant lastModified) implements ListEntry {
}
