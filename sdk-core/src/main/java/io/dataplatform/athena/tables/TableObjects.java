package io.dataplatform.athena.tables;

import software.amazon.awssdk.services.s3.model.ObjectStorageClass;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Which objects Athena reads under a table or partition location. The location is a literal folder:
 * {@code s3://b/t} and {@code s3://b/t/} both mean the keys under {@code t/}, and {@code *},
 * {@code [..]} or {@code {..}} are plain characters. Athena skips hidden files, whose name, or the
 * name of a folder below the location, starts with '_' or '.' ("Athena treats source files that
 * start with an underscore or a dot as hidden"), folder markers, and objects in Glacier Flexible
 * Retrieval or Deep Archive, which it ignores (Athena User Guide, "Considerations and limitations
 * for SQL queries"). The cost estimate and the engines that read tables as Athena does all apply it.
 */
public final class TableObjects {

    private TableObjects() {
    }

    /** Returns the key prefix Athena lists for the key part of a location: {@code t} and {@code t/} give {@code t/}. */
    public static String folderPrefix(String locationKey) {
        return locationKey.isEmpty() || locationKey.endsWith("/") ? locationKey : locationKey + "/";
    }

    /** Returns true if Athena reads {@code object}, listed under {@code prefix} (from {@link #folderPrefix}). */
    public static boolean isRead(S3Object object, String prefix) {
        return !isArchived(object.storageClass())
                && !isHidden(object.key().substring(Math.min(prefix.length(), object.key().length())));
    }

    /** Returns true for a folder marker, or a key (relative to the location) Athena treats as hidden. */
    public static boolean isHidden(String relativeKey) {
        if (relativeKey.isEmpty() || relativeKey.endsWith("/")) {
            return true;
        }
        for (String name : relativeKey.split("/", -1)) {
            if (name.startsWith("_") || name.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** Returns true for the storage classes Athena does not read. */
    public static boolean isArchived(ObjectStorageClass storageClass) {
        return storageClass == ObjectStorageClass.GLACIER || storageClass == ObjectStorageClass.DEEP_ARCHIVE;
    }
}
