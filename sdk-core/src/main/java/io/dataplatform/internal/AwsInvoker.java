package io.dataplatform.internal;

import io.dataplatform.DataPlatformException;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
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
        return call(operation, resource, call, Set.of());
    }

    /**
     * Calls {@code call}, retrying what is retryable, as {@link #call(String, String, Supplier)} does; the resource
     * is only named when a call fails, so an operation that runs often passes it unbuilt.
     */
    public <T> T call(String operation, Supplier<String> resource, Supplier<T> call) {
        try {
            return call.get();
        } catch (DataPlatformException e) {
            throw e;
        } catch (RuntimeException first) {
            return retry(operation, resource.get(), call, Set.of(), first);
        }
    }

    /**
     * Calls an operation that creates or starts something and that the service offers no client
     * token for (Glue's CreateTable, StartCrawler, ...). When a retry fails with one of
     * {@code doneCodes} (say {@code AlreadyExistsException}), an earlier attempt took effect and only
     * its response was lost, so the call has succeeded: this returns null instead of failing. On the
     * first attempt those codes fail as usual.
     */
    public <T> T callCreating(String operation, String resource, Supplier<T> call, String... doneCodes) {
        return call(operation, resource, call, Set.of(doneCodes));
    }

    private <T> T call(String operation, String resource, Supplier<T> call, Set<String> doneOnRetry) {
        try {
            // Most calls succeed at once, and build no retry context: this is the per-call cost of every platform
            // operation, which the benchmarks measure against the raw client.
            return call.get();
        } catch (DataPlatformException e) {
            throw e;
        } catch (RuntimeException first) {
            return retry(operation, resource, call, doneOnRetry, first);
        }
    }

    /** Retries after the first attempt failed with {@code first}, as the retry policy says. */
    private <T> T retry(String operation, String resource, Supplier<T> call, Set<String> doneOnRetry, RuntimeException first) {
        Retry.AsyncContext<T> attempts = retry.asyncContext();
        RuntimeException failure = first;
        for (int attempt = 1; ; attempt++) {
            if (attempt > 1 && failure instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                    && doneOnRetry.contains(aws.awsErrorDetails().errorCode())) {
                LOG.debug("{} {} on {}: attempt {} found {} done by an earlier attempt", service, operation,
                        resource, attempt, aws.awsErrorDetails().errorCode());
                return null;
            }
            long delay = attempts.onError(failure);
            if (delay < 0) {
                throw ErrorTranslator.translate(service, operation, resource, failure);
            }
            LOG.debug("{} {} on {} failed ({}); retrying in {} ms", service, operation, resource,
                    ErrorTranslator.describe(failure), delay);
            pause(Duration.ofMillis(delay), operation, resource, failure);
            try {
                T result = call.get();
                attempts.onComplete();
                return result;
            } catch (DataPlatformException e) {
                throw e;
            } catch (RuntimeException e) {
                failure = e;
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
