package io.dataplatform.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.AccessDeniedException;
import io.dataplatform.DataPlatform;
import io.dataplatform.InvalidRequestException;
import io.dataplatform.RetryPolicy;
import io.dataplatform.ServiceUnavailableException;
import io.dataplatform.cost.DataSize;
import io.dataplatform.s3.BatchDeleteResult;
import io.dataplatform.s3.Bucket;
import io.dataplatform.s3.BucketPolicy;
import io.dataplatform.s3.DeleteFailure;
import io.dataplatform.s3.ObjectVersion;
import io.dataplatform.s3.Principal;
import io.dataplatform.s3.TransferSettings;
import io.dataplatform.testing.AwsService;
import io.dataplatform.testing.FakeAws;
import io.dataplatform.testing.FakeAwsTest;
import io.dataplatform.testing.RecordedCall;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What only a fake can show: retries, faults, call records, other principals and concurrency. */
@FakeAwsTest
class FakeS3ScenarioTest {

    @Test
    void put_throttledTwice_succeedsAfterRetries(DataPlatform platform, FakeAws aws) {
        Bucket bucket = platform.bucket("acme-raw").create();
        aws.faults().on(AwsService.S3, "PutObject").throttle(2);

        bucket.put("sales.csv", "id\n1\n");

        List<RecordedCall> puts = aws.calls().of(AwsService.S3, "PutObject");
        assertThat(puts).extracting(RecordedCall::statusCode).containsExactly(503, 503, 200);
        assertThat(puts).extracting(RecordedCall::errorCode).containsExactly("SlowDown", "SlowDown", null);
        assertThat(bucket.get("sales.csv").string()).isEqualTo("id\n1\n");
    }

    @Test
    void put_throttledBeyondThePolicy_givesUpWithServiceUnavailable(FakeAws aws) {
        DataPlatform platform = aws.dataPlatformBuilder().retryPolicy(RetryPolicy.builder().maxAttempts(3).build()).build();
        Bucket bucket = platform.bucket("acme-raw").create();
        aws.faults().on(AwsService.S3, "PutObject").throttle(5);

        assertThatThrownBy(() -> bucket.put("a", "x")).isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("SlowDown").hasMessageEndingWith("(gave up after retries)");
        assertThat(aws.calls().count(AwsService.S3, "PutObject")).isEqualTo(3);
    }

    @Test
    void backoff_waitsOnTheFakeClock(DataPlatform platform, FakeAws aws) {
        Bucket bucket = platform.bucket("acme-raw").create();
        Instant before = aws.clock().instant();
        aws.faults().on(AwsService.S3, "PutObject").throttle(3);

        bucket.put("a", "x");

        assertThat(aws.clock().instant()).isAfter(before);
    }

    @Test
    void validationError_clientSide_makesNoCall(DataPlatform platform, FakeAws aws) {
        Bucket bucket = platform.bucket("acme-raw").create();
        aws.calls().clear();

        assertThatThrownBy(() -> bucket.put("", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key must not be empty");
        assertThatThrownBy(() -> platform.bucket("Acme_Raw")).isInstanceOf(IllegalArgumentException.class);

        assertThat(aws.calls().all()).isEmpty();
    }

    @Test
    void validationError_serverSide_isNotRetried(DataPlatform platform, FakeAws aws) {
        Bucket bucket = platform.bucket("acme-raw").create();
        bucket.put("ten.txt", "0123456789");

        assertThatThrownBy(() -> bucket.get("ten.txt").range(100, 200)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("InvalidRange");

        assertThat(aws.calls().count(AwsService.S3, "GetObject")).isEqualTo(1);
    }

    @Test
    void multipart_failedPart_abortsTheUploadAndLeavesNoParts(FakeAws aws) {
        DataPlatform platform = aws.dataPlatformBuilder()
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).build())
                .transferSettings(TransferSettings.builder().multipartThreshold(DataSize.ofMebibytes(5))
                        .partSize(DataSize.ofMebibytes(5)).concurrency(1).build())
                .build();
        Bucket bucket = platform.bucket("acme-raw").create();
        aws.faults().on(AwsService.S3, "UploadPart").after(1).failAlways(500);

        assertThatThrownBy(() -> bucket.put("big.bin", new byte[16 * 1024 * 1024]))
                .isInstanceOf(ServiceUnavailableException.class).hasMessageContaining("UploadPart");

        assertThat(aws.calls().count(AwsService.S3, "AbortMultipartUpload")).isEqualTo(1);
        assertThat(aws.s3().listMultipartUploads(r -> r.bucket("acme-raw")).uploads()).isEmpty();
        assertThat(bucket.exists("big.bin")).isFalse();
    }

    @Test
    void list_moreThan1000Keys_fetchesPagesLazily(DataPlatform platform, FakeAws aws) {
        Bucket bucket = platform.bucket("acme-raw").create();
        IntStream.range(0, 2_500).forEach(i -> bucket.put(String.format("k/%05d", i), "x"));
        aws.calls().clear();

        assertThat(bucket.list("k/").limit(10).count()).isEqualTo(10);
        assertThat(aws.calls().count(AwsService.S3, "ListObjectsV2")).isEqualTo(1);
        assertThat(bucket.list("k/").count()).isEqualTo(2_500);
        assertThat(aws.calls().count(AwsService.S3, "ListObjectsV2")).isEqualTo(1 + 3);
    }

    @Test
    void principal_withoutPolicy_isDenied_andAllowedWhereThePolicySays(DataPlatform platform, FakeAws aws) {
        Bucket admin = platform.bucket("acme-raw").create();
        admin.put("sales/2024.csv", "s");
        admin.put("hr/salaries.csv", "h");
        Bucket asAnalyst = aws.dataPlatform(Principal.role("analyst")).bucket("acme-raw");

        assertThatThrownBy(() -> asAnalyst.get("sales/2024.csv").bytes()).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("AccessDenied (HTTP 403)");

        admin.policy(BucketPolicy.builder().allowRead(Principal.role("analyst"), "sales/*").build());

        assertThat(asAnalyst.get("sales/2024.csv").string()).isEqualTo("s");
        assertThat(asAnalyst.list("sales/").count()).isEqualTo(1);
        assertThatThrownBy(() -> asAnalyst.get("hr/salaries.csv").bytes()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> asAnalyst.put("sales/evil.csv", "x")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void explicitDeny_beatsAllow_evenForTheAdministrator(DataPlatform platform, FakeAws aws) {
        Bucket admin = platform.bucket("acme-raw").create();
        admin.put("locked/a.csv", "a");
        admin.put("free/b.csv", "b");
        admin.policy(BucketPolicy.builder()
                .allowRead(Principal.role("analyst"), "*")
                .deny(Principal.anyone(), List.of("s3:GetObject", "s3:DeleteObject"), "locked/*")
                .build());

        assertThatThrownBy(() -> aws.dataPlatform(Principal.role("analyst")).bucket("acme-raw").get("locked/a.csv").bytes())
                .isInstanceOf(AccessDeniedException.class);
        BatchDeleteResult result = admin.deleteAll(List.of("free/b.csv", "locked/a.csv"));

        assertThat(result.deleted()).containsExactly("free/b.csv");
        assertThat(result.failed()).extracting(DeleteFailure::key, DeleteFailure::errorCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("locked/a.csv", "AccessDenied"));
    }

    @Test
    void deleteAll_2500Keys_isSentInBatchesOf1000(DataPlatform platform, FakeAws aws) {
        Bucket bucket = platform.bucket("acme-raw").create();
        List<String> keys = IntStream.range(0, 2_500).mapToObj(i -> "d/" + i).toList();
        keys.forEach(k -> bucket.put(k, "x"));

        assertThat(bucket.deleteAll(keys).deleted()).hasSize(2_500);
        assertThat(aws.calls().count(AwsService.S3, "DeleteObjects")).isEqualTo(3);
    }

    @Test
    void deleteAll_invalidKeyAmongValidOnes_deletesNothing(DataPlatform platform, FakeAws aws) {
        Bucket bucket = platform.bucket("acme-raw").create();
        bucket.put("keep.csv", "x");

        assertThatThrownBy(() -> bucket.deleteAll(List.of("keep.csv", ""))).hasMessage("keys[1] must not be empty");

        assertThat(bucket.exists("keep.csv")).isTrue();
        assertThat(aws.calls().count(AwsService.S3, "DeleteObjects")).isZero();
    }

    @Test
    void put_streamShorterThanDeclared_failsAndStoresNothing(DataPlatform platform, FakeAws aws) {
        Bucket bucket = platform.bucket("acme-raw").create();
        java.io.InputStream threeBytes = new java.io.ByteArrayInputStream(new byte[]{1, 2, 3});

        assertThatThrownBy(() -> bucket.put("short.bin", io.dataplatform.s3.ObjectContent.of(threeBytes, 10)))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessage("Reading the content for s3://acme-raw/short.bin failed")
                .hasRootCauseMessage("the content ended after 3 of its declared 10 bytes");

        assertThat(bucket.exists("short.bin")).isFalse();
        assertThat(aws.calls().count(AwsService.S3, "PutObject")).isZero();
    }

    @Test
    void copy_intoAnUnversionedBucket_reportsTheCopiedSize(DataPlatform platform, FakeAws aws) {
        Bucket source = platform.bucket("acme-raw").create();
        aws.s3().createBucket(r -> r.bucket("plain-target")); // never versioned: S3 returns no version ids
        source.put("a.csv", "12345");

        io.dataplatform.s3.PutResult copy = source.copy("a.csv", platform.bucket("plain-target"), "b.csv");

        assertThat(copy.size()).isEqualTo(5);
        assertThat(copy.versionId()).isNull();
        assertThat(platform.bucket("plain-target").get("b.csv").string()).isEqualTo("12345");
    }

    @Test
    void multipart_failedCreate_closesTheContentStream(FakeAws aws) {
        DataPlatform platform = aws.dataPlatformBuilder().retryPolicy(RetryPolicy.none())
                .transferSettings(TransferSettings.builder().multipartThreshold(DataSize.ofMebibytes(5))
                        .partSize(DataSize.ofMebibytes(5)).build())
                .build();
        Bucket bucket = platform.bucket("acme-raw").create();
        aws.faults().on(AwsService.S3, "CreateMultipartUpload").fail(500, 1);
        boolean[] closed = {false};
        java.io.InputStream content = new java.io.ByteArrayInputStream(new byte[6 * 1024 * 1024]) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        assertThatThrownBy(() -> bucket.put("big.bin", io.dataplatform.s3.ObjectContent.of(content, 6 * 1024 * 1024)))
                .isInstanceOf(ServiceUnavailableException.class);

        assertThat(closed[0]).isTrue();
    }

    @Test
    void restoreAsOf_bringsBackWhatWasCurrentThen(DataPlatform platform, FakeAws aws) {
        Bucket bucket = platform.bucket("acme-raw").create();
        bucket.put("prices.csv", "monday");
        aws.clock().advance(Duration.ofDays(1));
        Instant tuesdayMorning = aws.clock().instant().plusSeconds(1);
        aws.clock().advance(Duration.ofHours(2));
        bucket.put("prices.csv", "tuesday");
        aws.clock().advance(Duration.ofDays(1));
        bucket.delete("prices.csv");

        ObjectVersion restored = bucket.restoreAsOf("prices.csv", tuesdayMorning);

        assertThat(bucket.get("prices.csv").string()).isEqualTo("monday");
        assertThat(restored.latest()).isTrue();
        assertThat(bucket.versions("prices.csv")).hasSize(4);
    }

    @Test
    void concurrentWriters_toOneKey_loseNoVersion(DataPlatform platform) throws Exception {
        Bucket bucket = platform.bucket("acme-raw").create();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            writers.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 100; i++) {
                    bucket.put("hot.txt", thread + ":" + i);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> writer : writers) {
            writer.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        List<ObjectVersion> versions = bucket.versions("hot.txt");
        Set<String> contents = new HashSet<>();
        versions.forEach(v -> contents.add(bucket.get("hot.txt").version(v.versionId()).string()));

        assertThat(versions).hasSize(800);
        assertThat(versions).filteredOn(ObjectVersion::latest).hasSize(1);
        assertThat(contents).hasSize(800);
    }
}
