package io.dataplatform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Requests are checked when built; what is idempotent decides what may be retried after a timeout. */
class HttpRequestTest {

    @Test
    void build_refusesWhatCannotBeSent() {
        assertThatThrownBy(() -> HttpRequest.get("ftp://x.example/a")).hasMessage("Invalid uri 'ftp://x.example/a': must be"
                + " an absolute http:// or https:// URI");
        assertThatThrownBy(() -> HttpRequest.get("/relative")).hasMessageContaining("must be an absolute http:// or https:// URI");
        assertThatThrownBy(() -> HttpRequest.get("https://x.example").body("text/plain", "x"))
                .hasMessage("A GET request has no body: use POST, PUT or PATCH");
        assertThatThrownBy(() -> HttpRequest.get("https://x.example").header("X-A", "1\r\nX-B: 2"))
                .hasMessage("Invalid value of header 'X-A': must not contain line breaks");
        assertThatThrownBy(() -> HttpRequest.get("https://x.example").timeout(Duration.ZERO)).hasMessage("timeout must be > 0, but was PT0S");
    }

    @Test
    void idempotency_followsTheMethodUnlessDeclared() {
        assertThat(HttpRequest.get("https://x.example").build().idempotent()).isTrue();
        assertThat(HttpRequest.post("https://x.example").build().idempotent()).isFalse();
        assertThat(HttpRequest.post("https://x.example").idempotent(true).build().idempotent()).isTrue();
    }

    @Test
    void query_encodesAndAppends() {
        HttpRequest request = HttpRequest.get("https://x.example/rates?base=eur#top").query("date", "2024-01-31")
                .query("q", "a b&c=d").build();

        assertThat(request.uri()).hasToString("https://x.example/rates?base=eur&date=2024-01-31&q=a%20b%26c%3Dd#top");
    }
}
