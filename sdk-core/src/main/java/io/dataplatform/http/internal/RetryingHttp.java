package io.dataplatform.http.internal;

import io.dataplatform.http.Http;
import io.dataplatform.http.HttpCallException;
import io.dataplatform.http.HttpRequest;
import io.dataplatform.http.HttpResponse;
import io.dataplatform.http.HttpTransport;
import io.dataplatform.internal.Checks;
import io.dataplatform.internal.PlatformContext;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Http} over a transport, with the platform's retry policy: full-jitter exponential backoff
 * (as {@code AwsInvoker} does for AWS calls), waited through the platform's sleeper so that a fake
 * clock makes retries instant in tests.
 */
public final class RetryingHttp implements Http {
    private static final Logger LOG = LoggerFactory.getLogger(RetryingHttp.class);

    private final HttpTransport transport;
    private final PlatformContext context;

    /** Creates the client over {@code transport}. */
    public RetryingHttp(HttpTransport transport, PlatformContext context) {
        this.transport = Checks.notNull(transport, "transport");
        this.context = context;
    }

    @Override
    public HttpResponse send(HttpRequest request) {
        Checks.notNull(request, "request");
        int maxAttempts = context.retryPolicy().maxAttempts();
        for (int attempt = 1; ; attempt++) {
            HttpResponse response = null;
            IOException failure = null;
            try {
                response = transport.exchange(request, request.timeout());
            } catch (IOException e) {
                failure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HttpCallException(request.method() + " " + request.redactedUri() + " was interrupted", request, null,
                        attempt, false, e);
            }
            if (response != null && response.successful()) {
                return response;
            }
            boolean timeout = failure instanceof HttpTimeoutException && !(failure instanceof HttpConnectTimeoutException);
            boolean retryable = response != null ? retryable(request, response.statusCode()) : retryable(request, failure);
            String outcome = response != null ? "HTTP " + response.statusCode() : describe(failure, request);
            if (!retryable || attempt >= maxAttempts) {
                throw new HttpCallException(message(request, outcome, response, attempt, retryable), request, response,
                        attempt, timeout, failure);
            }
            Duration wait = backoff(attempt, response);
            LOG.debug("{} {} got {} (attempt {} of {}); retrying in {} ms", request.method(), request.redactedUri(), outcome,
                    attempt, maxAttempts, wait.toMillis());
            try {
                context.sleeper().sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HttpCallException(message(request, outcome, response, attempt, true) + "; interrupted while"
                        + " waiting to retry", request, response, attempt, timeout, e);
            }
        }
    }

    /** 429 and 503 say the server did not act; other 5xx (but 501, which answers every attempt alike) may have. */
    private static boolean retryable(HttpRequest request, int status) {
        if (status == 429 || status == 503) {
            return true;
        }
        return status >= 500 && status != 501 && request.idempotent();
    }

    /** A refused or unreachable connection sent nothing; a timeout or a reset may have reached the server. */
    private static boolean retryable(HttpRequest request, IOException failure) {
        if (failure instanceof ConnectException || failure instanceof HttpConnectTimeoutException) {
            return true;
        }
        return request.idempotent();
    }

    /** Full jitter under the policy's ceiling; a Retry-After in seconds is honoured up to the maximum backoff. */
    private Duration backoff(int attempt, HttpResponse response) {
        long initial = context.retryPolicy().initialBackoff().toMillis();
        long cap = context.retryPolicy().maxBackoff().toMillis();
        long ceiling = Math.min(cap, initial << Math.min(attempt - 1, 30));
        long wait = context.random().nextLong(ceiling + 1);
        if (response != null) {
            String retryAfter = response.header("Retry-After").orElse("").trim();
            if (retryAfter.matches("\\d{1,9}")) {
                wait = Math.max(wait, Math.min(cap, Long.parseLong(retryAfter) * 1000));
            }
        }
        return Duration.ofMillis(wait);
    }

    private static String describe(IOException failure, HttpRequest request) {
        if (failure instanceof HttpConnectTimeoutException) {
            return "a connect timeout (" + failure.getMessage() + ")";
        }
        if (failure instanceof HttpTimeoutException) {
            return "no response within its timeout of " + request.timeout().toMillis() + " ms";
        }
        if (failure instanceof ConnectException) {
            return "no connection (" + failure.getClass().getSimpleName() + ": " + failure.getMessage() + ")";
        }
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    private static String message(HttpRequest request, String outcome, HttpResponse response, int attempts,
                                  boolean retryable) {
        StringBuilder out = new StringBuilder(request.method() + " " + request.redactedUri() + " failed: " + outcome);
        if (response != null) {
            String body = response.bodyAsString().strip();
            if (!body.isEmpty()) {
                out.append(" ").append(body.length() > 200 ? body.substring(0, 200) + "..." : body);
            }
        }
        out.append(retryable ? " (gave up after " + attempts + (attempts == 1 ? " attempt)" : " attempts)")
                : attempts == 1 ? " (not retried)" : " (after " + attempts + " attempts; not retried)");
        return out.toString();
    }

    @Override
    public String toString() {
        return "Http{transport=" + transport + "}";
    }
}
