package io.dataplatform.testing.internal.s3;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** MD5 digests and S3's entity tags. */
final class Digests {
    private static final HexFormat HEX = HexFormat.of();
    /** Never used itself: each digest is a clone, which skips the provider lookup of getInstance. */
    private static final MessageDigest MD5_PROTOTYPE = md5Engine();

    private Digests() {
    }

    static byte[] md5(byte[] data) {
        try {
            return ((MessageDigest) MD5_PROTOTYPE.clone()).digest(data);
        } catch (CloneNotSupportedException e) {
            return md5Engine().digest(data);
        }
    }

    private static MessageDigest md5Engine() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform supports MD5", e);
        }
    }

    /** The ETag of a single-part object: the quoted hex MD5 of its bytes. */
    static String etag(byte[] data) {
        return etagOfMd5(md5(data));
    }

    /** The ETag of a single-part object whose MD5 is {@code md5}. */
    static String etagOfMd5(byte[] md5) {
        return quote(HEX.formatHex(md5));
    }

    static String quote(String hex) {
        return "\"" + hex + "\"";
    }

    /** Strips the quotes clients may or may not send around an ETag. */
    static String unquote(String etag) {
        return etag == null ? null : etag.replace("\"", "");
    }
}
