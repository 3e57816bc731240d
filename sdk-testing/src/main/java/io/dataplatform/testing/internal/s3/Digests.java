package io.dataplatform.testing.internal.s3;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** MD5 digests and S3's entity tags. */
final class Digests {
    private Digests() {
    }

    static byte[] md5(byte[] data) {
        try {
            return MessageDigest.getInstance("MD5").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform supports MD5", e);
        }
    }

    /** The ETag of a single-part object: the quoted hex MD5 of its bytes. */
    static String etag(byte[] data) {
        return quote(HexFormat.of().formatHex(md5(data)));
    }

    static String quote(String hex) {
        return "\"" + hex + "\"";
    }

    /** Strips the quotes clients may or may not send around an ETag. */
    static String unquote(String etag) {
        return etag == null ? null : etag.replace("\"", "");
    }
}
