package io.dataplatform.testing.s3;

import static io.dataplatform.testing.s3.S3TestSupport.createBucket;
import static io.dataplatform.testing.s3.S3TestSupport.createVersionedBucket;
import static io.dataplatform.testing.s3.S3TestSupport.expectS3Error;
import static io.dataplatform.testing.s3.S3TestSupport.get;
import static io.dataplatform.testing.s3.S3TestSupport.put;
import static org.assertj.core.api.Assertions.assertThat;

import io.dataplatform.testing.AwsService;
import io.dataplatform.testing.FakeAws;
import io.dataplatform.testing.RecordedCall;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

class FakeS3FaultsAndConcurrencyTest {
    private final FakeAws aws = FakeAws.create();
    private final S3Client s3 = aws.s3();

    @Test
    void throttle_failsWith503SlowDown_andIsRecorded() {
        createBucket(s3, "acme-raw");
        aws.faults().on(AwsService.S3, "PutObject").throttle(1);

        var e = expectS3Error(() -> put(s3, "acme-raw", "a", "1"), 503, "SlowDown", "Rate exceeded (injected by FakeAws)");
        put(s3, "acme-raw", "a", "1");

        assertThat(e.isThrottlingException()).isTrue();
        assertThat(aws.calls().of(AwsService.S3, "PutObject")).extracting(RecordedCall::statusCode, RecordedCall::errorCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(503, "SlowDown"), org.assertj.core.groups.Tuple.tuple(200, null));
        assertThat(get(s3, "acme-raw", "a")).isEqualTo("1");
    }

    @Test
    void s3Errors_areRecordedWithTheirCodes() {
        createBucket(s3, "acme-raw");
        expectS3Error(() -> get(s3, "acme-raw", "missing"), 404, "NoSuchKey", "The specified key does not exist.");
        RecordedCall last = aws.calls().of(AwsService.S3, "GetObject").get(0);
        assertThat(last.statusCode()).isEqualTo(404);
        assertThat(last.errorCode()).isEqualTo("NoSuchKey");
        assertThat(last.principal()).isEqualTo("arn:aws:iam::123456789012:root");
    }

    @Test
    void eightThreadsWritingOneKey_leave800Versions() throws Exception {
        createVersionedBucket(s3, "acme-raw");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        put(s3, "acme-raw", "hot.txt", thread + "-" + i);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        var versions = s3.listObjectVersionsPaginator(b -> b.bucket("acme-raw")).versions().stream().toList();
        assertThat(versions).hasSize(800);
        assertThat(versions.stream().map(v -> v.versionId()).distinct()).hasSize(800);
        assertThat(versions.stream().filter(v -> v.isLatest())).hasSize(1);
    }
}
