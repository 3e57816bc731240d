package io.dataplatform.testing.internal.s3;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The versions of every key in one bucket, newest first per key, following S3's versioning rules
 * (user guide, "Working with objects in a versioning-enabled / versioning-suspended bucket").
 * Not thread-safe: the owning bucket's lock guards it.
 */
final class VersionStore {
    private final TreeMap<String, List<StoredObject>> keys = new TreeMap<>(Names.KEY_ORDER);
    /**
     * The same versions by key, for the lookups of one key (every read and write): a tree lookup compares the key
     * with a dozen others in code point order, a hash lookup with one. The tree keeps the listing order.
     */
    private final HashMap<String, KeyVersions> byKey = new HashMap<>();

    /**
     * Stores {@code object} under the id the state dictates and returns it as stored: {@code object} itself when
     * it already carries that id, else a copy with it.
     */
    StoredObject put(StoredObject object, VersionState state, Supplier<String> newVersionId) {
        KeyVersions versions = byKey.get(object.key());
        if (versions == null) {
            versions = new KeyVersions();
            byKey.put(object.key(), versions);
            keys.put(object.key(), versions);
        }
        String id = state == VersionState.ENABLED ? newVersionId.get() : StoredObject.NULL_VERSION;
        StoredObject stored = id.equals(object.versionId()) ? object : object.withKey(object.key(), id, object.lastModified());
        switch (state) {
            case UNVERSIONED -> versions.clear();
            // Suspended: the new "null" version replaces any earlier "null" version of the key.
            case SUSPENDED -> versions.removeIf(v -> StoredObject.NULL_VERSION.equals(v.versionId()));
            case ENABLED -> {
            }
        }
        versions.addNewest(stored);
        return stored;
    }

    /**
     * Deletes without a version id: removes the object when unversioned, otherwise adds a delete
     * marker (even when the key has no versions, as S3 does). Returns the marker, if one was added.
     */
    Optional<StoredObject> delete(String key, VersionState state, Instant at, Supplier<String> newVersionId) {
        if (state == VersionState.UNVERSIONED) {
            keys.remove(key);
            byKey.remove(key);
            return Optional.empty();
        }
        String id = state == VersionState.ENABLED ? newVersionId.get() : StoredObject.NULL_VERSION;
        StoredObject marker = StoredObject.marker(key, id, at);
        put(marker, state, () -> id);
        return Optional.of(marker);
    }

    /** Permanently removes one version; returns it if it existed. */
    Optional<StoredObject> deleteVersion(String key, String versionId) {
        List<StoredObject> versions = byKey.get(key);
        if (versions == null) {
            return Optional.empty();
        }
        Optional<StoredObject> found = versions.stream().filter(v -> v.versionId().equals(versionId)).findFirst();
        found.ifPresent(versions::remove);
        if (versions.isEmpty()) {
            keys.remove(key);
            byKey.remove(key);
        }
        return found;
    }

    /** Returns the newest version of {@code key}, which may be a delete marker. */
    Optional<StoredObject> latest(String key) {
        List<StoredObject> versions = byKey.get(key);
        return versions == null || versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(0));
    }

    /** Returns one version of {@code key}. */
    Optional<StoredObject> version(String key, String versionId) {
        List<StoredObject> versions = byKey.get(key);
        return versions == null ? Optional.empty()
                : versions.stream().filter(v -> v.versionId().equals(versionId)).findFirst();
    }

    /** Replaces the stored version with the same key and version id by {@code changed} (a tag change). */
    void replace(StoredObject changed) {
        List<StoredObject> versions = byKey.get(changed.key());
        for (int i = 0; versions != null && i < versions.size(); i++) {
            if (versions.get(i).versionId().equals(changed.versionId())) {
                versions.set(i, changed);
                return;
            }
        }
        throw new IllegalStateException("No version " + changed.versionId() + " of " + changed.key() + " to replace");
    }

    /** Returns every key with its versions, newest first, in key order; a live view, for reading only. */
    NavigableMap<String, List<StoredObject>> all() {
        // Read-only: a change through the tree would leave the hash index behind.
        return java.util.Collections.unmodifiableNavigableMap(keys);
    }

    boolean isEmpty() {
        return keys.isEmpty();
    }
}
