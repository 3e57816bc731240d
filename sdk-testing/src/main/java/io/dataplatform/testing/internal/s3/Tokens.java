package io.dataplatform.testing.internal.s3;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque continuation tokens: the last key (or common prefix) a page returned, Base64-encoded. */
final class Tokens {
    private Tokens() {
    }

    static String encode(String marker) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(marker.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a token this fake issued; anything else is 400 InvalidArgument, as S3 answers a forged token. */
    static String decode(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw S3Errors.badRequest("InvalidArgument", "The continuation token provided is incorrect");
        }
    }
}
