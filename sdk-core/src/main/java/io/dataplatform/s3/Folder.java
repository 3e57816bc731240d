package io.dataplatform.s3;

/**
 * A "folder" in a {@link Bucket#browse(String)} listing: a common prefix of keys, ending in {@code /}.
 *
 * @param prefix the common prefix, e.g. {@code sales/2024/}
 */
public record Folder(String prefix) implements ListEntry {
}
