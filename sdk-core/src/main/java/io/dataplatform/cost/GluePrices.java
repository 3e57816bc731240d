package io.dataplatform.cost;

import io.dataplatform.internal.Checks;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;

/**
 * AWS Glue compute prices (Glue pricing page, us-east-1): crawlers and Spark jobs at $0.44 per
 * DPU-hour, Spark jobs of the flex execution class at $0.29, billed per second; a crawler run is
 * billed for at least 10 minutes, a Glue 2.0+ job run (standard or flex) for at least 1 minute.
 *
 * <pre>{@code
 * Money crawl = GluePrices.standard().crawlerRun(Duration.ofMinutes(3), 1);   // 10-minute minimum: $0.0733
 * }</pre>
 *
 * @param perDpuHour     the price of one DPU for one hour
 * @param crawlerMinimum the shortest time a crawler run is billed for
 * @param jobMinimum     the shortest time a job run is billed for
 * @param flexPerDpuHour the price of one DPU for one hour of a flex job run
 */
public record GluePrices(Money perDpuHour, Duration crawlerMinimum, Duration jobMinimum, Money flexPerDpuHour) {
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    /** Validates the prices. */
    public GluePrices {
        Checks.notNull(perDpuHour, "perDpuHour");
        Checks.notNull(crawlerMinimum, "crawlerMinimum");
        Checks.notNull(jobMinimum, "jobMinimum");
        Checks.notNull(flexPerDpuHour, "flexPerDpuHour");
        Checks.require(!crawlerMinimum.isNegative() && !jobMinimum.isNegative(),
                "minimum billed durations must be >= 0, but were %s and %s", crawlerMinimum, jobMinimum);
    }

    /** Creates prices where flex runs cost as much as standard ones. */
    public GluePrices(Money perDpuHour, Duration crawlerMinimum, Duration jobMinimum) {
        this(perDpuHour, crawlerMinimum, jobMinimum, perDpuHour);
    }

    /** Returns the list prices: $0.44 per DPU-hour ($0.29 flex), 10-minute crawler minimum, 1-minute job minimum. */
    public static GluePrices standard() {
        return new GluePrices(Money.usd("0.44"), Duration.ofMinutes(10), Duration.ofMinutes(1), Money.usd("0.29"));
    }

    /**
     * Returns the worst case of a job run before it starts: {@code workers} x {@code dpusPerWorker}
     * DPUs for the whole {@code timeout} (per second, minimum applied), at the flex price if {@code flex}.
     */
    public Money jobRunEstimate(int workers, double dpusPerWorker, Duration timeout, boolean flex) {
        Checks.require(workers > 0, "workers must be > 0, but was %s", workers);
        return billed(timeout, workers * dpusPerWorker, jobMinimum, flex ? flexPerDpuHour : perDpuHour);
    }

    /**
     * Returns what a finished job run costs from its DPU-seconds on {@code dpus} DPUs: per second,
     * the 1-minute minimum applied to each DPU, at the flex price if {@code flex}.
     */
    public Money jobRunFromDpuSeconds(double dpuSeconds, double dpus, boolean flex) {
        Checks.require(dpuSeconds >= 0, "dpuSeconds must be >= 0, but was %s", dpuSeconds);
        Checks.require(dpus > 0, "dpus must be > 0, but was %s", dpus);
        Duration perDpu = Duration.ofMillis((long) Math.ceil(dpuSeconds / dpus * 1000));
        return billed(perDpu, dpus, jobMinimum, flex ? flexPerDpuHour : perDpuHour);
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
        return billed(duration, dpus, minimum, perDpuHour);
    }

    private static Money billed(Duration duration, double dpus, Duration minimum, Money rate) {
        Checks.notNull(duration, "duration");
        Checks.require(!duration.isNegative(), "duration must be >= 0, but was %s", duration);
        Checks.require(dpus > 0, "dpus must be > 0, but was %s", dpus);
        Duration billed = duration.compareTo(minimum) < 0 ? minimum : duration;
        // Billed per second: a started second counts in full, so a cost is never below what AWS bills.
        long seconds = billed.toSeconds() + (billed.toNanosPart() > 0 ? 1 : 0);
        BigDecimal hours = BigDecimal.valueOf(seconds).divide(SECONDS_PER_HOUR, MathContext.DECIMAL64);
        return rate.times(hours.multiply(BigDecimal.valueOf(dpus)));
    }
}
