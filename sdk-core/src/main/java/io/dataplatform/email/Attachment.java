package io.dataplatform.email;

import io.dataplatform.internal.Checks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A file attached to an {@link Email}. Immutable: the bytes are copied in and out.
 *
 * <pre>{@code
 * Attachment csv = Attachment.of("totals.csv", "text/csv", csvBytes);
 * Attachment pdf = Attachment.of(Path.of("report.pdf"));   // type from the file name
 * }</pre>
 */
public final class Attachment {
    private final String fileName;
    private final String contentType;
    private final byte[] content;

    private Attachment(String fileName, String contentType, byte[] content) {
        this.fileName = fileName;
        this.contentType = contentType;
        this.content = content;
    }

    /**
     * Returns an attachment.
     *
     * @param fileName    the name the recipient sees; no path separators or line breaks
     * @param contentType a MIME type such as {@code text/csv}
     */
    public static Attachment of(String fileName, String contentType, byte[] content) {
        Checks.notEmpty(fileName, "fileName");
        Checks.require(fileName.chars().noneMatch(c -> c == '/' || c == '\\' || c == '\r' || c == '\n' || c == '"'),
                "Invalid attachment fileName '%s': must not contain '/', '\\', '\"' or line breaks", fileName);
        Checks.notEmpty(contentType, "contentType");
        Checks.require(contentType.matches("[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*"),
                "Invalid attachment contentType '%s': must be a MIME type such as text/csv", contentType);
        Checks.notNull(content, "content");
        return new Attachment(fileName, contentType.toLowerCase(java.util.Locale.ROOT), content.clone());
    }

    /** Returns a text attachment, encoded as UTF-8. */
    public static Attachment text(String fileName, String contentType, String content) {
        Checks.notNull(content, "content");
        return of(fileName, contentType, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads {@code file}; the content type is guessed from its name ({@code application/octet-stream} if unknown). */
    public static Attachment of(Path file) {
        Checks.notNull(file, "file");
        String name = file.getFileName().toString();
        try {
            String type = Files.probeContentType(file);
            return of(name, type != null ? type : guess(name), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read attachment " + file + ": " + e.getMessage(), e);
        }
    }

    private static String guess(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return "text/csv";
        } else if (lower.endsWith(".pdf")) {
            return "application/pdf";
        } else if (lower.endsWith(".json")) {
            return "application/json";
        } else if (lower.endsWith(".txt")) {
            return "text/plain";
        } else if (lower.endsWith(".html") || lower.endsWith(".htm")) {
            return "text/html";
        } else if (lower.endsWith(".png")) {
            return "image/png";
        } else if (lower.endsWith(".parquet") || lower.endsWith(".zip") || lower.endsWith(".gz")) {
            return lower.endsWith(".zip") ? "application/zip" : lower.endsWith(".gz") ? "application/gzip"
                    : "application/octet-stream";
        }
        return "application/octet-stream";
    }

    /** Returns the file name the recipient sees. */
    public String fileName() {
        return fileName;
    }

    /** Returns the MIME type, lower case. */
    public String contentType() {
        return contentType;
    }

    /** Returns a copy of the content. */
    public byte[] content() {
        return content.clone();
    }

    /** Returns the content decoded as UTF-8. */
    public String contentAsString() {
        return new String(content, StandardCharsets.UTF_8);
    }

    /** Returns the size in bytes. */
    public int size() {
        return content.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Attachment a && a.fileName.equals(fileName) && a.contentType.equals(contentType)
                && Arrays.equals(a.content, content);
    }

    @Override
    public int hashCode() {
        return fileName.hashCode() * 31 + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "Attachment{" + fileName + ", " + contentType + ", " + content.length + " bytes}";
    }
}
