package io.dataplatform.testing.internal.glue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Decides a file's format from the first bytes of it, as Glue's built-in classifiers do, in their
 * order: Parquet (magic bytes, schema from the footer), then JSON, then CSV; gzip is unwrapped first.
 * The Glue developer guide's table of built-in classifiers says JSON and CSV are classified by
 * "reading the beginning of the file" and Parquet by "reading the schema at the end of the file".
 */
final class Classifier {
    /** How much of each file the crawler reads: a bounded head, never the whole file. */
    static final int SAMPLE_BYTES = 64 * 1024;
    /** How far the sample may grow when rows are so wide that the first bytes hold no complete rows. */
    static final int MAX_SAMPLE_BYTES = 1024 * 1024;
    /** How much decompressed text a gzip sample may expand to. */
    static final int MAX_DECOMPRESSED = 1024 * 1024;

    private Classifier() {
    }

    /**
     * Classifies a file from its head.
     *
     * @param head      the first bytes of the file
     * @param size      the file's whole size
     * @param parquet   supplies the file for a footer read when it turns out to be Parquet
     */
    static Optional<FileSchema> classify(byte[] head, long size, java.util.function.Supplier<RangedInputFile> parquet) {
        if (head.length == 0) {
            return Optional.empty();
        }
        if (ParquetFooter.isParquet(head)) {
            return Optional.of(ParquetFooter.read(parquet.get()));
        }
        boolean truncated = head.length < size;
        String compression = "none";
        byte[] text = head;
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            compression = "gzip";
            Inflated inflated = gunzip(head);
            text = inflated.bytes();
            truncated = truncated || inflated.truncated();
        }
        String unsupported = unsupportedCompression(text);
        if (unsupported != null) {
            // Glue's guide ("Built-in classifiers") classifies ZIP, BZIP, LZ4 and Snappy files too; read
            // as text they would give a made-up table or none, so the crawl reports the file instead.
            throw new IllegalStateException("the object is " + unsupported + "-compressed; Glue's crawler classifies such"
                    + " files but this fake only inflates gzip, so store it gzip-compressed or uncompressed");
        }
        String decoded = new String(text, StandardCharsets.UTF_8);
        if (decoded.startsWith("\uFEFF")) {
            decoded = decoded.substring(1);
        }
        if (decoded.stripLeading().matches("(?s)\\[\\s*[\\[{].*")) {
            // The Glue guide ("Writing JSON custom classifiers"): the built-in JSON classifier takes a file
            // that is one top-level array as a single array record, and a JSON classifier with path $[*]
            // is needed for a row per element. This fake models neither, so it says so rather than
            // reading the lines as CSV.
            throw new IllegalStateException("the object is one top-level JSON array; Glue's built-in JSON classifier"
                    + " reads it as a single array record (a JSON classifier with path $[*] makes a row per element),"
                    + " which this fake does not model; store one JSON object per line instead");
        }
        if (JsonSniffer.looksLikeJson(decoded)) {
            return JsonSniffer.sniff(decoded, truncated, compression);
        }
        return CsvSniffer.sniff(decoded, truncated, compression);
    }

    /** Returns true if {@code head} is plain text with too few line breaks to show a header and data rows. */
    static boolean needsMore(byte[] head) {
        if (ParquetFooter.isParquet(head) || (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b)) {
            return false;
        }
        int breaks = 0;
        for (byte b : head) {
            if (b == '\n' && ++breaks >= 3) {
                return false;
            }
        }
        return true;
    }

    /** Returns the name of a compression the fake cannot inflate that {@code head} starts with, or null. */
    static String unsupportedCompression(byte[] head) {
        if (startsWith(head, 'B', 'Z', 'h') && head.length > 3 && head[3] >= '1' && head[3] <= '9') {
            return "bzip2";
        }
        if (startsWith(head, 'P', 'K', 3, 4)) {
            return "zip";
        }
        if (startsWith(head, 0x04, 0x22, 0x4d, 0x18)) {
            return "lz4";
        }
        if (startsWith(head, 0xff, 0x06, 0x00, 0x00, 's', 'N', 'a', 'P', 'p', 'Y')) {
            return "snappy";
        }
        return null;
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private record Inflated(byte[] bytes, boolean truncated) {
    }

    /** Inflates as much of a (possibly cut) gzip stream as there is, up to {@link #MAX_DECOMPRESSED}. */
    static Inflated gunzip(byte[] gzip) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean truncated = false;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                if (out.size() >= MAX_DECOMPRESSED) {
                    truncated = true;
                    break;
                }
            }
        } catch (EOFException cut) {
            // The sample ended inside the compressed stream: what was inflated so far is the sample.
            truncated = true;
        } catch (IOException corrupt) {
            truncated = true;
        }
        return new Inflated(out.toByteArray(), truncated);
    }
}
