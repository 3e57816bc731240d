package io.dataplatform.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MeasurementTest {

    @Test
    void micros_convertsEveryTimeUnitJmhReports() {
        assertThat(new Measurement(1_500, 0, "ns/op").micros()).isEqualTo(1.5);
        assertThat(new Measurement(2, 0, "us/op").micros()).isEqualTo(2.0);
        assertThat(new Measurement(3, 0, "ms/op").micros()).isEqualTo(3_000.0);
        assertThat(new Measurement(4, 0, "s/op").micros()).isEqualTo(4_000_000.0);
    }

    @Test
    void micros_ofAThroughput_isRejected() {
        assertThatThrownBy(() -> new Measurement(5, 0, "ops/s").micros())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Not a time per operation: unit is 'ops/s', expected one of [ms/op, ns/op, s/op, us/op]");
    }

    @Test
    void relativeError_withoutConfidenceInterval_isEmpty() {
        assertThat(new Measurement(100, Double.NaN, "ops/s").relativeError()).isEmpty();
        assertThat(new Measurement(0, 1, "ops/s").relativeError()).isEmpty();
        assertThat(new Measurement(200, 3, "ops/s").relativeError()).isEqualTo(" ± 1.5%");
    }

    @Test
    void new_withNegativeOrNaNScore_isRejected() {
        assertThatThrownBy(() -> new Measurement(-1, 0, "ops/s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("score must be >= 0, but was -1.0");
        assertThatThrownBy(() -> new Measurement(Double.NaN, 0, "ops/s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("score must be >= 0, but was NaN");
    }

    @Test
    void new_withBlankUnit_isRejected() {
        assertThatThrownBy(() -> new Measurement(1, 0, " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unit must not be blank, but was ' '");
    }
}
