package io.dataplatform.testing.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.testing.AwsService;
import io.dataplatform.testing.CallLog;
import io.dataplatform.testing.FakeAws;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** The call log keeps the most recent calls up to its capacity and counts what it dropped. */
class CallLogTest {

    @Test
    void calls_beyondTheCapacity_dropTheOldestAndAreCounted() {
        FakeAws aws = FakeAws.builder().callLogCapacity(3).build();
        S3Client s3 = aws.s3();
        s3.listBuckets();
        s3.createBucket(r -> r.bucket("acme-raw"));
        s3.headBucket(r -> r.bucket("acme-raw"));
        s3.getBucketVersioning(r -> r.bucket("acme-raw"));
        s3.getBucketLocation(r -> r.bucket("acme-raw"));

        assertThat(aws.calls().capacity()).isEqualTo(3);
        assertThat(aws.calls().operations(AwsService.S3))
                .containsExactly("HeadBucket", "GetBucketVersioning", "GetBucketLocation");
        assertThat(aws.calls().count(AwsService.S3, "ListBuckets")).isZero();
        assertThat(aws.calls().dropped()).isEqualTo(2);
    }

    @Test
    void defaultCapacity_keepsTenThousandCalls() {
        FakeAws aws = FakeAws.create();
        for (int i = 0; i < 10_005; i++) {
            aws.s3().listBuckets();
        }

        assertThat(aws.calls().capacity()).isEqualTo(CallLog.DEFAULT_CAPACITY).isEqualTo(10_000);
        assertThat(aws.calls().all()).hasSize(10_000);
        assertThat(aws.calls().dropped()).isEqualTo(5);
    }

    @Test
    void clear_forgetsTheCallsAndTheDroppedCount() {
        FakeAws aws = FakeAws.builder().callLogCapacity(1).build();
        aws.s3().listBuckets();
        aws.s3().listBuckets();

        aws.calls().clear();

        assertThat(aws.calls().all()).isEmpty();
        assertThat(aws.calls().dropped()).isZero();
    }

    @Test
    void callLogCapacity_notPositive_failsNamingTheFieldAndTheRule() {
        assertThatThrownBy(() -> FakeAws.builder().callLogCapacity(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("callLogCapacity must be > 0, but was 0");
        assertThatThrownBy(() -> FakeAws.builder().callLogCapacity(-5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("callLogCapacity must be > 0, but was -5");
    }

    @Test
    void concurrentCallers_loseNoCountAndKeepTheCapacity() throws Exception {
        FakeAws aws = FakeAws.builder().callLogCapacity(1_000).build();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> callers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                callers.add(pool.submit(() -> {
                    for (int i = 0; i < 2_500; i++) {
                        aws.s3().listBuckets();
                    }
                }));
            }
            for (Future<?> caller : callers) {
                caller.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(aws.calls().all()).hasSize(1_000);
        assertThat(aws.calls().dropped()).isEqualTo(9_000);
    }
}
