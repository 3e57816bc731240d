package io.dataplatform.s3.internal;

import io.dataplatform.ResourceNotFoundException;
import io.dataplatform.ServiceUnavailableException;
import io.dataplatform.s3.PutResult;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * Completes or aborts one multipart upload. CompleteMultipartUpload takes no client token, so a
 * response lost after S3 assembled the object makes the retry fail with NoSuchUpload: the upload is
 * gone because it succeeded. Before declaring failure this asks S3 whether the object is stored with
 * the ETag the completed upload has, and aborts only an upload that may still hold billed parts.
 */
final class MultipartCompletion {
    private static final Logger LOG = LoggerFactory.getLogger(MultipartCompletion.class);
    private static final Pattern MD5_HEX = Pattern.compile("[0-9a-fA-F]{32}");
    private static final String NO_SUCH_UPLOAD = "NoSuchUpload";

    private final S3Context context;
    private final String bucket;

    MultipartCompletion(S3Context context, String bucket) {
        this.context = context;
        this.bucket = bucket;
    }

    /** Completes the upload of {@code parts} (in part-number order) and returns what S3 stored. */
    PutResult complete(String key, String uploadId, List<CompletedPart> parts, long size) {
        String resource = bucket + "/" + key;
        CompleteMultipartUploadResponse done;
        try {
            // A retry that finds the upload gone returns null: whether it completed is checked below.
            done = context.invoker().callCreating("CompleteMultipartUpload", resource,
                    () -> context.s3().completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId)
                            .multipartUpload(m -> m.parts(parts))), NO_SUCH_UPLOAD);
        } catch (ServiceUnavailableException ambiguous) {
            // 5xx or I/O failures until the retries gave up: any attempt may have taken effect.
            Optional<PutResult> stored = storedCopy(key, parts, size, ambiguous);
            if (stored.isPresent()) {
                return stored.get();
            }
            abort(key, uploadId, ambiguous);
            throw ambiguous;
        } catch (RuntimeException | Error failure) {
            abort(key, uploadId, failure);
            throw failure;
        }
        if (done != null) {
            return new PutResult(key, done.versionId(), ETags.strip(done.eTag()), size);
        }
        ResourceNotFoundException gone = new ResourceNotFoundException("S3 CompleteMultipartUpload on '" + resource
                + "' failed: a retry found upload " + uploadId + " gone (NoSuchUpload) and s3://" + resource
                + " does not hold its content (ETag " + expectedETag(parts) + "); it was aborted or overwritten "
                + "by someone else. Put the object again.");
        Optional<PutResult> stored = storedCopy(key, parts, size, gone);
        // Nothing to abort either way: S3 no longer knows the upload, so none of its parts are billed.
        return stored.orElseThrow(() -> gone);
    }

    /**
     * Returns the object as S3 stores it now if it is this upload's result: its ETag equals the
     * multipart ETag of {@code parts} and its size matches. A failed check is added to {@code failure}.
     */
    private Optional<PutResult> storedCopy(String key, List<CompletedPart> parts, long size, RuntimeException failure) {
        String expected = expectedETag(parts);
        if (expected == null) {
            return Optional.empty();
        }
        HeadObjectResponse head;
        try {
            head = context.invoker().call("HeadObject", bucket + "/" + key,
                    () -> context.s3().headObject(r -> r.bucket(bucket).key(key)));
        } catch (ResourceNotFoundException absent) {
            return Optional.empty();
        } catch (RuntimeException headFailure) {
            failure.addSuppressed(headFailure);
            return Optional.empty();
        }
        if (!expected.equals(ETags.strip(head.eTag())) || head.contentLength() == null || head.contentLength() != size) {
            return Optional.empty();
        }
        LOG.info("CompleteMultipartUpload of s3://{}/{} lost its response but took effect: stored with ETag {}",
                bucket, key, expected);
        return Optional.of(new PutResult(key, head.versionId(), expected, size));
    }

    /**
     * Returns the ETag S3 gives the completed upload: the hex MD5 of the concatenated binary MD5s of
     * the parts (their ETags), then "-" and the part count; null if a part's ETag is not an MD5.
     */
    static String expectedETag(List<CompletedPart> parts) {
        MessageDigest md5 = md5();
        for (CompletedPart part : parts) {
            String eTag = ETags.strip(part.eTag());
            if (eTag == null || !MD5_HEX.matcher(eTag).matches()) {
                return null;
            }
            md5.update(HexFormat.of().parseHex(eTag.toLowerCase(Locale.ROOT)));
        }
        return HexFormat.of().formatHex(md5.digest()) + "-" + parts.size();
    }

    /** Aborts the upload so its parts stop being billed; an upload S3 no longer knows has none left. */
    void abort(String key, String uploadId, Throwable failure) {
        try {
            context.invoker().run("AbortMultipartUpload", bucket + "/" + key,
                    () -> context.s3().abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId)));
            LOG.warn("Multipart upload of s3://{}/{} failed and was aborted: {}", bucket, key, failure.toString());
        } catch (RuntimeException abortFailure) {
            failure.addSuppressed(abortFailure);
            if (isNoSuchUpload(abortFailure)) {
                LOG.warn("Multipart upload {} of s3://{}/{} failed and S3 no longer knows it, so no parts remain: {}",
                        uploadId, bucket, key, failure.toString());
                return;
            }
            LOG.error("Multipart upload {} of s3://{}/{} failed and could not be aborted; its parts are billed until "
                    + "a lifecycle rule or an abort removes them", uploadId, bucket, key);
        }
    }

    private static boolean isNoSuchUpload(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                    && NO_SUCH_UPLOAD.equals(aws.awsErrorDetails().errorCode())) {
                return true;
            }
        }
        return false;
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform supports MD5", e);
        }
    }
}
