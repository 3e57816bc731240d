package io.dataplatform.cost;

import io.dataplatform.internal.Checks;
import java.util.Locale;

/**
 * An amount of data in bytes. Decimal units ({@code ofMegabytes}: 10^6) follow AWS billing;
 * binary units ({@code ofMebibytes}: 2^20) follow S3's part-size limits.
 *
 * <pre>{@code
 * DataSize limit = DataSize.ofGigabytes(10);
 * }</pre>
 *
 * @param bytes the number of bytes, {@code >= 0}
 */
public record DataSize(long bytes) implements Comparable<DataSize> {
    /** No data. */
    public static final DataSize ZERO = new DataSize(0);

    /** Validates that the size is not negative. */
    public DataSize {
        Checks.require(bytes >= 0, "size must be >= 0 bytes, but was %s", bytes);
    }

    /** Returns a size of {@code bytes} bytes. */
    public static DataSize ofBytes(long bytes) {
        return new DataSize(bytes);
    }

    /** Returns a size of {@code kib} x 1024 bytes. */
    public static DataSize ofKibibytes(long kib) {
        return new DataSize(Math.multiplyExact(kib, 1024L));
    }

    /** Returns a size of {@code mib} x 2^20 bytes. */
    public static DataSize ofMebibytes(long mib) {
        return new DataSize(Math.multiplyExact(mib, 1L << 20));
    }

    /** Returns a size of {@code mb} x 10^6 bytes. */
    public static DataSize ofMegabytes(long mb) {
        return new DataSize(Math.multiplyExact(mb, 1_000_000L));
    }

    /** Returns a size of {@code gb} x 10^9 bytes. */
    public static DataSize ofGigabytes(long gb) {
        return new DataSize(Math.multiplyExact(gb, 1_000_000_000L));
    }

    /** Returns a size of {@code tb} x 10^12 bytes. */
    public static DataSize ofTerabytes(long tb) {
        return new DataSize(Math.multiplyExact(tb, 1_000_000_000_000L));
    }

    /** Returns the sum of this size and {@code other}. */
    public DataSize plus(DataSize other) {
        return new DataSize(Math.addExact(bytes, other.bytes));
    }

    /** Returns true if this size is strictly larger than {@code other}. */
    public boolean isGreaterThan(DataSize other) {
        return bytes > other.bytes;
    }

    @Override
    public int compareTo(DataSize other) {
        return Long.compare(bytes, other.bytes);
    }

    /** Returns the size in the largest decimal unit that keeps it readable, e.g. {@code 12.5 MB}. */
    @Override
    public String toString() {
        String[] units = {"B", "KB", "MB", "GB", "TB", "PB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
