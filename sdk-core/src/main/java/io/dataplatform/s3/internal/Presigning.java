package io.dataplatform.s3.internal;

import io.dataplatform.internal.Checks;
import io.dataplatform.s3.PresignedUrl;
import java.time.Duration;
import software.amazon.awssdk.awscore.presigner.PresignedRequest;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;
import software.amazon.awssdk.services.s3.presigner.model.PutObjectPresignRequest;

/** Presigned GET and PUT URLs. Signing is local: no request is sent. */
final class Presigning {
    /** SigV4 presigned URLs are valid for at most 7 days (S3 User Guide, "Sharing objects with presigned URLs"). */
    private static final Duration MAX_EXPIRY = Duration.ofDays(7);

    private final S3Context context;
    private final String bucket;

    Presigning(S3Context context, String bucket) {
        this.context = context;
        this.bucket = bucket;
    }

    PresignedUrl get(String key, Duration expiry) {
        check(expiry);
        return toUrl(context.presigner().get().presignGetObject(GetObjectPresignRequest.builder()
                .signatureDuration(expiry).getObjectRequest(r -> r.bucket(bucket).key(key)).build()));
    }

    PresignedUrl put(String key, Duration expiry) {
        check(expiry);
        return toUrl(context.presigner().get().presignPutObject(PutObjectPresignRequest.builder()
                .signatureDuration(expiry).putObjectRequest(r -> r.bucket(bucket).key(key)).build()));
    }

    private static void check(Duration expiry) {
        Checks.positive(expiry, "expiry");
        Checks.require(expiry.compareTo(MAX_EXPIRY) <= 0, "expiry must be at most 7 days (SigV4's limit), but was %s",
                expiry);
    }

    private static PresignedUrl toUrl(PresignedRequest request) {
        return new PresignedUrl(request.url(), request.httpRequest().method().name(), request.expiration(),
                request.signedHeaders());
    }
}
