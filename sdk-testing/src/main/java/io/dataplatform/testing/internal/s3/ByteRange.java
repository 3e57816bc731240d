package io.dataplatform.testing.internal.s3;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A single HTTP byte range (RFC 9110) of an object: {@code bytes=a-b}, {@code bytes=a-} or
 * {@code bytes=-n}. S3 serves one range per request.
 *
 * @param first the first byte, inclusive
 * @param last  the last byte, inclusive
 */
record ByteRange(long first, long last) {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    /**
     * Resolves {@code header} against an object of {@code size} bytes. Returns null when the header
     * is absent or not a single well-formed byte range: S3, like HTTP, then ignores it and serves the
     * whole object. Throws 416 InvalidRange when the range starts past the end.
     */
    static ByteRange parse(String header, long size) {
        if (header == null) {
            return null;
        }
        Matcher m = RANGE.matcher(header.trim());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return null;
        }
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0) {
                    throw invalid();
                }
                // A suffix of an empty object is ignored, not refused: S3 answers 200 with the (empty) object, which
                // readers of a file's tail rely on (Trino's S3 file system tests run against S3; versitygw matches it).
                return size == 0 ? null : new ByteRange(Math.max(0, size - suffix), size - 1);
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? size - 1 : Long.parseLong(m.group(2));
            // last < first makes the range invalid, so it is ignored (RFC 9110 14.1.1) before its start is compared
            // with the size: S3 serves "bytes=5-2" of a 3-byte object whole, where "bytes=5-" is 416.
            if (!m.group(2).isEmpty() && last < first) {
                return null;
            }
            if (first >= size) {
                throw invalid();
            }
            return new ByteRange(first, Math.min(last, size - 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    long length() {
        return last - first + 1;
    }

    /** Returns the Content-Range header value, e.g. {@code bytes 0-9/100}. */
    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    private static RuntimeException invalid() {
        return S3Errors.build(416, "InvalidRange", "The requested range is not satisfiable");
    }
}
