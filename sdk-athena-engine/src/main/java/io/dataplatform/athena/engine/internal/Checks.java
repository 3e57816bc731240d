package io.dataplatform.athena.engine.internal;

import java.time.Duration;

/**
 * Argument checks whose messages name the field, the rule and the offending value, for sdk-athena-engine's public
 * classes: a module of its own does not reach into sdk-core's internal package (whose Checks this
 * mirrors). Not part of the public API.
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
}
