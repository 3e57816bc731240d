package io.dataplatform.testing;

import io.dataplatform.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link FakeHttp} answers one request with: a response (status, headers, body) after an
 * optional delay on the fake clock, or a failure (connection refused, no answer at all). Immutable;
 * the {@code with*} methods return copies.
 *
 * <pre>{@code
 * FakeHttpResponse.json(200, "{\"eur\":1.08}")
 * FakeHttpResponse.status(503).header("Retry-After", "2")
 * FakeHttpResponse.status(200).body("slow").delay(Duration.ofSeconds(45))   // times out a 30 s request
 * FakeHttpResponse.connectionRefused()
 * }</pre>
 */
public final class FakeHttpResponse {
    enum Kind { RESPONSE, REFUSED, NO_ANSWER }

    final Kind kind;
    final int status;
    final Map<String, List<String>> headers;
    final byte[] body;
    final Duration delay;

    private FakeHttpResponse(Kind kind, int status, Map<String, List<String>> headers, byte[] body, Duration delay) {
        this.kind = kind;
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.delay = delay;
    }

    /** A response with {@code status} and no body. */
    public static FakeHttpResponse status(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be in 100..599, but was " + status);
        }
        return new FakeHttpResponse(Kind.RESPONSE, status, Map.of(), new byte[0], Duration.ZERO);
    }

    /** A 200 response with a text body ({@code text/plain; charset=UTF-8}). */
    public static FakeHttpResponse ok(String body) {
        return status(200).body("text/plain; charset=UTF-8", body);
    }

    /** A response with a JSON body ({@code application/json}). */
    public static FakeHttpResponse json(int status, String json) {
        return status(status).body("application/json", json);
    }

    /** The connection is refused: no response, the client sees a {@code ConnectException}. */
    public static FakeHttpResponse connectionRefused() {
        return new FakeHttpResponse(Kind.REFUSED, 0, Map.of(), new byte[0], Duration.ZERO);
    }

    /** The server never answers: the request times out after its own timeout, on the fake clock. */
    public static FakeHttpResponse noAnswer() {
        return new FakeHttpResponse(Kind.NO_ANSWER, 0, Map.of(), new byte[0], Duration.ZERO);
    }

    /** Returns a copy with a body and its Content-Type. */
    public FakeHttpResponse body(String contentType, String body) {
        return body(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns a copy with a body and its Content-Type. */
    public FakeHttpResponse body(String contentType, byte[] body) {
        requireResponse("body");
        Map<String, List<String>> copy = copyHeaders();
        copy.keySet().removeIf(n -> n.equalsIgnoreCase("Content-Type"));
        copy.put("Content-Type", List.of(contentType));
        return new FakeHttpResponse(kind, status, copy, body.clone(), delay);
    }

    /** Returns a copy with a header value added. */
    public FakeHttpResponse header(String name, String value) {
        requireResponse("header");
        Map<String, List<String>> copy = copyHeaders();
        copy.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        return new FakeHttpResponse(kind, status, copy, body, delay);
    }

    /**
     * Returns a copy that answers after {@code delay} on the fake clock; a delay at or past the
     * request's timeout makes the request time out instead (the clock then advances by the timeout).
     */
    public FakeHttpResponse delay(Duration delay) {
        requireResponse("delay");
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("delay must be >= 0, but was " + delay);
        }
        return new FakeHttpResponse(kind, status, headers, body, delay);
    }

    HttpResponse toResponse() {
        return HttpResponse.of(status, headers, body);
    }

    private Map<String, List<String>> copyHeaders() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((n, v) -> copy.put(n, new ArrayList<>(v)));
        return copy;
    }

    private void requireResponse(String what) {
        if (kind != Kind.RESPONSE) {
            throw new IllegalStateException("A " + (kind == Kind.REFUSED ? "refused connection" : "request with no answer")
                    + " has no " + what);
        }
    }

    @Override
    public String toString() {
        return switch (kind) {
            case REFUSED -> "connection refused";
            case NO_ANSWER -> "no answer";
            case RESPONSE -> "HTTP " + status + (delay.isZero() ? "" : " after " + delay);
        };
    }
}
