package io.dataplatform.s3;

import java.time.Instant;

/**
 * A key whose current version is a delete marker: deleted, and recoverable with {@link Bucket#restore(String)}.
 *
 * @param key                   the object key
 * @param deletedAt             when the delete marker was written
 * @param deleteMarkerVersionId the delete marker's version id
 */
public record DeletedObject(String key, Instant deletedAt, String deleteMarkerVersionId) {
}
