package io.dataplatform.internal;

import io.dataplatform.DataPlatformException;
import io.dataplatform.ServiceUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the SDK waits for a long-running operation: read its status, and until it is done,
 * pause through the platform's sleeper with growing pauses (x1.5 up to a ceiling), measuring the
 * deadline on the platform's clock, so a fake clock makes every wait instant and deterministic.
 * A status read that fails transiently ({@link ServiceUnavailableException}, after the platform's
 * retries) says nothing about the operation, which keeps running: it is waited out while the
 * deadline allows. Thread-safe and stateless between waits.
 */
public final class Poller {
    private static final Logger LOG = LoggerFactory.getLogger(Poller.class);

    private final PlatformContext platform;
    private final String subject;
    private final Duration firstPause;
    private final Duration maxPause;

    private Poller(Builder builder) {
        this.platform = builder.platform;
        this.subject = builder.subject;
        this.firstPause = builder.firstPause;
        this.maxPause = builder.maxPause;
    }

    /** Returns a builder for waiting on {@code subject} (e.g. "EMR cluster j-123", used in messages). */
    public static Builder builder(PlatformContext platform, String subject) {
        return new Builder(platform, subject);
    }

    /**
     * Waits until {@code done} holds for a status read by {@code read}.
     *
     * @param read      reads the operation's status (one service call)
     * @param done      whether a status ends the wait
     * @param onEach    told of every status read, on the waiting thread (progress callbacks)
     * @param timeout   how long to wait, or null to wait however long it takes
     * @param onTimeout builds the exception thrown when the timeout runs out, from the last status read
     *                  (null if none could be read); a read failure that ended the wait is added as suppressed
     * @return the first status for which {@code done} holds
     */
    public <S> S await(Supplier<S> read, Predicate<S> done, Consumer<S> onEach, Duration timeout,
                       Function<S, ? extends RuntimeException> onTimeout) {
        Instant deadline = timeout == null ? null : platform.clock().instant().plus(Checks.positive(timeout, "timeout"));
        Duration pause = firstPause;
        S last = null;
        while (true) {
            RuntimeException unreadable = null;
            try {
                S status = read.get();
                last = status;
                onEach.accept(status);
                if (done.test(status)) {
                    return status;
                }
            } catch (ServiceUnavailableException e) {
                LOG.debug("{}: status not readable ({}); waiting on", subject, e.getMessage());
                unreadable = e;
            }
            Instant now = platform.clock().instant();
            if (deadline != null && !now.isBefore(deadline)) {
                RuntimeException timedOut = onTimeout.apply(last);
                if (unreadable != null) {
                    timedOut.addSuppressed(unreadable);
                }
                throw timedOut;
            }
            Duration left = deadline == null ? pause : Duration.between(now, deadline);
            sleep(pause.compareTo(left) <= 0 ? pause : left);
            Duration grown = Duration.ofMillis(pause.toMillis() * 3 / 2);
            pause = grown.compareTo(maxPause) <= 0 ? grown : maxPause;
        }
    }

    private void sleep(Duration pause) {
        try {
            platform.sleeper().sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataPlatformException("Interrupted while waiting for " + subject
                    + "; the operation itself was not stopped", e);
        }
    }

    /** Builds a {@link Poller}; pauses default to 1 s growing to 15 s. */
    public static final class Builder {
        private final PlatformContext platform;
        private final String subject;
        private Duration firstPause = Duration.ofSeconds(1);
        private Duration maxPause = Duration.ofSeconds(15);

        private Builder(PlatformContext platform, String subject) {
            this.platform = Checks.notNull(platform, "platform");
            this.subject = Checks.notEmpty(subject, "subject");
        }

        /** Sets the first pause between two reads. */
        public Builder firstPause(Duration pause) {
            this.firstPause = Checks.positive(pause, "firstPause");
            return this;
        }

        /** Sets the longest pause the backoff grows to. */
        public Builder maxPause(Duration pause) {
            this.maxPause = Checks.positive(pause, "maxPause");
            return this;
        }

        /** Returns the poller; fails if the first pause is longer than the longest. */
        public Poller build() {
            Checks.require(firstPause.compareTo(maxPause) <= 0,
                    "firstPause (%s) must not be longer than maxPause (%s)", firstPause, maxPause);
            return new Poller(this);
        }
    }
}
