package io.dataplatform.spark.internal;

import io.dataplatform.athena.tables.TableObjects;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ObjectStorageClass;

/**
 * The data files of a table or partition location, listed the way Athena lists them: the location
 * is a literal folder, never a pattern or a single file. {@code s3://b/t} and {@code s3://b/t/}
 * both mean every object whose key starts with {@code t/} (the same prefix sdk-core's cost
 * estimate sizes), so {@code s3://b/big*} reads the keys under {@code big*}{@code /}, and a
 * location naming an object reads nothing ("Do not use filenames, underscores, wildcards, or glob
 * patterns", Athena User Guide, "Specify a table location in Amazon S3").
 *
 * <p>Hidden files are left out: "Athena treats source files that start with an underscore (_) or
 * a dot (.) as hidden" (Athena User Guide, "Considerations and limitations for SQL queries"). As in
 * Trino's Hive connector, which Athena runs, a file inside a folder whose name starts with one of
 * them is hidden too ({@code _temporary/part-0.csv}); so are folder markers (keys ending in '/').
 * Objects in the Glacier Flexible Retrieval and Deep Archive storage classes are skipped as well.
 */
final class TableFiles {
    private final S3Client s3;

    TableFiles(S3Client s3) {
        this.s3 = s3;
    }

    /**
     * Returns the paths of the visible files under {@code location}, in key order, as Hadoop path
     * strings of the location's own scheme (read them with globbing off: their keys are literal).
     *
     * @throws IllegalArgumentException if {@code location} is not an {@code s3://} or {@code s3a://} URI
     */
    List<String> under(String location) {
        URI bucket = bucketUri(location);
        String prefix = TableObjects.folderPrefix(location.substring(bucket.toString().length()).replaceFirst("^/", ""));
        ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket.getAuthority()).prefix(prefix).build();
        List<String> paths = new ArrayList<>();
        try {
            s3.listObjectsV2Paginator(request).contents().forEach(object -> {
                if (TableObjects.isRead(object, prefix)) {
                    paths.add(S3ClientFileSystem.path(bucket, object.key()).toString());
                }
            });
        } catch (SdkException e) {
            throw new IllegalStateException("Cannot list " + location + ": " + e.getMessage(), e);
        }
        return paths;
    }

    private static URI bucketUri(String location) {
        int schemeEnd = location.indexOf("://");
        String scheme = schemeEnd < 0 ? "" : location.substring(0, schemeEnd);
        if (!scheme.equals("s3") && !scheme.equals("s3a")) {
            throw new IllegalArgumentException("Unsupported location '" + location + "': must be s3://bucket/folder/");
        }
        int slash = location.indexOf('/', schemeEnd + 3);
        String bucket = location.substring(schemeEnd + 3, slash < 0 ? location.length() : slash);
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException("Unsupported location '" + location + "': it names no bucket");
        }
        return URI.create(scheme + "://" + bucket);
    }
}
