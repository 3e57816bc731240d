package io.dataplatform.testing;

import io.dataplatform.http.HttpRequest;
import java.time.Instant;

/**
 * One HTTP request a {@link FakeHttp} received, with how it was answered.
 *
 * @param request    the request as sent
 * @param at         the fake clock's time when it arrived
 * @param statusCode the status answered, or 0 when none was (refused, timed out, nothing registered)
 * @param outcome    what happened, in words: {@code "200"}, {@code "connection refused"}, {@code "timed out"},
 *                   {@code "no response registered"}
 */
public record RecordedHttpRequest(HttpRequest request, Instant at, int statusCode, String outcome) {

    /** Returns the method and URL, as in {@code "GET https://api.example.com/rates"}. */
    public String target() {
        return request.method() + " " + request.uri();
    }
}
