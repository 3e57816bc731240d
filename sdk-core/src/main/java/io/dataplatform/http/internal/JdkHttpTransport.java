package io.dataplatform.http.internal;

import io.dataplatform.http.HttpRequest;
import io.dataplatform.http.HttpResponse;
import io.dataplatform.http.HttpTransport;
import io.dataplatform.internal.Lazy;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;

/** The production {@link HttpTransport}: one {@code java.net.http.HttpClient}, redirects followed. */
public final class JdkHttpTransport implements HttpTransport {
    /** How long establishing a connection may take; the request's own timeout bounds the rest. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** Made on first use: a client starts a selector thread, and most platforms never call out. */
    private final Lazy<HttpClient> client = Lazy.of(() -> HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build());

    private JdkHttpTransport() {
    }

    /** Returns a transport over a client made on first use. */
    public static JdkHttpTransport create() {
        return new JdkHttpTransport();
    }

    @Override
    public HttpResponse exchange(HttpRequest request, Duration timeout) throws IOException, InterruptedException {
        byte[] body = request.body();
        java.net.http.HttpRequest.BodyPublisher publisher = body.length == 0
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofByteArray(body);
        java.net.http.HttpRequest.Builder jdk = java.net.http.HttpRequest.newBuilder(request.uri())
                .timeout(timeout)
                .method(request.method().name(), publisher);
        request.headers().forEach((name, values) -> values.forEach(value -> jdk.header(name, value)));
        java.net.http.HttpResponse<byte[]> response = client.get().send(jdk.build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        return HttpResponse.of(response.statusCode(), response.headers().map(), response.body());
    }

    @Override
    public String toString() {
        return "JdkHttpTransport";
    }
}
