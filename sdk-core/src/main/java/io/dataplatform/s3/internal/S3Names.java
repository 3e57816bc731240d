package io.dataplatform.s3.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/** S3's rules for bucket names and object keys, checked before any request. */
public final class S3Names {
    // General purpose bucket naming rules, S3 User Guide "Bucket naming rules".
    private static final Pattern CHARS = Pattern.compile("[a-z0-9.-]{3,63}");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
    private static final List<String> RESERVED_SUFFIXES = List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3");
    private static final int MAX_KEY_BYTES = 1024;

    private S3Names() {
    }

    /** Returns {@code name}, or fails naming the rule it breaks. */
    public static String bucket(String name) {
        if (name == null) {
            throw new IllegalArgumentException("bucket name must not be null");
        }
        if (!CHARS.matcher(name).matches()) {
            throw invalid(name, "must be 3-63 characters of lowercase letters, digits, '.' and '-'");
        }
        if (!Character.isLetterOrDigit(name.charAt(0)) || !Character.isLetterOrDigit(name.charAt(name.length() - 1))) {
            throw invalid(name, "must begin and end with a letter or digit");
        }
        if (name.contains("..")) {
            throw invalid(name, "must not contain two adjacent periods");
        }
        if (IP_ADDRESS.matcher(name).matches()) {
            throw invalid(name, "must not be formatted as an IP address");
        }
        for (String prefix : RESERVED_PREFIXES) {
            if (name.startsWith(prefix)) {
                throw invalid(name, "must not start with the reserved prefix '" + prefix + "'");
            }
        }
        for (String suffix : RESERVED_SUFFIXES) {
            if (name.endsWith(suffix)) {
                throw invalid(name, "must not end with the reserved suffix '" + suffix + "'");
            }
        }
        return name;
    }

    /** Returns {@code key}, or fails if it is empty or longer than 1,024 UTF-8 bytes. */
    public static String key(String key) {
        return key(key, "key");
    }

    /** Returns {@code key}, or fails naming {@code field} ("keys[3]") if it is empty or too long. */
    public static String key(String key, String field) {
        if (key == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        if (key.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        if (key.length() <= MAX_KEY_BYTES / 3) {
            return key;   // at most 3 bytes of UTF-8 a char: a short key needs no encoding to be within the limit
        }
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_KEY_BYTES) {
            throw new IllegalArgumentException(field + " must be at most 1024 bytes in UTF-8, but was " + bytes
                    + " bytes: '" + key.substring(0, 40) + "...'");
        }
        return key;
    }

    /** Returns {@code prefix}, which may be empty (the whole bucket) but not null. */
    public static String prefix(String prefix) {
        if (prefix == null) {
            throw new IllegalArgumentException("prefix must not be null (use \"\" for the whole bucket)");
        }
        if (prefix.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("prefix must be at most 1024 bytes in UTF-8");
        }
        return prefix;
    }

    private static IllegalArgumentException invalid(String name, String rule) {
        return new IllegalArgumentException("Invalid bucket name '" + name + "': " + rule);
    }
}
