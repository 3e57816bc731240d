package io.dataplatform.testing.internal.s3;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The versions of one key, newest first as S3 lists them, stored oldest first so that a new
 * version is an append: a key overwritten a million times in a versioned bucket costs O(1) per
 * put, and its latest version is read in O(1). Removing an older version is O(n), as rare as it is in S3.
 */
final class KeyVersions extends AbstractList<StoredObject> implements RandomAccess {
    private final List<StoredObject> oldestFirst = new ArrayList<>();

    /** Adds {@code version} as the newest. */
    void addNewest(StoredObject version) {
        oldestFirst.add(version);
        modCount++;
    }

    @Override
    public StoredObject get(int newestFirstIndex) {
        return oldestFirst.get(position(newestFirstIndex));
    }

    @Override
    public StoredObject set(int newestFirstIndex, StoredObject version) {
        return oldestFirst.set(position(newestFirstIndex), version);
    }

    @Override
    public StoredObject remove(int newestFirstIndex) {
        modCount++;
        return oldestFirst.remove(position(newestFirstIndex));
    }

    @Override
    public void clear() {
        modCount++;
        oldestFirst.clear();
    }

    @Override
    public int size() {
        return oldestFirst.size();
    }

    private int position(int newestFirstIndex) {
        if (newestFirstIndex < 0 || newestFirstIndex >= oldestFirst.size()) {
            throw new IndexOutOfBoundsException("version index " + newestFirstIndex + " of " + oldestFirst.size());
        }
        return oldestFirst.size() - 1 - newestFirstIndex;
    }
}
