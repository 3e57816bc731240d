package io.dataplatform.testing.internal;

/** Checks of the arguments test code passes to FakeAws's own API (sdk-core's checks are that module's internals). */
public final class Arguments {
    private Arguments() {
    }

    /** Returns {@code value}, or fails naming {@code name} if it is null. */
    public static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }
}
