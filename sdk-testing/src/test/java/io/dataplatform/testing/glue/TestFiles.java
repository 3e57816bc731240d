package io.dataplatform.testing.glue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/** Builds small test files in memory: gzip and Parquet. */
public final class TestFiles {
    private TestFiles() {
    }

    /** Returns {@code text} gzip-compressed. */
    public static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Writes a Parquet file with the given schema (Parquet's message syntax) and rows filled by
     * {@code fill}, one call per row.
     */
    public static byte[] parquet(String schema, int rows, RowFiller fill) {
        MessageType type = MessageTypeParser.parseMessageType(schema);
        InMemoryOutputFile file = new InMemoryOutputFile();
        SimpleGroupFactory groups = new SimpleGroupFactory(type);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(file).withType(type)
                .withConf(new Configuration(false)).build()) {
            for (int i = 0; i < rows; i++) {
                Group group = groups.newGroup();
                fill.fill(group, i);
                writer.write(group);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.bytes.toByteArray();
    }

    /** Fills one row. */
    @FunctionalInterface
    public interface RowFiller {
        /** Sets the fields of row {@code index}. */
        void fill(Group row, int index);
    }

    /** Joins lines with '\n' and a trailing newline. */
    public static String lines(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }

    /** Returns lines built by {@code build}. */
    public static String lines(Consumer<List<String>> build) {
        List<String> out = new java.util.ArrayList<>();
        build.accept(out);
        return lines(out);
    }

    private static final class InMemoryOutputFile implements OutputFile {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new PositionOutputStream() {
                @Override
                public long getPos() {
                    return bytes.size();
                }

                @Override
                public void write(int b) {
                    bytes.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    bytes.write(b, off, len);
                }
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            bytes.reset();
            return create(blockSizeHint);
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }
    }
}
