package io.dataplatform.s3.internal;

import io.dataplatform.DataPlatformException;
import io.dataplatform.s3.PutOptions;
import io.dataplatform.s3.PutResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * Uploads one large object in parts, several at a time, and aborts the upload on any failure so no
 * orphaned parts stay behind to be billed; {@link MultipartCompletion} tells a lost response to
 * CompleteMultipartUpload from a failure.
 *
 * <p>Written on the multipart API of {@code S3Client} rather than on the S3 Transfer Manager: the
 * Transfer Manager needs an {@code S3AsyncClient} (CRT-based, or with multipart enabled), while the
 * platform takes one {@code S3Client} so that the same code path runs against AWS and against
 * FakeAws. Memory stays bounded at {@code concurrency + 1} parts.
 */
final class MultipartUploader {
    private final S3Context context;
    private final String bucket;

    MultipartUploader(S3Context context, String bucket) {
        this.context = context;
        this.bucket = bucket;
    }

    /**
     * Uploads {@code head} followed by the rest of {@code in} as {@code key}. {@code head} may be
     * empty; it holds bytes already read from the stream to decide on multipart.
     */
    PutResult upload(String key, byte[] head, InputStream in, PutOptions options) {
        String resource = bucket + "/" + key;
        CreateMultipartUploadRequest.Builder create = CreateMultipartUploadRequest.builder().bucket(bucket).key(key)
                .metadata(options.metadata());
        if (options.contentType() != null) {
            create.contentType(options.contentType());
        }
        String uploadId;
        try {
            uploadId = context.invoker().call("CreateMultipartUpload", resource,
                    () -> context.s3().createMultipartUpload(create.build())).uploadId();
        } catch (RuntimeException failure) {
            closeQuietly(in, failure);
            throw failure;
        }
        MultipartCompletion completion = new MultipartCompletion(context, bucket);
        List<Future<CompletedPart>> parts = new ArrayList<>();
        List<CompletedPart> completed = new ArrayList<>();
        long size;
        try {
            size = uploadParts(key, uploadId, head, in, parts);
            for (Future<CompletedPart> part : parts) {
                completed.add(await(part));
            }
        } catch (RuntimeException | Error failure) {
            parts.forEach(part -> part.cancel(true));
            completion.abort(key, uploadId, failure);
            throw failure;
        }
        completed.sort(Comparator.comparing(CompletedPart::partNumber));
        // Completes, or aborts when the upload really failed: a lost response is not a failure.
        return completion.complete(key, uploadId, completed, size);
    }

    private long uploadParts(String key, String uploadId, byte[] head, InputStream in,
                             List<Future<CompletedPart>> parts) {
        int partSize = (int) context.transfer().partSize().bytes();
        Semaphore inFlight = new Semaphore(context.transfer().concurrency());
        long size = 0;
        try (InputStream content = new SequenceInputStream(new ByteArrayInputStream(head), in)) {
            while (true) {
                byte[] chunk = content.readNBytes(partSize);
                if (chunk.length == 0 && !parts.isEmpty()) {
                    return size;
                }
                size += chunk.length;
                int partNumber = parts.size() + 1;
                acquire(inFlight);
                parts.add(context.uploads().get().submit(() -> {
                    try {
                        return uploadPart(key, uploadId, partNumber, chunk);
                    } finally {
                        inFlight.release();
                    }
                }));
                if (chunk.length < partSize) {
                    return size;
                }
                failFast(parts);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the content for s3://" + bucket + "/" + key + " failed", e);
        }
    }

    private CompletedPart uploadPart(String key, String uploadId, int partNumber, byte[] chunk) {
        UploadPartRequest request = UploadPartRequest.builder().bucket(bucket).key(key).uploadId(uploadId)
                .partNumber(partNumber).contentLength((long) chunk.length).build();
        String eTag = context.invoker().call("UploadPart", bucket + "/" + key + " part " + partNumber,
                () -> context.s3().uploadPart(request, RequestBody.fromBytes(chunk))).eTag();
        return CompletedPart.builder().partNumber(partNumber).eTag(eTag).build();
    }

    private static void closeQuietly(InputStream in, RuntimeException failure) {
        try {
            in.close();
        } catch (IOException closeFailure) {
            failure.addSuppressed(closeFailure);
        }
    }

    /** Stops reading more of the stream as soon as one part has failed. */
    private static void failFast(List<Future<CompletedPart>> parts) {
        for (Future<CompletedPart> part : parts) {
            if (part.isDone()) {
                await(part);
            }
        }
    }

    private static CompletedPart await(Future<CompletedPart> part) {
        try {
            return part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataPlatformException("Interrupted while uploading parts", e);
        } catch (CancellationException e) {
            throw new DataPlatformException("A part upload was cancelled", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new DataPlatformException("A part upload failed", e.getCause());
        }
    }

    private static void acquire(Semaphore semaphore) {
        try {
            semaphore.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataPlatformException("Interrupted while waiting to upload a part", e);
        }
    }
}
