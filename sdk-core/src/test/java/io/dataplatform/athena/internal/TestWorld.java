package io.dataplatform.athena.internal;

import io.dataplatform.DataPlatform;
import io.dataplatform.RetryPolicy;
import io.dataplatform.cost.CostGuard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import software.amazon.awssdk.regions.Region;

/**
 * The three test clients plus a clock that the platform's sleeper advances, and a sales data set:
 * {@code sales.sales} partitioned by year and month (6 objects), {@code sales.regions} unpartitioned.
 */
final class TestWorld {
    final TestAthena athena = new TestAthena();
    final TestGlue glue = new TestGlue();
    final TestS3 s3 = new TestS3();
    final MutableClock clock = new MutableClock();

    static final long MB = 1_000_000;

    TestWorld() {
        glue.table("sales", "sales", "s3://lake/sales", List.of("region", "amount"), List.of("year", "month"))
                .partition("sales", "sales", "s3://lake/sales/year=2023/month=12", "2023", "12")
                .partition("sales", "sales", "s3://lake/sales/year=2024/month=01", "2024", "01")
                .partition("sales", "sales", "s3://lake/sales/year=2024/month=02", "2024", "02")
                .table("sales", "regions", "s3://lake/regions/", List.of("region", "name"), List.of());
        s3.put("s3://lake/sales/year=2023/month=12/part-0.csv", 40 * MB)
                .put("s3://lake/sales/year=2024/month=01/part-0.csv", 30 * MB)
                .put("s3://lake/sales/year=2024/month=01/part-1.csv", 20 * MB)
                .put("s3://lake/sales/year=2024/month=02/part-0.csv", 5 * MB)
                .put("s3://lake/regions/regions.csv", 2 * MB)
                .put("s3://lake/regions-old/regions.csv", 99 * MB);
    }

    DataPlatform platform(CostGuard guard) {
        return builder(guard).build();
    }

    DataPlatform.Builder builder(CostGuard guard) {
        return DataPlatform.builder().region(Region.US_EAST_1).s3Client(s3).glueClient(glue).athenaClient(athena)
                .clock(clock).sleeper(clock::advance).randomSeed(42)
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).build())
                .costGuard(guard);
    }

    /** A clock tests and the sleeper move forward. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        synchronized void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public synchronized Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
