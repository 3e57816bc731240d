package io.dataplatform.internal;

import io.dataplatform.DataPlatformException;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs AWS SDK calls for one service: retries throttling and transient failures with exponential
 * backoff and full jitter (Resilience4j decides whether and how long; the platform's
 * {@link io.dataplatform.Sleeper} waits), and translates the final failure into the SDK's
 * exception tree with the AWS exception as its cause.
 */
public final class AwsInvoker {
    private static final Logger LOG = LoggerFactory.getLogger(AwsInvoker.class);

    private final String service;
    private final PlatformContext context;
    private final Retry retry;

    AwsInvoker(String service, PlatformContext context) {
        this.service = service;
        this.context = context;
        long initial = context.retryPolicy().initialBackoff().toMillis();
        long cap = context.retryPolicy().maxBackoff().toMillis();
        RetryConfig config = RetryConfig.custom()
                .maxAttempts(context.retryPolicy().maxAttempts())
                .retryOnException(ErrorTranslator::isRetryable)
                // Full jitter (AWS Architecture Blog, "Exponential Backoff and Jitter"): uniform in [0, min(cap, base * 2^n)].
                .intervalBiFunction((attempt, ignored) -> {
                    long ceiling = Math.min(cap, initial << Math.min(attempt - 1, 30));
                    return context.random().nextLong(ceiling + 1);
                })
                .failAfterMaxAttempts(false)
                .build();
        this.retry = Retry.of(service, config);
    }

    /**
     * Calls {@code call}, retrying what is retryable.
     *
     * @param operation the AWS operation, for messages ("GetObject")
     * @param resource  what it acts on, for messages ("acme-raw/sales.csv")
     */
    public <T> T call(String operation, String resource, Supplier<T> call) {
        Retry.AsyncContext<T> attempts = retry.asyncContext();
        while (true) {
            try {
                T result = call.get();
                attempts.onComplete();
                return result;
            } catch (DataPlatformException e) {
                throw e;
            } catch (RuntimeException e) {
                long delay = attempts.onError(e);
                if (delay < 0) {
                    throw ErrorTranslator.translate(service, operation, resource, e);
                }
                LOG.debug("{} {} on {} failed ({}); retrying in {} ms", service, operation, resource,
                        ErrorTranslator.describe(e), delay);
                pause(Duration.ofMillis(delay), operation, resource, e);
            }
        }
    }

    /** Calls {@code call} for its side effect, retrying what is retryable. */
    public void run(String operation, String resource, Runnable call) {
        call(operation, resource, () -> {
            call.run();
            return null;
        });
    }

    private void pause(Duration delay, String operation, String resource, RuntimeException failure) {
        try {
            context.sleeper().sleep(delay);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            DataPlatformException e = ErrorTranslator.translate(service, operation, resource, failure);
            e.addSuppressed(interrupted);
            throw e;
        }
    }
}
