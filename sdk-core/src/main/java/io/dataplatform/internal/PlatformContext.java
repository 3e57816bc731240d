package io.dataplatform.internal;

import io.dataplatform.RetryPolicy;
import io.dataplatform.Sleeper;
import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * What one {@code DataPlatform} injects into everything it creates: its clock, its sleeper, its
 * seeded random source and its retry policy. There is no static mutable state: two platforms never
 * share one.
 *
 * @param clock       the time source for timestamps, deadlines and schedules
 * @param sleeper     every wait goes through it
 * @param random      jitter and client request tokens; seeded for reproducible tests
 * @param retryPolicy how throttled and transient failures are retried
 * @param accountId   the AWS account the platform works in, if known (resolves principals by name)
 */
public record PlatformContext(Clock clock, Sleeper sleeper, RandomGenerator random, RetryPolicy retryPolicy,
                              String accountId) {

    /** Returns the invoker that runs AWS calls under this context's retry policy. */
    public AwsInvoker invoker(String service) {
        return new AwsInvoker(service, this);
    }
}
