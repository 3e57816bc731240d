package io.dataplatform.testing.internal;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A value built on the first {@link #get()}, once, thread-safely: how a world builds a service's fake
 * only when a test uses it (and never loads its classes otherwise).
 */
public final class Memo<T> implements Supplier<T> {
    private Supplier<? extends T> factory;
    private volatile T value;

    private Memo(Supplier<? extends T> factory) {
        this.factory = factory;
    }

    /** Returns a memo whose value {@code factory} builds on the first {@link #get()}. */
    public static <T> Memo<T> of(Supplier<? extends T> factory) {
        return new Memo<>(factory);
    }

    @Override
    public T get() {
        T result = value;
        if (result == null) {
            synchronized (this) {
                result = value;
                if (result == null) {
                    result = factory.get();
                    value = result;
                    factory = null;
                }
            }
        }
        return result;
    }

    /** Gives the value to {@code action} if it was built; builds nothing. */
    public void ifBuilt(Consumer<? super T> action) {
        T result = value;
        if (result != null) {
            action.accept(result);
        }
    }
}
