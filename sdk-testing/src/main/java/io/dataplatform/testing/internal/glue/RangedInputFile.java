package io.dataplatform.testing.internal.glue;

import java.io.EOFException;
import java.io.UncheckedIOException;

/**
 * An object read by ranges: each read asks only for the bytes it needs, so a Parquet footer costs
 * two small range requests whatever the file's size.
 */
final class RangedInputFile {

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

    long length() {
        return length;
    }

    /** Returns exactly {@code count} bytes from {@code offset}, asking again when a response comes back short. */
    byte[] readFully(long offset, int count) {
        if (offset < 0 || count < 0 || offset + count > length) {
            throw new UncheckedIOException(new EOFException("Cannot read " + count + " bytes at offset " + offset
                    + " of an object of " + length + " bytes"));
        }
        byte[] bytes = new byte[count];
        int done = 0;
        while (done < count) {
            byte[] data = reader.read(offset + done, count - done);
            if (data.length == 0) {
                throw new UncheckedIOException(new EOFException("Reached the end of the object after " + done
                        + " of " + count + " bytes at offset " + offset));
            }
            int n = Math.min(data.length, count - done);
            System.arraycopy(data, 0, bytes, done, n);
            done += n;
        }
        return bytes;
    }
}
