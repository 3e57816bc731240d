package io.dataplatform.s3;

import io.dataplatform.internal.Checks;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The bytes to store as an object: from memory, a string, a file or a stream.
 *
 * <pre>{@code
 * ObjectContent.of(Path.of("sales.csv"));
 * ObjectContent.of(inputStream, 1_048_576);   // known length
 * ObjectContent.of(inputStream);              // unknown length: buffered up to the multipart threshold
 * }</pre>
 */
public final class ObjectContent {
    private final byte[] bytes;
    private final Path file;
    private final InputStream stream;
    private final long length;

    private ObjectContent(byte[] bytes, Path file, InputStream stream, long length) {
        this.bytes = bytes;
        this.file = file;
        this.stream = stream;
        this.length = length;
    }

    /** Returns content backed by {@code bytes}; the array is not copied, so do not change it before the put. */
    public static ObjectContent of(byte[] bytes) {
        Checks.notNull(bytes, "bytes");
        return new ObjectContent(bytes, null, null, bytes.length);
    }

    /** Returns the UTF-8 encoding of {@code text}. */
    public static ObjectContent of(String text) {
        Checks.notNull(text, "text");
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns the content of a regular file.
     *
     * @throws IllegalArgumentException if the file does not exist or is not a regular file
     */
    public static ObjectContent of(Path file) {
        Checks.notNull(file, "file");
        Checks.require(Files.isRegularFile(file), "file must be an existing regular file, but was '%s'", file);
        try {
            return new ObjectContent(null, file, null, Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the size of " + file, e);
        }
    }

    /** Returns content read from {@code stream}, which holds exactly {@code length} bytes; the SDK closes it. */
    public static ObjectContent of(InputStream stream, long length) {
        Checks.notNull(stream, "stream");
        Checks.nonNegative(length, "length");
        return new ObjectContent(null, null, stream, length);
    }

    /** Returns content read from {@code stream} to its end, length unknown; the SDK closes it. */
    public static ObjectContent of(InputStream stream) {
        Checks.notNull(stream, "stream");
        return new ObjectContent(null, null, stream, -1);
    }

    /** Returns the length when known in advance. */
    public OptionalLong length() {
        return length < 0 ? OptionalLong.empty() : OptionalLong.of(length);
    }

    /**
     * Opens the content for reading. Byte and file content can be opened again (a retried upload
     * re-reads it); stream content only once.
     */
    public InputStream open() throws IOException {
        if (bytes != null) {
            return new ByteArrayInputStream(bytes);
        }
        if (file != null) {
            return Files.newInputStream(file);
        }
        return stream;
    }

    /** Returns true if {@link #open()} may be called more than once. */
    public boolean isRepeatable() {
        return stream == null;
    }

    @Override
    public String toString() {
        String source = bytes != null ? "bytes" : file != null ? "file " + file : "stream";
        return "ObjectContent{" + source + ", length=" + (length < 0 ? "unknown" : length) + "}";
    }
}
