package io.dataplatform;

import java.time.Duration;

/**
 * Waits for a while. Every wait the SDK makes (retry backoff, polling a long-running operation)
 * goes through the {@code Sleeper} of its {@link DataPlatform}, so a test can substitute one that
 * advances a fake clock instead of blocking.
 */
@FunctionalInterface
public interface Sleeper {

    /** Waits for {@code duration}; a zero or negative duration returns at once. */
    void sleep(Duration duration) throws InterruptedException;

    /** Returns the sleeper that blocks the calling thread for real. */
    static Sleeper system() {
        return duration -> {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
            }
        };
    }
}
