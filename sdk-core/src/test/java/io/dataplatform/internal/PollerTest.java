package io.dataplatform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.OperationTimeoutException;
import io.dataplatform.RetryPolicy;
import io.dataplatform.ServiceUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PollerTest {
    private Instant now = Instant.parse("2024-01-01T00:00:00Z");
    private final List<Duration> pauses = new ArrayList<>();
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final PlatformContext platform = new PlatformContext(clock, pause -> {
        pauses.add(pause);
        now = now.plus(pause);
    }, new Random(1), RetryPolicy.builder().build(), null);
    private final Poller poller = Poller.builder(platform, "job run jr_1")
            .firstPause(Duration.ofSeconds(2)).maxPause(Duration.ofSeconds(5)).build();

    @Test
    void await_pausesGrowByHalfUpToTheCeiling_andReportsEveryStatus() {
        Iterator<String> states = List.of("STARTING", "RUNNING", "RUNNING", "RUNNING", "SUCCEEDED").iterator();
        List<String> seen = new ArrayList<>();

        String last = poller.await(states::next, "SUCCEEDED"::equals, seen::add, null, s -> new IllegalStateException());

        assertThat(last).isEqualTo("SUCCEEDED");
        assertThat(seen).containsExactly("STARTING", "RUNNING", "RUNNING", "RUNNING", "SUCCEEDED");
        assertThat(pauses).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofMillis(4500),
                Duration.ofSeconds(5));
    }

    @Test
    void await_unreadableStatus_isWaitedOut() {
        Iterator<Object> reads = List.<Object>of(new ServiceUnavailableException("Rate exceeded"), "RUNNING", "DONE")
                .iterator();

        String last = poller.await(() -> {
            Object next = reads.next();
            if (next instanceof RuntimeException e) {
                throw e;
            }
            return (String) next;
        }, "DONE"::equals, s -> { }, Duration.ofMinutes(1), s -> new IllegalStateException());

        assertThat(last).isEqualTo("DONE");
    }

    @Test
    void await_pastTheTimeout_throwsWhatTheCallerBuiltFromTheLastStatus_andNeverSleepsPastTheDeadline() {
        Object handle = new Object();

        assertThatThrownBy(() -> poller.await(() -> "RUNNING", "DONE"::equals, s -> { }, Duration.ofSeconds(6),
                last -> new OperationTimeoutException(handle, "still " + last)))
                .isInstanceOfSatisfying(OperationTimeoutException.class, e -> {
                    assertThat(e.handle()).isSameAs(handle);
                    assertThat(e.handle(Object.class)).isSameAs(handle);
                })
                .hasMessage("still RUNNING");
        assertThat(pauses).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(1));
    }

    @Test
    void await_neverReadable_timesOutWithNoStatus_andKeepsTheReadFailure() {
        ServiceUnavailableException throttled = new ServiceUnavailableException("Rate exceeded");

        assertThatThrownBy(() -> poller.await(() -> {
            throw throttled;
        }, s -> true, s -> { }, Duration.ofSeconds(3), last -> new IllegalStateException("last=" + last)))
                .hasMessage("last=null")
                .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(throttled));
    }

    @Test
    void builder_rejectsAFirstPauseLongerThanTheCeiling() {
        assertThatThrownBy(() -> Poller.builder(platform, "x").firstPause(Duration.ofSeconds(9))
                .maxPause(Duration.ofSeconds(5)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("firstPause (PT9S) must not be longer than maxPause (PT5S)");
    }

    @Test
    void handleAsAnotherType_namesBothTypes() {
        OperationTimeoutException e = new OperationTimeoutException("a handle", "timed out");

        assertThatThrownBy(() -> e.handle(Integer.class))
                .isInstanceOf(ClassCastException.class)
                .hasMessage("The timed-out operation's handle is a java.lang.String, not a java.lang.Integer");
    }
}
