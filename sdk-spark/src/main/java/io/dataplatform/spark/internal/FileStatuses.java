package io.dataplatform.spark.internal;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * Answers what a path of the bucket is: a file (an object under exactly its key), a directory (the
 * root, a {@code dir/} marker, or any key below it), or nothing.
 */
final class FileStatuses {
    private final S3Store store;
    private final URI bucketUri;
    private final long blockSize;
    /** Owner and group of every path: S3 has neither, so, as in S3A, the user who opened the file system. */
    private final String user;

    FileStatuses(S3Store store, URI bucketUri, long blockSize, String user) {
        this.store = store;
        this.bucketUri = bucketUri;
        this.blockSize = blockSize;
        this.user = user;
    }

    /** Returns the status of {@code qualified}; a key that is both an object and a prefix is a file, as in S3A. */
    Optional<FileStatus> find(Path qualified, String key) throws IOException {
        if (key.isEmpty()) {
            return Optional.of(directory(qualified));
        }
        Optional<HeadObjectResponse> head = store.head(key);
        if (head.isPresent()) {
            return Optional.of(file(qualified, length(head.get().contentLength()), millis(head.get().lastModified())));
        }
        return store.anyUnder(key + "/") ? Optional.of(directory(qualified)) : Optional.empty();
    }

    /** Lists a directory's children with one delimited listing, or a file as itself. */
    FileStatus[] list(Path qualified, String key) throws IOException {
        String prefix = key.isEmpty() ? "" : key + "/";
        List<FileStatus> children = new ArrayList<>();
        boolean[] marker = {key.isEmpty()};
        store.list(prefix, "/", page -> {
            page.contents().forEach(object -> {
                if (object.key().equals(prefix)) {
                    marker[0] = true;
                } else {
                    children.add(file(S3ClientFileSystem.path(bucketUri, object.key()), length(object.size()),
                            millis(object.lastModified())));
                }
            });
            page.commonPrefixes().forEach(common -> {
                String child = common.prefix().substring(0, common.prefix().length() - 1);
                children.add(directory(S3ClientFileSystem.path(bucketUri, child)));
            });
        });
        if (!children.isEmpty() || marker[0]) {
            return children.toArray(new FileStatus[0]);
        }
        Optional<HeadObjectResponse> head = store.head(key);
        if (head.isPresent()) {
            return new FileStatus[] {file(qualified, length(head.get().contentLength()), millis(head.get().lastModified()))};
        }
        throw new FileNotFoundException("No such file or directory: " + qualified);
    }

    /**
     * Returns the nearest ancestor of {@code qualified} that is a file, if any. The walk stops at the
     * first ancestor that is a directory, so a path in an existing directory costs one listing: the
     * O(empty directories) scan that HADOOP-13221 describes for S3A.
     */
    Optional<Path> fileAncestor(Path qualified) throws IOException {
        for (Path ancestor = qualified.getParent(); ancestor != null && !ancestor.isRoot(); ancestor = ancestor.getParent()) {
            String ancestorKey = S3ClientFileSystem.key(ancestor);
            if (store.anyUnder(ancestorKey + "/")) {
                return Optional.empty();
            }
            if (store.head(ancestorKey).isPresent()) {
                return Optional.of(ancestor);
            }
        }
        return Optional.empty();
    }

    /**
     * Writes a marker for the parent of a path that was just deleted or renamed away if nothing else
     * keeps the parent alive, so that, as on HDFS, removing a directory's last entry leaves the
     * directory in place (S3A does the same).
     */
    void keepParent(Path qualified) throws IOException {
        Path parent = qualified.getParent();
        if (parent == null || parent.isRoot()) {
            return;
        }
        String parentKey = S3ClientFileSystem.key(parent);
        if (!store.anyUnder(parentKey + "/")) {
            store.putEmpty(parentKey + "/");
        }
    }

    /*
     * Every status is marked encrypted: Hadoop's FileSystem specification (getFileStatus) says stores
     * without POSIX permissions MUST answer true to isEncrypted(), or YARN's distributed cache takes
     * the made-up rw-rw-rw- permission for world-readable and shares the file across applications.
     */
    private FileStatus file(Path path, long length, long modified) {
        return new FileStatus(length, false, 1, blockSize, modified, 0, null, user, user, null, path,
                false, true, false);
    }

    private static long length(Long length) {
        return length == null ? 0 : length;
    }

    private static long millis(Instant instant) {
        return instant == null ? 0 : instant.toEpochMilli();
    }

    private FileStatus directory(Path path) {
        return new FileStatus(0, true, 1, 0, 0, 0, null, user, user, null, path, false, true, false);
    }
}
