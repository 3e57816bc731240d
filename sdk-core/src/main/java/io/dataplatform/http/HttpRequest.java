package io.dataplatform.http;

import io.dataplatform.internal.Checks;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One HTTP request a task sends through {@link Http}: method, absolute http(s) URI, headers, body,
 * and the timeout of each attempt. Immutable.
 *
 * <pre>{@code
 * HttpRequest request = HttpRequest.post("https://api.example.com/orders")
 *         .header("Authorization", "Bearer " + token)
 *         .body("application/json", "{\"id\":42}")
 *         .timeout(Duration.ofSeconds(5))
 *         .build();
 * }</pre>
 */
public final class HttpRequest {
    /** The timeout of one attempt when the request sets none. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** Headers whose values never appear in {@link #toString()} or in exception messages. */
    /** Query parameters whose values never appear in messages: API keys and signatures travel there too. */
    private static final java.util.regex.Pattern SECRET_QUERY = java.util.regex.Pattern.compile(
            "(?i)([?&][^=&]*(?:key|token|secret|password|passwd|signature|sig|auth|credential)[^=&]*=)[^&#]*");
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "x-api-key", "x-amz-security-token");

    private final HttpMethod method;
    private final URI uri;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final Duration timeout;
    private final Boolean idempotent;

    private HttpRequest(Builder builder) {
        this.method = builder.method;
        this.uri = builder.uri;
        Map<String, List<String>> copy = new LinkedHashMap<>();
        builder.headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        this.headers = Collections.unmodifiableMap(copy);
        this.body = builder.body.clone();
        this.timeout = builder.timeout;
        this.idempotent = builder.idempotent;
    }

    /** Starts a GET of {@code uri}. */
    public static Builder get(String uri) {
        return builder(HttpMethod.GET, uri);
    }

    /** Starts a POST to {@code uri}. */
    public static Builder post(String uri) {
        return builder(HttpMethod.POST, uri);
    }

    /** Starts a request of any method. */
    public static Builder builder(HttpMethod method, String uri) {
        return new Builder(Checks.notNull(method, "method"), parse(uri));
    }

    /** Returns the method. */
    public HttpMethod method() {
        return method;
    }

    /** Returns the absolute http or https URI. */
    public URI uri() {
        return uri;
    }

    /** Returns the headers, names as given, each with its values in order. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** Returns the first value of header {@code name} (case-insensitive), if present. */
    public Optional<String> header(String name) {
        return Headers.first(headers, name);
    }

    /** Returns a copy of the body; empty when there is none. */
    public byte[] body() {
        return body.clone();
    }

    /** Returns the body decoded as UTF-8. */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Returns the timeout of one attempt: from sending to the whole response having arrived. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Returns whether sending the request twice has the effect of sending it once: the method's own
     * idempotency unless {@link Builder#idempotent(boolean)} said otherwise. Only idempotent requests
     * are retried after a timeout or a 5xx other than 503, where the first attempt may have taken effect.
     */
    public boolean idempotent() {
        return idempotent != null ? idempotent : method.idempotent();
    }

    /**
     * Returns the URI for messages and logs: the values of query parameters that look like secrets
     * ({@code api_key}, {@code token}, {@code X-Amz-Signature}, ...) replaced by {@code ****}.
     */
    public String redactedUri() {
        return SECRET_QUERY.matcher(uri.toString()).replaceAll("$1****");
    }

    /** Returns method, URI and headers; secret header and query values are masked. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(method + " " + redactedUri());
        if (!headers.isEmpty()) {
            List<String> shown = new ArrayList<>();
            headers.forEach((name, values) -> shown.add(name + ": "
                    + (SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? "****" : String.join(", ", values))));
            out.append(" ").append(shown);
        }
        return out.toString();
    }

    private static URI parse(String uri) {
        Checks.notEmpty(uri, "uri");
        URI parsed;
        try {
            parsed = URI.create(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid uri '" + uri + "': " + e.getMessage(), e);
        }
        Checks.require(parsed.getScheme() != null
                        && (parsed.getScheme().equalsIgnoreCase("http") || parsed.getScheme().equalsIgnoreCase("https")),
                "Invalid uri '%s': must be an absolute http:// or https:// URI", uri);
        Checks.require(parsed.getHost() != null && !parsed.getHost().isEmpty(), "Invalid uri '%s': must name a host", uri);
        return parsed;
    }

    /** Builds an {@link HttpRequest}. */
    public static final class Builder {
        private final HttpMethod method;
        private URI uri;
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private byte[] body = new byte[0];
        private Duration timeout = DEFAULT_TIMEOUT;
        private Boolean idempotent;

        private Builder(HttpMethod method, URI uri) {
            this.method = method;
            this.uri = uri;
        }

        /** Adds a header value (a header may have several). */
        public Builder header(String name, String value) {
            Checks.notEmpty(name, "header name");
            Checks.require(name.chars().allMatch(c -> c > 32 && c < 127 && c != ':'),
                    "Invalid header name '%s': must be visible ASCII without ':'", name);
            Checks.notNull(value, "value of header " + name);
            Checks.require(value.indexOf('\r') < 0 && value.indexOf('\n') < 0,
                    "Invalid value of header '%s': must not contain line breaks", name);
            headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            return this;
        }

        /** Appends a query parameter, both name and value URL-encoded ({@code query("date", "2024-01-31")}). */
        public Builder query(String name, String value) {
            Checks.notEmpty(name, "query parameter name");
            Checks.notNull(value, "value of query parameter " + name);
            String pair = java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8) + "="
                    + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
            String text = uri.toString();
            int fragment = text.indexOf('#');
            String base = fragment < 0 ? text : text.substring(0, fragment);
            String tail = fragment < 0 ? "" : text.substring(fragment);
            uri = URI.create(base + (uri.getRawQuery() == null ? "?" : "&") + pair + tail);
            return this;
        }

        /** Sets the body and its {@code Content-Type}. */
        public Builder body(String contentType, byte[] body) {
            Checks.notEmpty(contentType, "contentType");
            Checks.notNull(body, "body");
            Checks.require(method != HttpMethod.GET && method != HttpMethod.HEAD,
                    "A %s request has no body: use POST, PUT or PATCH", method);
            headers.keySet().removeIf(n -> n.equalsIgnoreCase("Content-Type"));
            header("Content-Type", contentType);
            this.body = body.clone();
            return this;
        }

        /** Sets a text body and its {@code Content-Type}; the text is sent as UTF-8. */
        public Builder body(String contentType, String body) {
            Checks.notNull(body, "body");
            return body(contentType, body.getBytes(StandardCharsets.UTF_8));
        }

        /** Sets a JSON body ({@code application/json}). */
        public Builder json(String json) {
            return body("application/json", json);
        }

        /** Sets the timeout of one attempt (> 0); defaults to {@link HttpRequest#DEFAULT_TIMEOUT}. */
        public Builder timeout(Duration timeout) {
            this.timeout = Checks.positive(timeout, "timeout");
            return this;
        }

        /**
         * Declares whether the request may safely be sent twice (a POST with an idempotency key, say),
         * overriding the method's own idempotency; see {@link HttpRequest#idempotent()}.
         */
        public Builder idempotent(boolean idempotent) {
            this.idempotent = idempotent;
            return this;
        }

        /** Returns the request. */
        public HttpRequest build() {
            return new HttpRequest(this);
        }
    }
}
