package io.dataplatform.http;

import io.dataplatform.internal.Checks;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The response to an {@link HttpRequest}: status, headers and the whole body. Immutable.
 *
 * <pre>{@code
 * HttpResponse response = context.http().get("https://api.example.com/rates?date=2024-01-31");
 * String json = response.bodyAsString();
 * }</pre>
 */
public final class HttpResponse {
    private static final io.dataplatform.internal.Lazy<com.fasterxml.jackson.databind.ObjectMapper> JSON =
            io.dataplatform.internal.Lazy.of(() -> com.fasterxml.jackson.databind.json.JsonMapper.builder()
                    .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                    .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build());

    private final int statusCode;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    /**
     * Returns a response (transports create them; so can tests).
     *
     * @throws IllegalArgumentException if the status is not in 100..599
     */
    public static HttpResponse of(int statusCode, Map<String, List<String>> headers, byte[] body) {
        return new HttpResponse(statusCode, headers, body);
    }

    private HttpResponse(int statusCode, Map<String, List<String>> headers, byte[] body) {
        Checks.require(statusCode >= 100 && statusCode <= 599, "statusCode must be in 100..599, but was %s", statusCode);
        Checks.notNull(headers, "headers");
        Checks.notNull(body, "body");
        this.statusCode = statusCode;
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        this.headers = Collections.unmodifiableMap(copy);
        this.body = body.clone();
    }

    /** Returns the HTTP status code. */
    public int statusCode() {
        return statusCode;
    }

    /** Returns whether the status is 2xx. */
    public boolean successful() {
        return statusCode >= 200 && statusCode < 300;
    }

    /** Returns the headers, each with its values in order. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** Returns the first value of header {@code name} (case-insensitive), if present. */
    public Optional<String> header(String name) {
        return Headers.first(headers, name);
    }

    /** Returns a copy of the body. */
    public byte[] body() {
        return body.clone();
    }

    /** Returns the body decoded as UTF-8. */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * Returns the JSON body mapped onto {@code type} (a record, a POJO, {@code Map.class}, {@code JsonNode}),
     * ignoring properties the type does not have; ISO dates and times map onto {@code java.time} types.
     *
     * @throws IllegalArgumentException if the body is not JSON that fits {@code type}
     */
    public <T> T json(Class<T> type) {
        try {
            return JSON.get().readValue(body, type);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("The response body is not JSON that maps onto " + type.getSimpleName()
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "HttpResponse{status=" + statusCode + ", bytes=" + body.length + "}";
    }
}
