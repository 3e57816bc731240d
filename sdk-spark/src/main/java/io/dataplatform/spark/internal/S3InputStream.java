package io.dataplatform.spark.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.fs.FSExceptionMessages;
import org.apache.hadoop.fs.FSInputStream;
import org.apache.hadoop.fs.FileSystem;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A seekable stream over one object: each read continues a ranged GetObject ({@code bytes=pos-});
 * a seek only moves the position, and the next read re-opens the object there, unless the seek is
 * a short hop forward that is cheaper to skip over than to request again.
 */
final class S3InputStream extends FSInputStream {
    /** A forward seek up to this distance reads and discards instead of issuing a new request. */
    private static final long SKIP_LIMIT = 64 * 1024;

    private final S3Store store;
    private final String key;
    private final long length;
    /** The version opened; every GetObject asks for it, so a read never splices two versions of the object. */
    private final String eTag;
    private final FileSystem.Statistics statistics;
    private ResponseInputStream<GetObjectResponse> in;
    private long inPosition;
    private long position;
    private boolean closed;

    S3InputStream(S3Store store, String key, long length, String eTag, FileSystem.Statistics statistics) {
        this.store = store;
        this.key = key;
        this.length = length;
        this.eTag = eTag;
        this.statistics = statistics;
    }

    @Override
    public synchronized void seek(long target) throws IOException {
        checkOpen();
        if (target < 0) {
            throw new EOFException(FSExceptionMessages.NEGATIVE_SEEK + ": " + target);
        }
        if (target > length) {
            throw new EOFException(FSExceptionMessages.CANNOT_SEEK_PAST_EOF + ": " + target + " > " + length
                    + " in s3://" + store.bucket() + "/" + key);
        }
        position = target;
    }

    @Override
    public synchronized long getPos() {
        return position;
    }

    @Override
    public boolean seekToNewSource(long targetPos) {
        return false;
    }

    @Override
    public synchronized int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] buffer, int offset, int len) throws IOException {
        checkOpen();
        if (len == 0) {
            return 0;
        }
        if (position >= length) {
            return -1;
        }
        streamAtPosition();
        int n = in.read(buffer, offset, (int) Math.min(len, length - position));
        if (n < 0) {
            throw new EOFException("s3://" + store.bucket() + "/" + key + " ended at byte " + position
                    + " but its length is " + length + " (the object changed while it was read?)");
        }
        position += n;
        inPosition += n;
        if (statistics != null) {
            statistics.incrementBytesRead(n);
        }
        return n;
    }

    @Override
    public synchronized int available() throws IOException {
        checkOpen();
        return (int) Math.min(Integer.MAX_VALUE, length - position);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            closeStream();
        }
    }

    private void streamAtPosition() throws IOException {
        if (in != null && inPosition == position) {
            return;
        }
        if (in != null && position > inPosition && position - inPosition <= SKIP_LIMIT) {
            skipFully(in, position - inPosition);
            inPosition = position;
            return;
        }
        closeStream();
        long start = position;
        try {
            in = store.client().getObject(b -> b.bucket(store.bucket()).key(key).range("bytes=" + start + "-")
                    .ifMatch(eTag));
        } catch (S3Exception e) {
            if (e.statusCode() == 412) {
                // GetObject: If-Match 'Return the object only if its entity tag (ETag) is the same as the one
                // specified; otherwise, return a 412'. S3A's default change detection fails the read the same way.
                throw new IOException("s3://" + store.bucket() + "/" + key + " changed while it was read: it is no longer"
                        + " the version " + eTag + " opened, so reading on at byte " + start + " would mix two versions;"
                        + " open it again to read the new one", e);
            }
            throw store.translate("GetObject", key, e);
        } catch (SdkException e) {
            throw store.translate("GetObject", key, e);
        }
        if (start > 0 && in.response().contentRange() == null) {
            // A 206 answer names its Content-Range; a client that ignored Range sent the whole object.
            skipFully(in, start);
        }
        inPosition = start;
    }

    private void closeStream() {
        if (in == null) {
            return;
        }
        if (length - inPosition > SKIP_LIMIT) {
            // Closing would drain the rest of a large body to reuse the connection; aborting is cheaper.
            in.abort();
        }
        try {
            in.close();
        } catch (IOException ignored) {
            // Nothing is lost: the data already read was delivered, the rest is not wanted.
        }
        in = null;
    }

    private void skipFully(InputStream stream, long bytes) throws IOException {
        long remaining = bytes;
        while (remaining > 0) {
            long skipped = stream.skip(remaining);
            if (skipped <= 0) {
                if (stream.read() < 0) {
                    throw new EOFException("s3://" + store.bucket() + "/" + key + " ended while skipping to byte " + position);
                }
                skipped = 1;
            }
            remaining -= skipped;
        }
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new IOException(FSExceptionMessages.STREAM_IS_CLOSED + ": s3://" + store.bucket() + "/" + key);
        }
    }
}
