package io.dataplatform.testing;

import io.dataplatform.testing.internal.Arguments;
import io.dataplatform.http.HttpMethod;
import io.dataplatform.http.HttpRequest;
import io.dataplatform.http.HttpResponse;
import io.dataplatform.http.HttpTransport;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The HTTP of one {@link FakeAws} world: a test registers what each method and URL answers, and the
 * platform's {@code http()} (so every task's) gets those answers instead of the network. A URL is
 * matched exactly, query string included; a registered URL ending in {@code *} matches every URL that
 * starts with the rest. A request with nothing registered fails with
 * {@link NoRegisteredResponseException} naming the URL and the nearest registered ones. Every request is
 * recorded. Delays and timeouts pass on the world's clock, so a test never waits.
 *
 * <pre>{@code
 * aws.http().on("GET", "https://api.example.com/rates").respond(FakeHttpResponse.json(200, "{\"eur\":1.08}"));
 * aws.http().on("GET", "https://api.example.com/flaky")
 *         .respond(FakeHttpResponse.status(503), FakeHttpResponse.ok("fine"));   // a sequence; the last repeats
 * aws.http().on("POST", "https://hooks.example.com/*").respond(FakeHttpResponse.status(204));
 * assertThat(aws.http().requests()).hasSize(3);
 * }</pre>
 */
public final class FakeHttp implements HttpTransport {
    private final FakeClock clock;
    private final Map<String, Stub> stubs = new LinkedHashMap<>();
    private final List<RecordedHttpRequest> requests = new ArrayList<>();

    FakeHttp(FakeClock clock) {
        this.clock = clock;
    }

    /** Returns the registration for {@code method} (GET, POST, ...) and {@code url}. */
    public Registration on(String method, String url) {
        HttpMethod parsed;
        try {
            parsed = HttpMethod.valueOf(method == null ? "" : method.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid method '" + method + "': one of GET, HEAD, POST, PUT, PATCH, DELETE");
        }
        return on(parsed, url);
    }

    /** Returns the registration for {@code method} and {@code url}. */
    public Registration on(HttpMethod method, String url) {
        if (method == null || url == null) {
            throw new IllegalArgumentException("method and url must be given, as in on(\"GET\", \"https://api.example.com/rates\")");
        }
        // Validates the URL as a request would (absolute http or https).
        HttpRequest.builder(method, url.endsWith("*") ? url.substring(0, url.length() - 1) + "x" : url).build();
        return new Registration(method + " " + url);
    }

    /** Returns every request received, oldest first. */
    public synchronized List<RecordedHttpRequest> requests() {
        return List.copyOf(requests);
    }

    /** Returns the requests to {@code url} (exact, query string included), oldest first. */
    public synchronized List<RecordedHttpRequest> requestsTo(String url) {
        Arguments.notNull(url, "url");
        return requests.stream().filter(r -> r.request().uri().toString().equals(url)).toList();
    }

    /** Removes every registration (the record of requests stays). */
    public synchronized void reset() {
        stubs.clear();
    }

    /** Registers answers for one method and URL. */
    public final class Registration {
        private final String key;

        private Registration(String key) {
            this.key = key;
        }

        /** Answers every request with {@code status} and a text body. */
        public void respond(int status, String body) {
            respond(FakeHttpResponse.status(status).body("text/plain; charset=UTF-8", body));
        }

        /**
         * Answers requests with {@code responses} in turn: the first request gets the first, and so on;
         * once they run out, the last one answers every further request. Replaces an earlier registration.
         */
        public void respond(FakeHttpResponse... responses) {
            if (responses == null || responses.length == 0) {
                throw new IllegalArgumentException("Give at least one response");
            }
            for (FakeHttpResponse response : responses) {
                if (response == null) {
                    throw new IllegalArgumentException("responses must not contain null");
                }
            }
            synchronized (FakeHttp.this) {
                stubs.put(key, new Stub(List.of(responses)));
            }
        }

        /** Refuses every connection. */
        public void refuseConnection() {
            respond(FakeHttpResponse.connectionRefused());
        }

        /** Never answers: every request times out. */
        public void neverAnswer() {
            respond(FakeHttpResponse.noAnswer());
        }
    }

    private static final class Stub {
        final List<FakeHttpResponse> responses;
        int served;

        Stub(List<FakeHttpResponse> responses) {
            this.responses = responses;
        }

        FakeHttpResponse next() {
            return responses.get(Math.min(served++, responses.size() - 1));
        }
    }

    @Override
    public HttpResponse exchange(HttpRequest request, Duration timeout) throws ConnectException, HttpTimeoutException {
        Arguments.notNull(request, "request");
        FakeHttpResponse answer;
        var arrived = clock.instant();
        synchronized (this) {
            Stub stub = find(request);
            if (stub == null) {
                requests.add(new RecordedHttpRequest(request, arrived, 0, "no response registered"));
                throw new NoRegisteredResponseException(unregistered(request));
            }
            answer = stub.next();
        }
        switch (answer.kind) {
            case REFUSED -> {
                record(request, arrived, 0, "connection refused");
                throw new ConnectException("Connection refused: " + request.uri().getHost()
                        + (request.uri().getPort() > 0 ? ":" + request.uri().getPort() : "") + " (FakeAws HTTP)");
            }
            case NO_ANSWER -> {
                clock.advance(timeout);
                record(request, arrived, 0, "timed out");
                throw new HttpTimeoutException("request timed out (FakeAws HTTP: no answer registered within "
                        + timeout.toMillis() + " ms)");
            }
            default -> {
                if (answer.delay.compareTo(timeout) >= 0) {
                    clock.advance(timeout);
                    record(request, arrived, 0, "timed out");
                    throw new HttpTimeoutException("request timed out (FakeAws HTTP: the response comes after "
                            + answer.delay.toMillis() + " ms, the timeout is " + timeout.toMillis() + " ms)");
                }
                if (!answer.delay.isZero()) {
                    clock.advance(answer.delay);
                }
                record(request, arrived, answer.status, Integer.toString(answer.status));
                return answer.toResponse();
            }
        }
    }

    private synchronized void record(HttpRequest request, java.time.Instant arrived, int status, String outcome) {
        requests.add(new RecordedHttpRequest(request, arrived, status, outcome));
    }

    private Stub find(HttpRequest request) {
        String key = request.method() + " " + request.uri();
        Stub exact = stubs.get(key);
        if (exact != null) {
            return exact;
        }
        return stubs.entrySet().stream()
                .filter(e -> e.getKey().endsWith("*") && key.startsWith(e.getKey().substring(0, e.getKey().length() - 1)))
                .max(Comparator.comparingInt(e -> e.getKey().length()))
                .map(Map.Entry::getValue).orElse(null);
    }

    private String unregistered(HttpRequest request) {
        String key = request.method() + " " + request.uri();
        String nearest = stubs.keySet().stream()
                .sorted(Comparator.comparingInt((String k) -> distance(k, key)).thenComparing(k -> k))
                .limit(3).collect(Collectors.joining(", "));
        return "FakeAws HTTP: no response registered for " + key + " ("
                + (stubs.isEmpty() ? "nothing is registered" : "nearest registered: " + nearest)
                + "); register one with aws.http().on(\"" + request.method() + "\", \"" + request.uri() + "\").respond(..)";
    }

    /** Levenshtein distance: a typo in a path is one or two edits away from what was meant. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    @Override
    public String toString() {
        return "FakeHttp{" + stubs.size() + " registered, " + requests.size() + " requests}";
    }
}
