package io.dataplatform.internal;

import java.time.Duration;

/**
 * Argument checks whose messages name the field, the rule and the offending value. Internal: not
 * part of the public API.
 */
public final class Checks {
    private Checks() {
    }

    /** Fails with {@link IllegalArgumentException} and the formatted message unless {@code condition}. */
    public static void require(boolean condition, String messageFormat, Object... args) {
        if (!condition) {
            throw new IllegalArgumentException(String.format(messageFormat, args));
        }
    }

    /** Returns {@code value}, or fails naming {@code field} if it is null. */
    public static <T> T notNull(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }

    /** Returns {@code value}, or fails naming {@code field} if it is null or empty. */
    public static String notEmpty(String value, String field) {
        notNull(value, field);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        return value;
    }

    /** Returns {@code value}, or fails naming {@code field} if it is null, zero or negative. */
    public static Duration positive(Duration value, String field) {
        notNull(value, field);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(field + " must be > 0, but was " + value);
        }
        return value;
    }

    /** Returns {@code value}, or fails naming {@code field} if it is below zero. */
    public static long nonNegative(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0, but was " + value);
        }
        return value;
    }

    /** Fails with {@link IllegalStateException} naming a required builder field that was not set. */
    public static <T> T required(T value, String field, String builder) {
        if (value == null) {
            throw new IllegalStateException(field + " is required: call " + builder + "." + field + "(..) before build()");
        }
        return value;
    }

    /**
     * Returns an unmodifiable copy of {@code values}, or fails naming {@code field}, or the index of a null element:
     * {@link List#copyOf} would fail with a bare NullPointerException that names neither.
     */
    public static <T> java.util.List<T> copyOf(java.util.List<T> values, String field) {
        notNull(values, field);
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new IllegalArgumentException(field + "[" + i + "] must not be null");
            }
        }
        return java.util.List.copyOf(values);
    }

    /** Returns an unmodifiable copy of {@code values}, or fails naming {@code field} and the key of a null entry. */
    public static <K, V> java.util.Map<K, V> copyOf(java.util.Map<K, V> values, String field) {
        notNull(values, field);
        values.forEach((key, value) -> {
            if (key == null || value == null) {
                throw new IllegalArgumentException(field + " must not hold null keys or values, but "
                        + (key == null ? "a key is null" : "the value of '" + key + "' is null"));
            }
        });
        return java.util.Map.copyOf(values);
    }
}
