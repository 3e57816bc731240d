package io.dataplatform.s3;

/** One entry of a {@link Bucket#browse(String)} listing: an object or a folder. */
public sealed interface ListEntry permits ObjectSummary, Folder {
}
