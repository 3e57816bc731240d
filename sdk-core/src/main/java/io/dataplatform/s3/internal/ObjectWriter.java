package io.dataplatform.s3.internal;

import io.dataplatform.s3.ObjectContent;
import io.dataplatform.s3.PutOptions;
import io.dataplatform.s3.PutResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.OptionalLong;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * Writes objects of one bucket, choosing between a single PutObject and a multipart upload. Content
 * of unknown length is read up to the threshold first; only what goes past it goes multipart.
 */
final class ObjectWriter {
    private final S3Context context;
    private final String name;

    ObjectWriter(S3Context context, String bucket) {
        this.context = context;
        this.name = bucket;
    }

    /** Stores {@code content} as {@code key}: one PutObject below the multipart threshold, multipart from it. */
    PutResult put(String key, ObjectContent content, PutOptions options) {
        long threshold = context.transfer().multipartThreshold().bytes();
        // Asked once: each call of length() allocates an OptionalLong.
        OptionalLong length = content.length();
        try {
            InputStream in = content.open();
            if (length.isPresent() && length.getAsLong() >= threshold) {
                return new MultipartUploader(context, name).upload(key, new byte[0], in, options);
            }
            byte[] head;
            try {
                // A known length below the threshold is read exactly: readNBytes(n) with a larger n buffers
                // in 8 KiB chunks and copies again, which costs small puts a third of their throughput.
                int toRead = length.isPresent() ? (int) length.getAsLong() : (int) Math.min(Integer.MAX_VALUE - 8, threshold);
                head = in.readNBytes(toRead);
                if (length.isPresent() && head.length < toRead) {
                    throw new IOException("the content ended after " + head.length + " of its declared "
                            + toRead + " bytes");
                }
            } catch (IOException | RuntimeException e) {
                in.close();
                throw e;
            }
            if (length.isPresent() || head.length < threshold) {
                in.close();
                return putSmall(key, head, options);
            }
            return new MultipartUploader(context, name).upload(key, head, in, options);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the content for s3://" + name + "/" + key + " failed", e);
        }
    }

    private PutResult putSmall(String key, byte[] bytes, PutOptions options) {
        PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(name).key(key).contentLength((long) bytes.length);
        if (!options.metadata().isEmpty()) {
            // The SDK copies any map it is given, an empty one too; without metadata the request sends the same headers.
            request.metadata(options.metadata());
        }
        if (options.contentType() != null) {
            request.contentType(options.contentType());
        }
        PutObjectRequest built = request.build();
        // fromContentProvider does not copy the array (fromBytes would); a retry re-reads the same bytes.
        RequestBody body = RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes), bytes.length,
                options.contentType() != null ? options.contentType() : "binary/octet-stream");
        PutObjectResponse response = context.invoker().call("PutObject", () -> name + "/" + key,
                () -> context.s3().putObject(built, body));
        return new PutResult(key, response.versionId(), ETags.strip(response.eTag()), bytes.length);
    }
}
