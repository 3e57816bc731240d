package io.dataplatform.spark.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.hadoop.fs.FSExceptionMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Buffers what is written and stores it when closed: one PutObject for a small file, or a
 * multipart upload whose parts go out as each buffer fills. Nothing is visible in S3 before
 * {@link #close()} returns, as with S3A, which is what Spark's commit protocol expects of object
 * stores. A failed multipart upload is aborted, so no invisible parts are left behind to bill.
 */
final class S3OutputStream extends OutputStream {
    private static final Logger LOG = LoggerFactory.getLogger(S3OutputStream.class);

    private final S3Store store;
    private final String key;
    private final int partSize;
    private final List<CompletedPart> parts = new ArrayList<>();
    private ByteArrayOutputStream buffer;
    private String uploadId;
    private boolean closed;

    S3OutputStream(S3Store store, String key, int partSize) {
        this.store = store;
        this.key = key;
        this.partSize = partSize;
        this.buffer = new ByteArrayOutputStream(Math.min(partSize, 64 * 1024));
    }

    @Override
    public synchronized void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int len) throws IOException {
        checkOpen();
        // outputstream.md and OutputStream.write: a null buffer is a NullPointerException and a bad offset or
        // length an IndexOutOfBoundsException. A negative length wrote nothing yet moved getPos() backwards.
        Objects.checkFromIndexSize(offset, len, bytes.length);
        int written = 0;
        while (written < len) {
            int chunk = Math.min(len - written, partSize - buffer.size());
            buffer.write(bytes, offset + written, chunk);
            written += chunk;
            if (buffer.size() >= partSize) {
                uploadPart();
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (uploadId == null) {
                byte[] bytes = buffer.toByteArray();
                store.call("PutObject", key, () -> store.client().putObject(b -> b.bucket(store.bucket()).key(key)
                        .contentLength((long) bytes.length), RequestBody.fromBytes(bytes)));
            } else {
                if (buffer.size() > 0) {
                    uploadPart();
                }
                store.call("CompleteMultipartUpload", key, () -> store.client().completeMultipartUpload(b -> b
                        .bucket(store.bucket()).key(key).uploadId(uploadId)
                        .multipartUpload(m -> m.parts(parts))));
            }
        } catch (IOException | RuntimeException e) {
            abortUpload();
            throw e;
        } finally {
            buffer = null;
        }
    }

    private void uploadPart() throws IOException {
        try {
            if (uploadId == null) {
                uploadId = store.call("CreateMultipartUpload", key, () -> store.client()
                        .createMultipartUpload(b -> b.bucket(store.bucket()).key(key))).uploadId();
            }
            int partNumber = parts.size() + 1;
            byte[] bytes = buffer.toByteArray();
            UploadPartResponse response = store.call("UploadPart", key, () -> store.client().uploadPart(b -> b
                    .bucket(store.bucket()).key(key).uploadId(uploadId).partNumber(partNumber)
                    .contentLength((long) bytes.length), RequestBody.fromBytes(bytes)));
            parts.add(CompletedPart.builder().partNumber(partNumber).eTag(response.eTag()).build());
            buffer.reset();
        } catch (IOException | RuntimeException e) {
            closed = true;
            abortUpload();
            throw e;
        }
    }

    private void abortUpload() {
        if (uploadId == null) {
            return;
        }
        String id = uploadId;
        uploadId = null;
        try {
            store.call("AbortMultipartUpload", key, () -> store.client().abortMultipartUpload(b -> b
                    .bucket(store.bucket()).key(key).uploadId(id)));
        } catch (IOException e) {
            LOG.warn("Could not abort multipart upload {} of s3://{}/{}; a lifecycle rule must clean it up",
                    id, store.bucket(), key, e);
        }
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new IOException(FSExceptionMessages.STREAM_IS_CLOSED + ": s3://" + store.bucket() + "/" + key);
        }
    }
}
