package io.dataplatform.testing.internal.s3;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/** S3's rules for bucket names and keys, and the order S3 lists keys in. */
final class Names {
    /** S3 lists keys in UTF-8 binary order, which is code point order (not Java's UTF-16 order). */
    static final Comparator<String> KEY_ORDER = Names::compareCodePoints;
    static final int MAX_KEY_BYTES = 1024;

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
    private static final List<String> RESERVED_SUFFIXES = List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3");

    private Names() {
    }

    /** Applies the general purpose bucket naming rules of the S3 user guide ("Bucket naming rules"). */
    static void checkBucketName(String name) {
        boolean valid = BUCKET.matcher(name).matches()
                && !name.contains("..")
                && !IP_ADDRESS.matcher(name).matches()
                && RESERVED_PREFIXES.stream().noneMatch(name::startsWith)
                && RESERVED_SUFFIXES.stream().noneMatch(name::endsWith);
        if (!valid) {
            throw S3Errors.badRequest("InvalidBucketName", "The specified bucket is not valid.");
        }
    }

    /** Keys are 1 to 1,024 bytes of UTF-8. */
    static void checkKey(String key) {
        // A char takes at most 3 bytes of UTF-8 (a surrogate pair 4 for 2 chars): short keys need no encoding.
        if (key.length() > MAX_KEY_BYTES / 3 && key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw S3Errors.badRequest("KeyTooLongError", "Your key is too long");
        }
    }

    /**
     * Mirrors the SDK's client-side check of required path parameters: the request never leaves the
     * client, so it is not an S3 error and is not recorded as a call.
     */
    static String required(String value, String parameter) {
        if (value == null) {
            throw new IllegalArgumentException("Parameter '" + parameter + "' must not be null");
        }
        if (value.isEmpty()) {
            throw new IllegalArgumentException("Parameter '" + parameter + "' must not be empty");
        }
        return value;
    }

    /**
     * Code point order without decoding code points: UTF-16 order differs from it only where a
     * surrogate meets a char in U+E000..U+FFFF, so at the first differing pair both are shifted
     * (the fix-up ICU's {@code u_strCompare} uses) before they are compared.
     */
    static int compareCodePoints(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (x >= Character.MIN_SURROGATE && y >= Character.MIN_SURROGATE) {
                    return Integer.compare(fixUp(x), fixUp(y));
                }
                return Integer.compare(x, y);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    /** Moves surrogates above every other BMP char, keeping the order within each group. */
    private static int fixUp(char c) {
        return c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }
}
