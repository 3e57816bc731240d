package io.dataplatform.http;

import java.io.IOException;
import java.time.Duration;

/**
 * Sends one attempt of an HTTP request: what {@link Http} retries over. The production transport is
 * {@link #jdk()} ({@code java.net.http.HttpClient}); a test plugs in FakeAws's registered responses
 * through {@code DataPlatform.Builder.httpTransport(..)}, so no call leaves the machine.
 */
@FunctionalInterface
public interface HttpTransport {

    /**
     * Sends {@code request} once and returns its response, whatever its status.
     *
     * @param timeout how long to wait for the whole response
     * @throws java.net.http.HttpTimeoutException when the response did not arrive within {@code timeout}
     * @throws java.net.ConnectException          when no connection could be made (refused, unreachable)
     * @throws IOException                        for any other I/O failure (reset, closed mid-response)
     */
    HttpResponse exchange(HttpRequest request, Duration timeout) throws IOException, InterruptedException;

    /** Returns a transport over a new {@code java.net.http.HttpClient} (HTTP/2 or 1.1, redirects followed). */
    static HttpTransport jdk() {
        return io.dataplatform.http.internal.JdkHttpTransport.create();
    }
}
