package io.dataplatform.testing.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.DataPlatform;
import io.dataplatform.RetryPolicy;
import io.dataplatform.http.HttpCallException;
import io.dataplatform.http.HttpRequest;
import io.dataplatform.tasks.TaskRun;
import io.dataplatform.testing.FakeAws;
import io.dataplatform.testing.FakeHttpResponse;
import io.dataplatform.testing.NoRegisteredResponseException;
import io.dataplatform.testing.RecordedHttpRequest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An API job on FakeAws: HTTP never leaves the machine; retries and timeouts follow the platform's retry policy on the fake clock. */
class ApiTaskTest {
    private static final String RATES_URL = FetchRates.API + "?date=2024-01-31";
    private static final String RATES = "{\"date\":\"2024-01-31\",\"eur\":1.0817,\"gbp\":0.8612}";

    private FakeAws aws;
    private DataPlatform platform;

    @BeforeEach
    void setUp() {
        aws = FakeAws.create();
        platform = aws.dataPlatform();
        platform.bucket("acme-raw").create();
    }

    @Test
    void apiTask_fetchesFromARegisteredResponse_intoS3() {
        aws.http().on("GET", RATES_URL).respond(FakeHttpResponse.json(200, RATES));

        TaskRun run = platform.tasks().run(FetchRates.class, "--date", "2024-01-31").orThrow();

        assertThat(platform.bucket("acme-raw").get("rates/date=2024-01-31/rates.json").string()).isEqualTo(RATES);
        assertThat(aws.http().requests()).singleElement().satisfies(r -> {
            assertThat(r.target()).isEqualTo("GET " + RATES_URL);
            assertThat(r.request().header("accept")).contains("application/json");
            assertThat(r.statusCode()).isEqualTo(200);
        });
        assertThat(run.duration()).isZero();
    }

    @Test
    void unregisteredUrl_failsTheTask_namingTheUrlAndTheNearestRegisteredOnes() {
        aws.http().on("GET", FetchRates.API + "?date=2024-01-30").respond(FakeHttpResponse.json(200, RATES));
        aws.http().on("POST", "https://hooks.example.com/*").respond(FakeHttpResponse.status(204));

        TaskRun run = platform.tasks().run(FetchRates.class, "--date", "2024-01-31");

        assertThat(run.succeeded()).isFalse();
        assertThat(run.error()).isInstanceOf(NoRegisteredResponseException.class)
                .hasMessageStartingWith("FakeAws HTTP: no response registered for GET " + RATES_URL
                        + " (nearest registered: GET " + FetchRates.API + "?date=2024-01-30, POST https://hooks.example.com/*)");
        assertThat(aws.http().requests()).as("not retried").hasSize(1);
    }

    @Test
    void aSequence503Then200_isRetriedUnderTheRetryPolicy_onTheFakeClock() {
        aws.http().on("GET", RATES_URL).respond(FakeHttpResponse.status(503), FakeHttpResponse.json(200, RATES));
        Instant start = aws.clock().instant();

        TaskRun run = platform.tasks().run(FetchRates.class, "--date", "2024-01-31").orThrow();

        assertThat(aws.http().requests()).extracting(RecordedHttpRequest::statusCode).containsExactly(503, 200);
        Duration waited = Duration.between(start, aws.clock().instant());
        assertThat(waited).as("one full-jitter backoff under the default 100 ms").isBetween(Duration.ZERO, Duration.ofMillis(100));
        assertThat(run.duration()).isEqualTo(waited);
        assertThat(platform.bucket("acme-raw").get("rates/date=2024-01-31/rates.json").string()).isEqualTo(RATES);
    }

    @Test
    void aServerThatStaysDown_failsAfterMaxAttempts_withTheLastStatus() {
        aws.http().on("GET", RATES_URL).respond(FakeHttpResponse.status(503).body("text/plain", "maintenance"));
        DataPlatform threeTries = aws.dataPlatformBuilder().retryPolicy(RetryPolicy.builder().maxAttempts(3).build()).build();

        HttpCallException e = (HttpCallException) threeTries.tasks().run(FetchRates.class, "--date", "2024-01-31").error();

        assertThat(e).hasMessage("GET " + RATES_URL + " failed: HTTP 503 maintenance (gave up after 3 attempts)");
        assertThat(e.statusCode()).isEqualTo(503);
        assertThat(e.attempts()).isEqualTo(3);
        assertThat(aws.http().requests()).hasSize(3);
    }

    @Test
    void clientErrors_areNeverRetried_but429Is_andRetryAfterIsHonoured() {
        aws.http().on("GET", "https://api.example.com/missing").respond(404, "no such thing");
        assertThatThrownBy(() -> platform.http().get("https://api.example.com/missing"))
                .isInstanceOf(HttpCallException.class)
                .hasMessage("GET https://api.example.com/missing failed: HTTP 404 no such thing (not retried)");
        assertThat(aws.http().requestsTo("https://api.example.com/missing")).hasSize(1);

        aws.http().on("GET", "https://api.example.com/busy")
                .respond(FakeHttpResponse.status(429).header("Retry-After", "3"), FakeHttpResponse.ok("done"));
        Instant before = aws.clock().instant();
        assertThat(platform.http().get("https://api.example.com/busy").bodyAsString()).isEqualTo("done");
        assertThat(Duration.between(before, aws.clock().instant())).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aPostIsRetriedOnlyWhereTheServerCannotHaveActed() {
        aws.http().on("POST", "https://api.example.com/orders").respond(FakeHttpResponse.status(500), FakeHttpResponse.status(201));
        assertThatThrownBy(() -> platform.http().post("https://api.example.com/orders", "application/json", "{}"))
                .hasMessage("POST https://api.example.com/orders failed: HTTP 500 (not retried)");

        aws.http().on("POST", "https://api.example.com/queue").respond(FakeHttpResponse.status(503), FakeHttpResponse.status(202));
        assertThat(platform.http().post("https://api.example.com/queue", "application/json", "{}").statusCode()).isEqualTo(202);

        aws.http().on("POST", "https://api.example.com/payments").respond(FakeHttpResponse.status(502), FakeHttpResponse.status(201));
        assertThat(platform.http().send(HttpRequest.post("https://api.example.com/payments").json("{\"key\":\"k-1\"}")
                .idempotent(true).build()).statusCode()).as("declared idempotent (an idempotency key)").isEqualTo(201);
    }

    @Test
    void aResponseSlowerThanTheTimeout_timesOutOnTheFakeClock_andIsRetried() {
        aws.http().on("GET", RATES_URL).respond(
                FakeHttpResponse.json(200, RATES).delay(Duration.ofSeconds(45)),
                FakeHttpResponse.json(200, RATES).delay(Duration.ofSeconds(2)));
        Instant start = aws.clock().instant();

        TaskRun run = platform.tasks().run(FetchRates.class, "--date", "2024-01-31").orThrow();

        assertThat(aws.http().requests()).extracting(RecordedHttpRequest::outcome).containsExactly("timed out", "200");
        Duration elapsed = Duration.between(start, aws.clock().instant());
        assertThat(elapsed).as("the 30 s default timeout, a backoff, then the 2 s answer")
                .isBetween(Duration.ofSeconds(32), Duration.ofSeconds(32).plusMillis(100));
        assertThat(run.duration()).isEqualTo(elapsed);
    }

    @Test
    void aServerThatNeverAnswers_failsWithATimeout_afterEveryAttempt() {
        aws.http().on("GET", "https://api.example.com/hang").neverAnswer();
        DataPlatform twoTries = aws.dataPlatformBuilder().retryPolicy(RetryPolicy.builder().maxAttempts(2).build()).build();

        HttpCallException e = (HttpCallException) org.assertj.core.api.Assertions.catchThrowable(() -> twoTries.http()
                .send(HttpRequest.get("https://api.example.com/hang").timeout(Duration.ofSeconds(5)).build()));

        assertThat(e.timedOut()).isTrue();
        assertThat(e.response()).isEmpty();
        assertThat(e).hasMessage("GET https://api.example.com/hang failed: no response within its timeout of 5000 ms"
                + " (gave up after 2 attempts)");
        assertThat(aws.http().requests()).hasSize(2);
    }

    @Test
    void aRefusedConnection_isRetried() {
        aws.http().on("GET", RATES_URL).respond(FakeHttpResponse.connectionRefused(), FakeHttpResponse.json(200, RATES));

        platform.tasks().run(FetchRates.class, "--date", "2024-01-31").orThrow();

        assertThat(aws.http().requests()).extracting(RecordedHttpRequest::outcome).containsExactly("connection refused", "200");
    }

    @Test
    void secretsInTheUrlOrHeaders_stayOutOfMessages() {
        aws.http().on("GET", "https://api.example.com/data?api_key=s3cr3t&day=1").respond(401, "bad key");

        HttpCallException e = (HttpCallException) org.assertj.core.api.Assertions.catchThrowable(() -> platform.http()
                .send(HttpRequest.get("https://api.example.com/data?api_key=s3cr3t&day=1")
                        .header("Authorization", "Bearer t0ken").build()));

        assertThat(e).hasMessage("GET https://api.example.com/data?api_key=****&day=1 failed: HTTP 401 bad key (not retried)");
        assertThat(e.request().toString()).doesNotContain("s3cr3t").doesNotContain("t0ken").contains("Authorization: ****");
    }

    /** The rates API's answer. */
    record Rates(java.time.LocalDate date, java.math.BigDecimal eur) {
    }

    @Test
    void queryParametersAreEncoded_andAJsonBodyMapsOntoARecord() {
        aws.http().on("GET", FetchRates.API + "?date=2024-01-31&note=a%20b%26c").respond(FakeHttpResponse.json(200, RATES));

        Rates rates = platform.http().send(HttpRequest.get(FetchRates.API).query("date", "2024-01-31")
                .query("note", "a b&c").build()).json(Rates.class);

        assertThat(rates).isEqualTo(new Rates(java.time.LocalDate.parse("2024-01-31"), new java.math.BigDecimal("1.0817")));
    }
}
