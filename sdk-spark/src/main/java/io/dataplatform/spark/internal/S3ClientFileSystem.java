package io.dataplatform.spark.internal;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.BufferedFSInputStream;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FSExceptionMessages;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.ParentNotDirectoryException;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.PathIsNotEmptyDirectoryException;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.util.Progressable;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * A Hadoop {@link FileSystem} over any {@code S3Client}, for {@code s3://} and {@code s3a://} in
 * local mode, so Spark reads and writes the objects of a fake bucket in tests and of real S3 in
 * development. The client is looked up in {@link S3ClientRegistry} by the key in
 * {@value #CLIENT_ID}; register it with the Hadoop file system cache disabled for the scheme
 * ({@code fs.s3.impl.disable.cache=true}), since the cache ignores the configuration and would
 * hand one world's client to another.
 *
 * <p>Directories follow S3A: a key {@code a/b/c} makes {@code a} and {@code a/b} directories
 * (common prefixes), {@link #mkdirs} writes a zero-byte {@code dir/} marker so an empty directory
 * exists (Spark's commit protocol lists its {@code _temporary} directories before anything is in
 * them), and markers are kept when files are added below them (S3A's default "keep" policy).
 * Rename is copy then delete, so it is neither atomic nor O(1); Spark's default commit protocol
 * still works, as it does on S3A.
 */
public final class S3ClientFileSystem extends FileSystem {
    /** The configuration key naming the registered client this file system uses. */
    public static final String CLIENT_ID = "dataplatform.s3.client.id";
    /** The configuration key of the size of the buffers written as multipart parts (default 8 MiB, at least 5 MiB). */
    public static final String PART_SIZE = "dataplatform.s3.multipart.size";
    /** The configuration key of the block size reported to split readers (default 32 MiB, as S3A's). */
    public static final String BLOCK_SIZE = "dataplatform.s3.block.size";
    /** S3 rejects parts below 5 MiB except the last (S3 API reference, UploadPart). */
    static final int MIN_PART_SIZE = 5 * 1024 * 1024;

    private URI uri;
    private S3Store store;
    private Path workingDirectory;
    private int partSize;
    private long blockSize;
    private FileStatuses statuses;

    /** Creates an uninitialised file system; Hadoop calls {@link #initialize} next. */
    public S3ClientFileSystem() {
    }

    @Override
    public void initialize(URI name, Configuration conf) throws IOException {
        super.initialize(name, conf);
        setConf(conf);
        String bucket = name.getAuthority();
        if (bucket == null || bucket.isEmpty()) {
            throw new IOException("Invalid S3 URI '" + name + "': must name a bucket, as in " + name.getScheme() + "://bucket/key");
        }
        this.uri = URI.create(name.getScheme() + "://" + bucket);
        this.store = new S3Store(S3ClientRegistry.jvm().lookup(conf.get(CLIENT_ID), name.toString()), bucket);
        this.workingDirectory = new Path(uri.toString() + "/");
        long configuredPartSize = conf.getLongBytes(PART_SIZE, 8L * 1024 * 1024);
        if (configuredPartSize > Integer.MAX_VALUE) {
            // A cast would wrap to a negative size and fail only at the first write.
            throw new IOException("Invalid " + PART_SIZE + " " + configuredPartSize + ": must be at most "
                    + Integer.MAX_VALUE + " bytes, since each part is buffered in memory");
        }
        this.partSize = (int) Math.max(MIN_PART_SIZE, configuredPartSize);
        this.blockSize = conf.getLongBytes(BLOCK_SIZE, 32L * 1024 * 1024);
        if (blockSize < 1) {
            // filesystem.md: getDefaultBlockSize() is 'integer > 0' and a non-empty file's block size MUST be > 0;
            // split calculations divide by it. S3A refuses fs.s3a.block.size below 1 the same way.
            throw new IOException("Invalid " + BLOCK_SIZE + " " + blockSize + ": must be at least 1 byte");
        }
        // S3A reports the short name of the user who instantiated the file system as every path's owner and group.
        this.statuses = new FileStatuses(store, uri, blockSize, UserGroupInformation.getCurrentUser().getShortUserName());
    }

    @Override
    public String getScheme() {
        return uri.getScheme();
    }

    @Override
    public URI getUri() {
        return uri;
    }

    @Override
    public long getDefaultBlockSize(Path path) {
        return blockSize;
    }

    @Override
    public Path getWorkingDirectory() {
        return workingDirectory;
    }

    @Override
    public void setWorkingDirectory(Path directory) {
        this.workingDirectory = makeQualified(directory);
    }

    @Override
    public FileStatus getFileStatus(Path path) throws IOException {
        Path qualified = makeQualified(path);
        return statuses.find(qualified, key(qualified))
                .orElseThrow(() -> new FileNotFoundException("No such file or directory: " + qualified));
    }

    @Override
    public FileStatus[] listStatus(Path path) throws IOException {
        Path qualified = makeQualified(path);
        return statuses.list(qualified, key(qualified));
    }

    @Override
    public FSDataInputStream open(Path path, int bufferSize) throws IOException {
        Path qualified = makeQualified(path);
        String key = key(qualified);
        Optional<HeadObjectResponse> head = key.isEmpty() ? Optional.empty() : store.head(key);
        if (head.isEmpty()) {
            if (getFileStatus(qualified).isDirectory()) {
                throw new FileNotFoundException("Cannot open " + qualified + ": it is a directory");
            }
            head = store.head(key);   // written since the first probe
            if (head.isEmpty()) {
                throw new FileNotFoundException("No such file or directory: " + qualified);
            }
        }
        Long contentLength = head.get().contentLength();
        long length = contentLength == null ? 0 : contentLength;
        S3InputStream in = new S3InputStream(store, key, length, head.get().eTag(), statistics);
        return new FSDataInputStream(new BufferedFSInputStream(in, Math.max(bufferSize, 4096)) {
            @Override
            public long skip(long n) throws IOException {
                // BufferedFSInputStream skips by seeking, and a seek past EOF fails; InputStream.skip
                // instead skips fewer bytes at the end of the stream, as HDFS and the local file system do.
                return super.skip(Math.min(n, length - getPos()));
            }

            // BufferedFSInputStream hands positioned reads to its inner stream, which close() sets to null:
            // a read after close failed with a NullPointerException instead of the IOException of every other read.
            @Override
            public int read(long position, byte[] buffer, int offset, int len) throws IOException {
                checkOpen();
                return super.read(position, buffer, offset, len);
            }

            @Override
            public void readFully(long position, byte[] buffer, int offset, int len) throws IOException {
                checkOpen();
                super.readFully(position, buffer, offset, len);
            }

            @Override
            public void readFully(long position, byte[] buffer) throws IOException {
                checkOpen();
                super.readFully(position, buffer);
            }

            private void checkOpen() throws IOException {
                if (in == null) {
                    throw new IOException(FSExceptionMessages.STREAM_IS_CLOSED + ": " + qualified);
                }
            }
        });
    }

    @Override
    public FSDataOutputStream create(Path path, FsPermission permission, boolean overwrite, int bufferSize,
            short replication, long blockSize, Progressable progress) throws IOException {
        Path qualified = makeQualified(path);
        String key = key(qualified);
        if (key.isEmpty()) {
            throw new FileAlreadyExistsException("Cannot create a file at " + qualified + ": it is the bucket's root");
        }
        Optional<FileStatus> existing = statuses.find(qualified, key);
        if (existing.isPresent() && existing.get().isDirectory()) {
            throw new FileAlreadyExistsException("Cannot create " + qualified + ": it is a directory");
        }
        if (existing.isPresent() && !overwrite) {
            throw new FileAlreadyExistsException("Cannot create " + qualified + ": it exists and overwrite is false");
        }
        if (existing.isEmpty()) {
            checkNoAncestorIsAFile(qualified);
        }
        return new FSDataOutputStream(new S3OutputStream(store, key, partSize), statistics);
    }

    /**
     * Hadoop's FileSystem specification has create fail when any ancestor is a file; otherwise
     * {@code a.txt/part-0} would be written under the file {@code a.txt} and getFileStatus, listStatus
     * and delete would disagree about what {@code a.txt} is.
     */
    private void checkNoAncestorIsAFile(Path qualified) throws IOException {
        Optional<Path> file = statuses.fileAncestor(qualified);
        if (file.isPresent()) {
            throw new ParentNotDirectoryException("Cannot create " + qualified + ": " + file.get() + " is a file");
        }
    }

    @Override
    public FSDataOutputStream createNonRecursive(Path path, FsPermission permission,
            EnumSet<CreateFlag> flags, int bufferSize, short replication, long blockSize,
            Progressable progress) throws IOException {
        Path parent = makeQualified(path).getParent();
        if (parent != null && !getFileStatus(parent).isDirectory()) {
            throw new ParentNotDirectoryException("Cannot create " + path + ": its parent is a file");
        }
        boolean overwrite = flags.contains(CreateFlag.OVERWRITE);
        return create(path, permission, overwrite, bufferSize, replication, blockSize, progress);
    }

    /**
     * Fails: S3 objects cannot be appended to. {@code append} is abstract in Hadoop's FileSystem, and its
     * specification has stores without append throw UnsupportedOperationException, as S3A does.
     */
    @Override
    public FSDataOutputStream append(Path path, int bufferSize, Progressable progress) throws IOException {
        throw new UnsupportedOperationException("Cannot append to " + path + ": S3 objects are immutable; write a new object");
    }

    @Override
    public boolean rename(Path source, Path destination) throws IOException {
        return new Renamer(store, statuses).rename(makeQualified(source), makeQualified(destination));
    }

    @Override
    public boolean delete(Path path, boolean recursive) throws IOException {
        Path qualified = makeQualified(path);
        String key = key(qualified);
        Optional<FileStatus> status = statuses.find(qualified, key);
        if (status.isEmpty()) {
            return false;
        }
        if (key.isEmpty()) {
            // Hadoop's contract leaves deleting "/" to the implementation; like S3A, never empty a bucket this way.
            return false;
        }
        if (status.get().isFile()) {
            store.delete(key);
        } else {
            List<String> keys = store.keysUnder(key + "/");
            boolean onlyMarker = keys.isEmpty() || keys.size() == 1 && keys.get(0).equals(key + "/");
            if (!recursive && !onlyMarker) {
                throw new PathIsNotEmptyDirectoryException(qualified.toString());
            }
            store.delete(keys);
        }
        statuses.keepParent(qualified);
        return true;
    }

    @Override
    public boolean mkdirs(Path path, FsPermission permission) throws IOException {
        Path qualified = makeQualified(path);
        String key = key(qualified);
        if (key.isEmpty()) {
            return true;
        }
        Optional<FileStatus> existing = statuses.find(qualified, key);
        if (existing.isPresent()) {
            if (existing.get().isDirectory()) {
                return true;
            }
            throw new FileAlreadyExistsException("Cannot create directory " + qualified + ": a file exists there");
        }
        for (Path ancestor = qualified.getParent(); ancestor != null && !ancestor.isRoot(); ancestor = ancestor.getParent()) {
            Optional<HeadObjectResponse> file = store.head(key(ancestor));
            if (file.isPresent()) {
                throw new ParentNotDirectoryException("Cannot create directory " + qualified + ": " + ancestor + " is a file");
            }
        }
        store.putEmpty(key + "/");
        return true;
    }

    /** Returns the object key of a qualified path of this bucket: its path without the leading '/'. */
    static String key(Path qualified) {
        String path = qualified.toUri().getPath();
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /** Returns the qualified path of {@code key} in this bucket. */
    static Path path(URI bucketUri, String key) {
        try {
            // The multi-argument URI constructor quotes characters keys may hold ('%', ' ', ':').
            return new Path(new URI(bucketUri.getScheme(), bucketUri.getAuthority(), "/" + key, null, null));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Invalid S3 key '" + key + "': " + e.getMessage(), e);
        }
    }
}
