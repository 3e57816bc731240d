package io.dataplatform.testing;

import io.dataplatform.testing.internal.Arguments;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The clock of a {@link FakeAws} world. Time stands still until a test (or a fake latency, or the
 * SDK's backoff through the world's sleeper) advances it, so schedules, timeouts and state
 * transitions happen deterministically.
 *
 * <pre>{@code
 * aws.clock().advance(Duration.ofMinutes(5));
 * }</pre>
 */
public final class FakeClock extends Clock {
    private final Object lock = new Object();
    private final List<Consumer<Instant>> listeners = new CopyOnWriteArrayList<>();
    private Instant now;

    FakeClock(Instant start) {
        this.now = start;
    }

    @Override
    public Instant instant() {
        synchronized (lock) {
            return now;
        }
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    /**
     * Moves time forward by {@code duration} and lets the world react (scheduled runs, state changes).
     *
     * @return the new current instant
     */
    public Instant advance(Duration duration) {
        if (Arguments.notNull(duration, "duration").isNegative()) {
            throw new IllegalArgumentException("duration must be >= 0, but was " + duration);
        }
        Instant after;
        synchronized (lock) {
            now = now.plus(duration);
            after = now;
        }
        listeners.forEach(listener -> listener.accept(after));
        return after;
    }

    /**
     * Registers a listener told of every advance; this is how the fakes drive schedules and state
     * transitions. Listeners run on the advancing thread.
     */
    public void onAdvance(Consumer<Instant> listener) {
        listeners.add(Arguments.notNull(listener, "listener"));
    }

    @Override
    public String toString() {
        return "FakeClock[" + instant() + "]";
    }
}
