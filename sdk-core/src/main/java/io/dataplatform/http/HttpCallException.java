package io.dataplatform.http;

import io.dataplatform.DataPlatformException;
import java.util.Optional;

/**
 * Thrown when an HTTP call of {@link Http} did not end in a 2xx response: a 4xx (never retried but
 * 429), a 5xx or 429 still there after the retries, a timeout, or a connection that could not be made.
 * The message names the method, the URL, the attempts and what the last one got.
 */
public class HttpCallException extends DataPlatformException {
    private static final long serialVersionUID = 1L;

    private final transient HttpRequest request;
    private final transient HttpResponse response;
    private final int attempts;
    private final boolean timeout;

    /** Creates the exception; {@code response} is null when none arrived. */
    public HttpCallException(String message, HttpRequest request, HttpResponse response, int attempts, boolean timeout,
                             Throwable cause) {
        super(message, cause);
        this.request = request;
        this.response = response;
        this.attempts = attempts;
        this.timeout = timeout;
    }

    /** Returns the request that failed. */
    public HttpRequest request() {
        return request;
    }

    /** Returns the last response, if one arrived (absent after a timeout or connection failure). */
    public Optional<HttpResponse> response() {
        return Optional.ofNullable(response);
    }

    /** Returns the last response's status code, or 0 when none arrived. */
    public int statusCode() {
        return response == null ? 0 : response.statusCode();
    }

    /** Returns how many attempts were made. */
    public int attempts() {
        return attempts;
    }

    /** Returns whether the last attempt timed out. */
    public boolean timedOut() {
        return timeout;
    }
}
