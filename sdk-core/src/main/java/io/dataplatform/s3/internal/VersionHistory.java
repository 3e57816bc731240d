package io.dataplatform.s3.internal;

import io.dataplatform.ResourceNotFoundException;
import io.dataplatform.internal.Checks;
import io.dataplatform.internal.Pages;
import io.dataplatform.s3.DeletedObject;
import io.dataplatform.s3.ObjectVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;

/**
 * Reads a key's version history and restores old versions. A restore copies the chosen version
 * onto the key as its newest version, so nothing in the history is ever removed.
 */
final class VersionHistory {
    private final S3Context context;
    private final String bucket;

    VersionHistory(S3Context context, String bucket) {
        this.context = context;
        this.bucket = bucket;
    }

    /** Returns the key's versions and delete markers, newest first. */
    List<ObjectVersion> versions(String key) {
        List<ObjectVersion> versions = new ArrayList<>();
        List<ObjectVersion> markers = new ArrayList<>();
        String[] cursor = null;
        do {
            ListObjectVersionsResponse page = listPage(key, cursor);
            page.versions().stream().filter(v -> v.key().equals(key)).map(VersionHistory::toVersion).forEach(versions::add);
            page.deleteMarkers().stream().filter(m -> m.key().equals(key)).map(VersionHistory::toMarker)
                    .forEach(markers::add);
            boolean pastKey = page.nextKeyMarker() != null && page.nextKeyMarker().compareTo(key) > 0;
            cursor = Boolean.TRUE.equals(page.isTruncated()) && !pastKey
                    ? new String[]{page.nextKeyMarker(), page.nextVersionIdMarker()} : null;
        } while (cursor != null);
        if (ambiguous(versions, markers)) {
            return inListingOrder(key);
        }
        return mergeNewestFirst(versions, markers);
    }

    /**
     * S3 lists a key's versions and delete markers in one newest-first sequence, but the SDK hands them
     * over as two lists whose only link is LastModified, which has one-second precision. When a
     * marker and a version share a timestamp, their order can only be read from the listing itself:
     * one entry per page keeps it.
     */
    private List<ObjectVersion> inListingOrder(String key) {
        List<ObjectVersion> ordered = new ArrayList<>();
        String[] cursor = null;
        while (true) {
            ListObjectVersionsResponse page = listPage(key, cursor, 1);
            page.versions().stream().filter(v -> v.key().equals(key)).map(VersionHistory::toVersion).forEach(ordered::add);
            page.deleteMarkers().stream().filter(m -> m.key().equals(key)).map(VersionHistory::toMarker)
                    .forEach(ordered::add);
            boolean pastKey = page.nextKeyMarker() != null && page.nextKeyMarker().compareTo(key) > 0;
            if (!Boolean.TRUE.equals(page.isTruncated()) || pastKey) {
                return ordered;
            }
            cursor = new String[]{page.nextKeyMarker(), page.nextVersionIdMarker()};
        }
    }

    private static boolean ambiguous(List<ObjectVersion> versions, List<ObjectVersion> markers) {
        if (markers.isEmpty() || versions.isEmpty()) {
            return false;
        }
        java.util.Set<Instant> versionTimes = new java.util.HashSet<>();
        versions.forEach(v -> versionTimes.add(v.lastModified()));
        return markers.stream().anyMatch(m -> versionTimes.contains(m.lastModified()));
    }

    ObjectVersion restore(String key) {
        List<ObjectVersion> history = versions(key);
        if (!history.isEmpty() && !history.get(0).deleteMarker()) {
            return history.get(0);
        }
        ObjectVersion target = history.stream().filter(Predicate.not(ObjectVersion::deleteMarker)).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("Cannot restore s3://" + bucket + "/" + key
                        + ": it has no version that is not a delete marker (" + history.size() + " delete markers)"));
        return copyToTop(target);
    }

    ObjectVersion restore(String key, String versionId) {
        Checks.notEmpty(versionId, "versionId");
        List<ObjectVersion> history = versions(key);
        ObjectVersion target = history.stream().filter(v -> v.versionId().equals(versionId)).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("Cannot restore s3://" + bucket + "/" + key
                        + ": no version '" + versionId + "' among its " + history.size() + " versions"));
        Checks.require(!target.deleteMarker(), "Cannot restore s3://%s/%s to version '%s': that version is a delete marker",
                bucket, key, versionId);
        return target.latest() ? target : copyToTop(target);
    }

    ObjectVersion restoreAsOf(String key, Instant instant) {
        Checks.notNull(instant, "instant");
        List<ObjectVersion> history = versions(key);
        Optional<ObjectVersion> then = history.stream().filter(v -> !v.lastModified().isAfter(instant)).findFirst();
        if (then.isEmpty() || then.get().deleteMarker()) {
            throw new ResourceNotFoundException("Cannot restore s3://" + bucket + "/" + key + " as of " + instant
                    + ": it " + (then.isEmpty() ? "did not exist yet" : "was deleted") + " at that time");
        }
        return then.get().latest() ? then.get() : copyToTop(then.get());
    }

    Stream<DeletedObject> deletedObjects(String prefix) {
        return Pages.<String[], DeletedObject>stream(cursor -> {
            ListObjectVersionsResponse page = listPage(prefix, cursor);
            List<DeletedObject> deleted = page.deleteMarkers().stream().filter(DeleteMarkerEntry::isLatest)
                    .map(m -> new DeletedObject(m.key(), m.lastModified(), m.versionId())).toList();
            String[] next = Boolean.TRUE.equals(page.isTruncated())
                    ? new String[]{page.nextKeyMarker(), page.nextVersionIdMarker()} : null;
            return new Pages.Page<>(deleted, next);
        });
    }

    private ObjectVersion copyToTop(ObjectVersion source) {
        String key = source.key();
        CopyObjectResponse copy = context.invoker().call("CopyObject", bucket + "/" + key,
                () -> context.s3().copyObject(r -> r.sourceBucket(bucket).sourceKey(key).sourceVersionId(source.versionId())
                        .destinationBucket(bucket).destinationKey(key)));
        return new ObjectVersion(key, copy.versionId(), true, false, copy.copyObjectResult().lastModified(),
                source.size(), ETags.strip(copy.copyObjectResult().eTag()));
    }

    private ListObjectVersionsResponse listPage(String prefix, String[] cursor) {
        return listPage(prefix, cursor, null);
    }

    private ListObjectVersionsResponse listPage(String prefix, String[] cursor, Integer maxKeys) {
        ListObjectVersionsRequest.Builder request = ListObjectVersionsRequest.builder().bucket(bucket).prefix(prefix)
                .maxKeys(maxKeys);
        if (cursor != null) {
            request.keyMarker(cursor[0]).versionIdMarker(cursor[1]);
        }
        return context.invoker().call("ListObjectVersions", bucket + "/" + prefix,
                () -> context.s3().listObjectVersions(request.build()));
    }

    /**
     * The SDK returns versions and delete markers as two lists, each newest first; merging them by
     * time (current version first) restores S3's single newest-first history.
     */
    private static List<ObjectVersion> mergeNewestFirst(List<ObjectVersion> versions, List<ObjectVersion> markers) {
        List<ObjectVersion> merged = new ArrayList<>(versions.size() + markers.size());
        int v = 0;
        int m = 0;
        while (v < versions.size() || m < markers.size()) {
            boolean takeMarker = v == versions.size() || (m < markers.size() && newer(markers.get(m), versions.get(v)));
            merged.add(takeMarker ? markers.get(m++) : versions.get(v++));
        }
        return merged;
    }

    private static boolean newer(ObjectVersion a, ObjectVersion b) {
        if (a.latest() != b.latest()) {
            return a.latest();
        }
        return a.lastModified().isAfter(b.lastModified());
    }

    private static ObjectVersion toVersion(software.amazon.awssdk.services.s3.model.ObjectVersion v) {
        return new ObjectVersion(v.key(), v.versionId(), Boolean.TRUE.equals(v.isLatest()), false, v.lastModified(),
                v.size() == null ? 0 : v.size(), ETags.strip(v.eTag()));
    }

    private static ObjectVersion toMarker(DeleteMarkerEntry m) {
        return new ObjectVersion(m.key(), m.versionId(), Boolean.TRUE.equals(m.isLatest()), true, m.lastModified(), 0,
                null);
    }
}
