package io.dataplatform.athena.engine.internal.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Interval division, as Trino answers it. */
class TrinoToDuckDbEdgeArgumentsTest extends DuckDbHarness {

    @Test
    void intervalDayToSecondDividedByANumber_truncatesMilliseconds() {
        // DuckDB's text of the intervals: 1 day, 333 ms, -333 ms, 1.2 days.
        assertThat(rows("SELECT INTERVAL '2' DAY / 2, INTERVAL '1' SECOND / 3, -INTERVAL '1' SECOND / 3, INTERVAL '3' DAY / 2.5e0"))
                .containsExactly(Arrays.asList("24:00:00", "00:00:00.333", "-00:00:00.333", "28:48:00"));
        assertThat(type("SELECT INTERVAL '2' DAY / 2")).isEqualTo("interval day to second");
        assertThat(error("SELECT INTERVAL '3' DAY / 0").getMessage()).isEqualTo("INVALID_FUNCTION_ARGUMENT: Cannot divide by double 0.0");
        assertThat(error("SELECT INTERVAL '3' DAY / nan()").getMessage()).isEqualTo("INVALID_FUNCTION_ARGUMENT: Cannot divide by double NaN");
        assertThat(error("SELECT INTERVAL '3' MONTH / 2").errorType()).isEqualTo("NOT_SUPPORTED");
    }
}
