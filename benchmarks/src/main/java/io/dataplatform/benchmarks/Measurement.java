package io.dataplatform.benchmarks;

import java.util.Locale;
import java.util.Map;

/**
 * One benchmark's result as JMH reports it.
 *
 * @param score the primary score, in {@code unit}
 * @param error the half-width of JMH's 99.9% confidence interval, in {@code unit}
 * @param unit       JMH's unit, such as {@code ops/s} or {@code us/op}
 * @param bytesPerOp bytes allocated per operation (JMH's GC profiler), NaN when not profiled
 */
record Measurement(double score, double error, String unit, double bytesPerOp) {
    private static final Map<String, Double> MICROS_PER_OP = Map.of(
            "ns/op", 0.001, "us/op", 1.0, "ms/op", 1_000.0, "s/op", 1_000_000.0);

    Measurement {
        if (!(score >= 0)) {
            throw new IllegalArgumentException("score must be >= 0, but was " + score);
        }
        if (unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("unit must not be blank, but was '" + unit + "'");
        }
    }

    /** Returns a measurement without allocation figures. */
    Measurement(double score, double error, String unit) {
        this(score, error, unit, Double.NaN);
    }

    /** Returns the score of a time-per-operation measurement in microseconds. */
    double micros() {
        Double factor = MICROS_PER_OP.get(unit);
        if (factor == null) {
            throw new IllegalStateException("Not a time per operation: unit is '" + unit + "', expected one of "
                    + MICROS_PER_OP.keySet().stream().sorted().toList());
        }
        return score * factor;
    }

    /** Returns the error relative to the score ("± 2.1%"), or "" when JMH could not compute one. */
    String relativeError() {
        // JMH reports NaN as the error when there were too few iterations for a confidence interval.
        if (Double.isNaN(error) || score == 0) {
            return "";
        }
        return String.format(Locale.ROOT, " ± %.1f%%", 100 * error / score);
    }
}
