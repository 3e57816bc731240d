package io.dataplatform.http;

import java.util.Map;

/**
 * The HTTP client a task calls APIs with. Each call is retried under the platform's
 * {@link io.dataplatform.RetryPolicy} (exponential backoff with full jitter, waited through the
 * platform's {@link io.dataplatform.Sleeper}): 429 and 503 responses and connections that could not be
 * made are always retried (the server did not act); other 5xx (but 501) and timeouts only for
 * {@linkplain HttpRequest#idempotent() idempotent} requests, where a second attempt cannot act twice.
 * A {@code Retry-After} header in seconds lengthens the wait, up to the policy's maximum backoff.
 * Other 4xx are never retried. A call that does not end in 2xx throws {@link HttpCallException}.
 * Thread-safe.
 *
 * <pre>{@code
 * HttpResponse rates = context.http().get("https://api.example.com/rates?date=" + date);
 * context.platform().bucket("acme-raw").put("rates/" + date + ".json", rates.body());
 * }</pre>
 */
public interface Http {

    /** Sends {@code request}; returns its 2xx response or throws {@link HttpCallException}. */
    HttpResponse send(HttpRequest request);

    /** GETs {@code uri}; returns its 2xx response or throws {@link HttpCallException}. */
    default HttpResponse get(String uri) {
        return send(HttpRequest.get(uri).build());
    }

    /** GETs {@code uri} with headers; returns its 2xx response or throws {@link HttpCallException}. */
    default HttpResponse get(String uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.get(uri);
        headers.forEach(request::header);
        return send(request.build());
    }

    /** POSTs {@code body} as {@code contentType}; returns the 2xx response or throws {@link HttpCallException}. */
    default HttpResponse post(String uri, String contentType, String body) {
        return send(HttpRequest.post(uri).body(contentType, body).build());
    }
}
