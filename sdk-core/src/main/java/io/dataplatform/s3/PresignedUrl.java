package io.dataplatform.s3;

import io.dataplatform.internal.Checks;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A URL that lets its holder GET or PUT one object without AWS credentials, until it expires.
 *
 * @param url           the signed URL
 * @param method        the HTTP method it is signed for
 * @param expiresAt     when the signature expires
 * @param signedHeaders headers the request must carry exactly (e.g. {@code host}, {@code content-type})
 */
public record PresignedUrl(URL url, String method, Instant expiresAt, Map<String, List<String>> signedHeaders) {
    /** Copies the headers. */
    public PresignedUrl {
        signedHeaders = Checks.copyOf(signedHeaders, "signedHeaders");
    }

    /** Hides the signature: a presigned URL is a bearer credential. */
    @Override
    public String toString() {
        return "PresignedUrl{" + method + " " + url.getProtocol() + "://" + url.getHost() + url.getPath()
                + ", expiresAt=" + expiresAt + "}";
    }
}
