package io.dataplatform.samples;

import io.dataplatform.cost.Money;
import io.dataplatform.cost.S3Prices;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;

/**
 * The prices the sample reports with: S3 list prices, and Glue crawlers at $0.44 per DPU-hour,
 * billed per second with a 10-minute minimum per run (AWS Glue pricing page); the sample assumes
 * one DPU, since a crawler's DPU count is only known after the run.
 */
record SamplePrices(S3Prices s3) {
    private static final Money CRAWLER_DPU_HOUR = Money.usd("0.44");
    private static final Duration CRAWLER_MINIMUM = Duration.ofMinutes(10);

    Money crawlerRun(Duration crawlTime) {
        Duration billed = crawlTime.compareTo(CRAWLER_MINIMUM) < 0 ? CRAWLER_MINIMUM : crawlTime;
        return CRAWLER_DPU_HOUR.times(BigDecimal.valueOf(billed.toSeconds()).divide(BigDecimal.valueOf(3600),
                MathContext.DECIMAL64));
    }
}
