package io.dataplatform;

import io.dataplatform.internal.Checks;
import java.time.Duration;

/**
 * How the SDK retries throttled and transiently failed AWS calls: exponential backoff with full
 * jitter, capped. Validation, not-found and access-denied errors are never retried.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.builder().maxAttempts(8).initialBackoff(Duration.ofMillis(50)).build();
 * }</pre>
 */
public final class RetryPolicy {
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    private RetryPolicy(Builder builder) {
        this.maxAttempts = builder.maxAttempts;
        this.initialBackoff = builder.initialBackoff;
        this.maxBackoff = builder.maxBackoff;
    }

    /** Returns the default policy: 5 attempts, 100 ms initial backoff, 20 s cap. */
    public static RetryPolicy defaults() {
        return builder().build();
    }

    /** Returns a policy that makes exactly one attempt. */
    public static RetryPolicy none() {
        return builder().maxAttempts(1).build();
    }

    /** Returns a new builder with the default values. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder initialised from this policy. */
    public Builder toBuilder() {
        return new Builder().maxAttempts(maxAttempts).initialBackoff(initialBackoff).maxBackoff(maxBackoff);
    }

    /** Returns the total number of attempts, the first one included. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** Returns the upper bound of the first backoff; each further one doubles, up to {@link #maxBackoff()}. */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** Returns the cap on a single backoff. */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
                + ", maxBackoff=" + maxBackoff + "}";
    }

    /** Builds a {@link RetryPolicy}. */
    public static final class Builder {
        private int maxAttempts = 5;
        private Duration initialBackoff = Duration.ofMillis(100);
        private Duration maxBackoff = Duration.ofSeconds(20);

        private Builder() {
        }

        /** Sets the total number of attempts (>= 1). */
        public Builder maxAttempts(int maxAttempts) {
            Checks.require(maxAttempts >= 1, "maxAttempts must be >= 1, but was %s", maxAttempts);
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Sets the upper bound of the first backoff (> 0). */
        public Builder initialBackoff(Duration initialBackoff) {
            Checks.positive(initialBackoff, "initialBackoff");
            this.initialBackoff = initialBackoff;
            return this;
        }

        /** Sets the cap on a single backoff (> 0). */
        public Builder maxBackoff(Duration maxBackoff) {
            Checks.positive(maxBackoff, "maxBackoff");
            this.maxBackoff = maxBackoff;
            return this;
        }

        /** Returns the policy; fails if {@code maxBackoff} is below {@code initialBackoff}. */
        public RetryPolicy build() {
            Checks.require(maxBackoff.compareTo(initialBackoff) >= 0,
                    "maxBackoff must be >= initialBackoff (%s), but was %s", initialBackoff, maxBackoff);
            return new RetryPolicy(this);
        }
    }
}
