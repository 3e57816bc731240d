package io.dataplatform.cost;

import io.dataplatform.internal.Checks;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;

/**
 * AWS Glue compute prices (Glue pricing page): crawlers and Spark jobs at $0.44 per DPU-hour,
 * billed per second; a crawler run is billed for at least 10 minutes, a Glue 2.0+ job run for at
 * least 1 minute.
 *
 * <pre>{@code
 * Money crawl = GluePrices.standard().crawlerRun(Duration.ofMinutes(3), 1);   // 10-minute minimum: $0.0733
 * }</pre>
 *
 * @param perDpuHour     the price of one DPU for one hour
 * @param crawlerMinimum the shortest time a crawler run is billed for
 * @param jobMinimum     the shortest time a job run is billed for
 */
public record GluePrices(Money perDpuHour, Duration crawlerMinimum, Duration jobMinimum) {
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    /** Validates the prices. */
    public GluePrices {
        Checks.notNull(perDpuHour, "perDpuHour");
        Checks.notNull(crawlerMinimum, "crawlerMinimum");
        Checks.notNull(jobMinimum, "jobMinimum");
        Checks.require(!crawlerMinimum.isNegative() && !jobMinimum.isNegative(),
                "minimum billed durations must be >= 0, but were %s and %s", crawlerMinimum, jobMinimum);
    }

    /** Returns the list prices: $0.44 per DPU-hour, 10-minute crawler minimum, 1-minute job minimum. */
    public static GluePrices standard() {
        return new GluePrices(Money.usd("0.44"), Duration.ofMinutes(10), Duration.ofMinutes(1));
    }

    /** Returns what a crawler run of {@code duration} on {@code dpus} DPUs costs, minimum applied. */
    public Money crawlerRun(Duration duration, double dpus) {
        return run(duration, dpus, crawlerMinimum);
    }

    /** Returns what a job run of {@code duration} on {@code dpus} DPUs costs, minimum applied. */
    public Money jobRun(Duration duration, double dpus) {
        return run(duration, dpus, jobMinimum);
    }

    private Money run(Duration duration, double dpus, Duration minimum) {
        Checks.notNull(duration, "duration");
        Checks.require(!duration.isNegative(), "duration must be >= 0, but was %s", duration);
        Checks.require(dpus > 0, "dpus must be > 0, but was %s", dpus);
        Duration billed = duration.compareTo(minimum) < 0 ? minimum : duration;
        // Billed per second: a started second counts in full, so a cost is never below what AWS bills.
        long seconds = billed.toSeconds() + (billed.toNanosPart() > 0 ? 1 : 0);
        BigDecimal hours = BigDecimal.valueOf(seconds).divide(SECONDS_PER_HOUR, MathContext.DECIMAL64);
        return perDpuHour.times(hours.multiply(BigDecimal.valueOf(dpus)));
    }
}
