package io.dataplatform.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobResultTest {

    @Test
    void orThrow_succeeded_returnsResult() {
        JobResult result = new JobResult("a.Job", "run-1", JobStatus.SUCCEEDED, Duration.ofMillis(5), JobMetrics.none(), "");

        assertThat(result.orThrow()).isSameAs(result);
        assertThat(result.failure()).isEmpty();
        assertThat(result.succeeded()).isTrue();
    }

    @Test
    void orThrow_failed_throwsNamingJobRunAndReason() {
        JobResult result = new JobResult("a.Job", "run-7", JobStatus.FAILED, Duration.ofMillis(1500),
                JobMetrics.none(), "java.lang.IllegalStateException: boom");

        assertThat(result.failure()).contains("java.lang.IllegalStateException: boom");
        assertThatThrownBy(result::orThrow)
                .isInstanceOf(SparkJobFailedException.class)
                .hasMessage("Spark job a.Job (run-7) failed after 1500 ms: java.lang.IllegalStateException: boom");
    }

    @Test
    void constructor_failedWithoutReason_fails() {
        assertThatThrownBy(() -> new JobResult("a.Job", "run-1", JobStatus.FAILED, Duration.ZERO, JobMetrics.none(), ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("failureReason must be empty exactly when status is SUCCEEDED, but status was FAILED and"
                        + " failureReason ''");
    }

    @Test
    void metrics_negativeCount_fails() {
        assertThatThrownBy(() -> new JobMetrics(0, -1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("recordsRead must be >= 0, but was -1");
    }
}
