package io.dataplatform.testing.internal.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;

/**
 * The walk both object listings share: keys under a prefix in S3's order, after a marker, with keys
 * that contain the delimiter after the prefix rolled up into one common prefix each, cut after
 * {@code maxKeys} entries. An entry is a version of a key or a common prefix.
 */
final class ListingWalk {
    /** One listed entry: a version ({@code object} non-null) or a common prefix. */
    record Entry(String key, StoredObject object, boolean latest) {
        boolean isPrefix() {
            return object == null;
        }
    }

    /** Decides which versions of a key the listing shows (V2: the latest live one; versions: all). */
    interface VersionFilter {
        List<Entry> entries(String key, List<StoredObject> newestFirst);
    }

    /** A page of entries and whether more follow. */
    record Page(List<Entry> entries, boolean truncated) {
    }

    private ListingWalk() {
    }

    /**
     * Walks {@code keys} starting at {@code marker} (null to start at the prefix). A marker
     * that is a common prefix skips every key under it, so the next page resumes after the roll-up.
     */
    static Page walk(NavigableMap<String, List<StoredObject>> keys, String prefix, String delimiter, String marker,
                     boolean includeMarkerKey, int maxKeys, VersionFilter filter) {
        boolean afterMarker = marker != null && Names.KEY_ORDER.compare(marker, prefix) >= 0;
        var tail = afterMarker ? keys.tailMap(marker, includeMarkerKey) : keys.tailMap(prefix, true);
        boolean markerIsPrefix = afterMarker && delimiter != null && marker.endsWith(delimiter);
        List<Entry> out = new ArrayList<>();
        String lastPrefix = null;
        var walk = tail.entrySet().iterator();
        while (walk.hasNext()) {
            var e = walk.next();
            String key = e.getKey();
            if (!key.startsWith(prefix)) {
                break;
            }
            if (markerIsPrefix && key.startsWith(marker)) {
                continue;
            }
            List<Entry> entries = filter.entries(key, e.getValue());
            if (entries.isEmpty()) {
                continue;
            }
            int cut = delimiter == null ? -1 : key.indexOf(delimiter, prefix.length());
            if (cut >= 0) {
                String common = key.substring(0, cut + delimiter.length());
                if (!common.equals(lastPrefix)) {
                    lastPrefix = common;
                    out.add(new Entry(common, null, false));
                    // Every other key under the common prefix rolls up into it: skip them rather than walk them,
                    // so a listing of "folders" costs one step per folder, not one per object below.
                    String after = after(common);
                    if (after != null) {
                        walk = keys.tailMap(after, true).entrySet().iterator();
                    }
                }
            } else {
                out.addAll(entries);
            }
            if (out.size() > maxKeys) {
                return new Page(List.copyOf(out.subList(0, maxKeys)), true);
            }
        }
        return new Page(List.copyOf(out), false);
    }

    /**
     * The least string above every string that starts with {@code prefix} (its last char plus one), or null
     * when that char has no successor outside the surrogates, whose order {@link Names#KEY_ORDER} moves.
     */
    static String after(String prefix) {
        char last = prefix.charAt(prefix.length() - 1);
        char next = (char) (last + 1);
        if (Character.isSurrogate(last) || Character.isSurrogate(next) || last == Character.MAX_VALUE) {
            return null;
        }
        return prefix.substring(0, prefix.length() - 1) + next;
    }
}
