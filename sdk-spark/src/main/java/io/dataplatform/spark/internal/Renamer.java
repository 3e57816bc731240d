package io.dataplatform.spark.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

/**
 * Rename with Hadoop's {@code FileSystem.rename} semantics, done the only way S3 can: copy every
 * object, then delete the originals. Failures that the Hadoop contract reports as {@code false}
 * (missing source, destination is a file or already exists, a directory into itself) are
 * {@code false} here too; Spark's committers turn that into an error naming both paths.
 */
final class Renamer {
    private final S3Store store;
    private final FileStatuses statuses;

    Renamer(S3Store store, FileStatuses statuses) {
        this.store = store;
        this.statuses = statuses;
    }

    boolean rename(Path source, Path destination) throws IOException {
        String sourceKey = S3ClientFileSystem.key(source);
        String destinationKey = S3ClientFileSystem.key(destination);
        if (sourceKey.isEmpty()) {
            return false;
        }
        Optional<FileStatus> sourceStatus = statuses.find(source, sourceKey);
        if (sourceStatus.isEmpty()) {
            return false;
        }
        boolean directory = sourceStatus.get().isDirectory();
        if (sourceKey.equals(destinationKey)) {
            return !directory;
        }
        if (directory && (destinationKey + "/").startsWith(sourceKey + "/")) {
            return false;
        }
        Optional<FileStatus> destinationStatus = statuses.find(destination, destinationKey);
        Path target = destination;
        if (destinationStatus.isPresent()) {
            if (destinationStatus.get().isFile()) {
                return false;
            }
            // Like HDFS: renaming onto an existing directory moves the source into it.
            target = new Path(destination, source.getName());
            if (S3ClientFileSystem.key(target).equals(sourceKey)) {
                // Renaming into the directory it is already in: filesystem.md computes dest = d + filename(src),
                // which is src itself, and renaming a file to itself is a no-op that returns true.
                return !directory;
            }
            if (statuses.find(target, S3ClientFileSystem.key(target)).isPresent()) {
                return false;
            }
        } else if (statuses.fileAncestor(destination).isPresent()) {
            // filesystem.md, rename: 'The parent path of a destination must not be a file ... This
            // implicitly covers all the ancestors of the parent.' As in S3A, the parent need not exist.
            return false;
        }
        String targetKey = S3ClientFileSystem.key(target);
        if (directory) {
            List<String> keys = store.keysUnder(sourceKey + "/");
            for (String key : keys) {
                store.copy(key, targetKey + "/" + key.substring(sourceKey.length() + 1));
            }
            store.delete(keys);
        } else {
            store.copy(sourceKey, targetKey);
            store.delete(sourceKey);
        }
        statuses.keepParent(source);
        return true;
    }
}
