package io.dataplatform.testing.internal.glue;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A Parquet {@link InputFile} over ranged reads of an object: each read asks only for the bytes it
 * needs, so opening a footer costs two small range requests whatever the file's size.
 */
final class RangedInputFile implements InputFile {

    /** Reads {@code length} bytes at {@code offset}. */
    @FunctionalInterface
    interface RangeReader {
        byte[] read(long offset, int length);
    }

    private final long length;
    private final RangeReader reader;

    RangedInputFile(long length, RangeReader reader) {
        this.length = length;
        this.reader = reader;
    }

    @Override
    public long getLength() {
        return length;
    }

    @Override
    public SeekableInputStream newStream() {
        return new SeekableInputStream() {
            private long position;

            @Override
            public long getPos() {
                return position;
            }

            @Override
            public void seek(long newPos) {
                position = newPos;
            }

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] bytes, int offset, int len) {
                if (position >= length) {
                    return -1;
                }
                int wanted = (int) Math.min(len, length - position);
                byte[] data = reader.read(position, wanted);
                System.arraycopy(data, 0, bytes, offset, data.length);
                position += data.length;
                return data.length;
            }

            @Override
            public void readFully(byte[] bytes) throws IOException {
                readFully(bytes, 0, bytes.length);
            }

            @Override
            public void readFully(byte[] bytes, int start, int len) throws IOException {
                int done = 0;
                while (done < len) {
                    int n = read(bytes, start + done, len - done);
                    if (n <= 0) {
                        throw new EOFException("Reached the end of the object after " + done + " of " + len + " bytes");
                    }
                    done += n;
                }
            }

            @Override
            public int read(ByteBuffer buf) {
                byte[] tmp = new byte[buf.remaining()];
                int n = read(tmp, 0, tmp.length);
                if (n > 0) {
                    buf.put(tmp, 0, n);
                }
                return n;
            }

            @Override
            public void readFully(ByteBuffer buf) throws IOException {
                byte[] tmp = new byte[buf.remaining()];
                readFully(tmp, 0, tmp.length);
                buf.put(tmp);
            }
        };
    }
}
