package io.dataplatform.testing.internal.s3;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** MD5 digests and S3's entity tags. */
final class Digests {
    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);
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
        // Every put formats one: written straight into the quoted Latin-1 bytes, this is one string and one array,
        // where formatHex and quote build a StringBuilder and two strings (about 5% of a short run's put).
        byte[] quoted = new byte[md5.length * 2 + 2];
        quoted[0] = '"';
        for (int i = 0; i < md5.length; i++) {
            quoted[2 * i + 1] = HEX_DIGITS[(md5[i] >> 4) & 0xF];
            quoted[2 * i + 2] = HEX_DIGITS[md5[i] & 0xF];
        }
        quoted[quoted.length - 1] = '"';
        return new String(quoted, StandardCharsets.ISO_8859_1);
    }

    static String quote(String hex) {
        return "\"" + hex + "\"";
    }

    /** Strips the quotes clients may or may not send around an ETag. */
    static String unquote(String etag) {
        return etag == null ? null : etag.replace("\"", "");
    }
}
