package io.dataplatform.s3;

import java.time.Instant;

/**
 * One version of an object, or a delete marker.
 *
 * @param key          the object key
 * @param versionId    the version id
 * @param latest       true for the key's current version
 * @param deleteMarker true if this version is a delete marker (the key looked deleted from then on)
 * @param lastModified when the version was written
 * @param size         the size in bytes (0 for a delete marker)
 * @param eTag         the entity tag, quotes removed ({@code null} for a delete marker)
 */
public record ObjectVersion(String key, String versionId, boolean latest, boolean deleteMarker, Instant lastModified,
                            long size, String eTag) {
}
