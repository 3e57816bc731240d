package io.dataplatform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.AccessDeniedException;
import io.dataplatform.InvalidRequestException;
import io.dataplatform.ResourceAlreadyExistsException;
import io.dataplatform.ResourceConflictException;
import io.dataplatform.ResourceNotFoundException;
import io.dataplatform.RetryPolicy;
import io.dataplatform.ServiceUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class AwsInvokerTest {
    private final List<Duration> sleeps = new ArrayList<>();
    private final RetryPolicy policy = RetryPolicy.builder().maxAttempts(4).initialBackoff(Duration.ofMillis(100))
            .maxBackoff(Duration.ofMillis(250)).build();
    private final AwsInvoker invoker = new PlatformContext(Clock.systemUTC(), sleeps::add, new Random(7), policy, null)
            .invoker("S3");

    @Test
    void call_throttledTwice_succeedsOnThirdAttemptAfterTwoBackoffs() {
        AtomicInteger attempts = new AtomicInteger();

        String result = invoker.call("PutObject", "acme/key", () -> {
            if (attempts.incrementAndGet() <= 2) {
                throw error(503, "SlowDown");
            }
            return "stored";
        });

        assertThat(result).isEqualTo("stored");
        assertThat(attempts).hasValue(3);
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(0)).isBetween(Duration.ZERO, Duration.ofMillis(100));
        assertThat(sleeps.get(1)).isBetween(Duration.ZERO, Duration.ofMillis(200));
    }

    @Test
    void call_backoffNeverExceedsTheCap() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> invoker.call("GetObject", "acme/key", () -> {
            attempts.incrementAndGet();
            throw error(500, "InternalError");
        })).isInstanceOf(ServiceUnavailableException.class)
                .hasMessage("S3 GetObject on 'acme/key' failed: InternalError (HTTP 500): boom (gave up after retries)")
                .hasCauseInstanceOf(S3Exception.class);

        assertThat(attempts).hasValue(4);
        assertThat(sleeps).hasSize(3).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofMillis(250)));
    }

    @Test
    void call_withResourceSupplier_buildsTheResourceOnlyWhenTheCallFails() {
        AtomicInteger built = new AtomicInteger();
        Supplier<String> resource = () -> {
            built.incrementAndGet();
            return "acme/key";
        };

        assertThat(invoker.call("GetObject", resource, () -> "read")).isEqualTo("read");
        assertThat(built).hasValue(0);
        assertThatThrownBy(() -> invoker.call("GetObject", resource, () -> {
            throw error(500, "InternalError");
        })).isInstanceOf(ServiceUnavailableException.class)
                .hasMessage("S3 GetObject on 'acme/key' failed: InternalError (HTTP 500): boom (gave up after retries)");
        assertThat(built).hasValue(1);
        assertThat(sleeps).hasSize(3);
    }

    @Test
    void call_validationError_isNeverRetried() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> invoker.call("PutObject", "acme/key", () -> {
            attempts.incrementAndGet();
            throw error(400, "InvalidArgument");
        })).isInstanceOf(InvalidRequestException.class);

        assertThat(attempts).hasValue(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void call_notImplemented501_isNeverRetried() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> invoker.call("PutBucketLifecycleConfiguration", "acme", () -> {
            attempts.incrementAndGet();
            throw error(501, "NotImplemented");
        })).isInstanceOf(InvalidRequestException.class)
                .hasMessage("S3 PutBucketLifecycleConfiguration on 'acme' failed: NotImplemented (HTTP 501): boom");

        assertThat(attempts).hasValue(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void call_retryableClientError_isRetried() {
        AtomicInteger attempts = new AtomicInteger();

        String result = invoker.call("GetObject", "acme/key", () -> {
            if (attempts.incrementAndGet() == 1) {
                throw SdkClientException.builder().message("connection reset")
                        .cause(new java.net.SocketException("Connection reset")).build();
            }
            return "ok";
        });

        assertThat(result).isEqualTo("ok");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void callCreating_retryFindingItDone_succeeds_butAFirstAttemptThatFindsItExistingFails() {
        AtomicInteger attempts = new AtomicInteger();

        Object result = invoker.callCreating("CreateTable", "sales.orders", () -> {
            throw attempts.incrementAndGet() == 1 ? error(500, "InternalServiceException") : error(400, "AlreadyExistsException");
        }, "AlreadyExistsException");

        assertThat(result).isNull();
        assertThat(attempts).hasValue(2);
        assertThatThrownBy(() -> invoker.callCreating("CreateTable", "sales.orders", () -> {
            throw error(400, "AlreadyExistsException");
        }, "AlreadyExistsException")).isInstanceOf(ResourceAlreadyExistsException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "404, NoSuchKey, io.dataplatform.ResourceNotFoundException",
        "404, '', io.dataplatform.ResourceNotFoundException",
        "400, EntityNotFoundException, io.dataplatform.ResourceNotFoundException",
        "409, BucketAlreadyOwnedByYou, io.dataplatform.ResourceAlreadyExistsException",
        "400, AlreadyExistsException, io.dataplatform.ResourceAlreadyExistsException",
        "403, AccessDenied, io.dataplatform.AccessDeniedException",
        "409, BucketNotEmpty, io.dataplatform.ResourceConflictException",
        "400, CrawlerRunningException, io.dataplatform.ResourceConflictException",
        "400, MalformedPolicy, io.dataplatform.InvalidRequestException",
    })
    void call_translatesErrorsByCodeAndStatus(int status, String code, Class<?> expected) {
        assertThatThrownBy(() -> invoker.call("Op", "res", () -> {
            throw error(status, code);
        })).isInstanceOf(expected);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void exceptionTypes_shareTheRoot() {
        assertThat(List.of(ResourceNotFoundException.class, ResourceAlreadyExistsException.class,
                AccessDeniedException.class, ResourceConflictException.class, InvalidRequestException.class,
                ServiceUnavailableException.class))
                .allSatisfy(type -> assertThat(io.dataplatform.DataPlatformException.class).isAssignableFrom(type));
    }

    private static AwsServiceException error(int status, String code) {
        return S3Exception.builder().statusCode(status).message("boom")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code.isEmpty() ? null : code).errorMessage("boom")
                        .serviceName("S3").build())
                .build();
    }
}
