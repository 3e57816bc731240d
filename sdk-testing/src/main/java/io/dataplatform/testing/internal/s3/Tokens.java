package io.dataplatform.testing.internal.s3;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque continuation tokens: the last key (or common prefix) a page returned behind a fixed tag, Base64-encoded.
 * The tag lets the fake tell its own tokens from made-up ones, which S3 refuses.
 */
final class Tokens {
    private static final String TAG = "fake-s3-token:";

    private Tokens() {
    }

    static String encode(String marker) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((TAG + marker).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a token this fake issued; anything else is 400 InvalidArgument, as S3 answers a forged token. */
    static String decode(String token) {
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = "";
        }
        if (!decoded.startsWith(TAG)) {
            throw S3Errors.badRequest("InvalidArgument", "The continuation token provided is incorrect");
        }
        return decoded.substring(TAG.length());
    }
}
