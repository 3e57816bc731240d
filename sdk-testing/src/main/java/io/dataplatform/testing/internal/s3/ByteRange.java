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
                if (suffix == 0 || size == 0) {
                    throw invalid();
                }
                return new ByteRange(Math.max(0, size - suffix), size - 1);
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? size - 1 : Long.parseLong(m.group(2));
            if (first >= size) {
                throw invalid();
            }
            if (last < first) {
                return null;
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
