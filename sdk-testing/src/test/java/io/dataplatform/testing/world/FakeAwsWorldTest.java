package io.dataplatform.testing.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.DataPlatform;
import io.dataplatform.testing.AwsService;
import io.dataplatform.testing.FakeAws;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.model.S3Exception;

class FakeAwsWorldTest {

    @Test
    void worlds_shareNothing() {
        FakeAws one = FakeAws.create();
        FakeAws two = FakeAws.create();
        one.dataPlatform().bucket("acme-raw").create();
        one.faults().on(AwsService.S3, "*").throttle(1);

        assertThat(two.dataPlatform().bucket("acme-raw").exists()).isFalse();
        assertThat(two.calls().all()).extracting(c -> c.statusCode()).containsOnly(404);
    }

    @Test
    void builder_setsRegionAccountAndStart() {
        FakeAws aws = FakeAws.builder().region(Region.EU_WEST_2).accountId("111122223333")
                .start(Instant.parse("2025-06-01T00:00:00Z")).build();

        assertThat(aws.region()).isEqualTo(Region.EU_WEST_2);
        assertThat(aws.accountId()).isEqualTo("111122223333");
        assertThat(aws.clock().instant()).isEqualTo(Instant.parse("2025-06-01T00:00:00Z"));
        assertThat(aws.dataPlatform().region()).isEqualTo(Region.EU_WEST_2);
        assertThatThrownBy(() -> FakeAws.builder().accountId("abc"))
                .hasMessage("Invalid account id 'abc': must be 12 digits");
    }

    @Test
    void clock_advancesOnlyWhenTold_andTellsListeners() {
        FakeAws aws = FakeAws.create();
        List<Instant> seen = new ArrayList<>();
        aws.clock().onAdvance(seen::add);

        Instant later = aws.clock().advance(Duration.ofMinutes(5));

        assertThat(later).isEqualTo(FakeAws.DEFAULT_START.plus(Duration.ofMinutes(5)));
        assertThat(aws.clock().instant()).isEqualTo(later);
        assertThat(seen).containsExactly(later);
        assertThatThrownBy(() -> aws.clock().advance(Duration.ofSeconds(-1)))
                .hasMessage("duration must be >= 0, but was PT-1S");
    }

    @Test
    void faults_afterN_thenFailTimes_thenClear() {
        FakeAws aws = FakeAws.create();
        aws.s3().createBucket(r -> r.bucket("acme-raw"));
        aws.faults().on(AwsService.S3, "HeadBucket").after(1).fail(500, 2);

        aws.s3().headBucket(r -> r.bucket("acme-raw"));
        assertThatThrownBy(() -> aws.s3().headBucket(r -> r.bucket("acme-raw")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        assertThatThrownBy(() -> aws.s3().headBucket(r -> r.bucket("acme-raw"))).isInstanceOf(S3Exception.class);
        aws.s3().headBucket(r -> r.bucket("acme-raw"));

        aws.faults().on(AwsService.S3, "*").failAlways(503);
        assertThatThrownBy(() -> aws.s3().listBuckets()).isInstanceOf(S3Exception.class);
        aws.faults().clear();
        assertThat(aws.s3().listBuckets().buckets()).hasSize(1);
    }

    @Test
    void faults_latency_advancesTheFakeClock() {
        FakeAws aws = FakeAws.create();
        aws.faults().on(AwsService.S3, "ListBuckets").latency(Duration.ofMillis(250));

        aws.s3().listBuckets();
        aws.s3().listBuckets();

        assertThat(aws.clock().instant()).isEqualTo(FakeAws.DEFAULT_START.plusMillis(500));
    }

    @Test
    void faults_loseResponse_letsTheOperationTakeEffectThenFails() {
        FakeAws aws = FakeAws.create();
        aws.faults().on(AwsService.S3, "CreateBucket").loseResponse(500, 1);

        assertThatThrownBy(() -> aws.s3().createBucket(r -> r.bucket("acme-raw")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(500));

        assertThat(aws.s3().listBuckets().buckets()).extracting(b -> b.name()).containsExactly("acme-raw");
        assertThat(aws.calls().all()).extracting(c -> c.statusCode()).containsExactly(500, 200);
    }

    @Test
    void faults_rules() {
        FakeAws aws = FakeAws.create();
        assertThatThrownBy(() -> aws.faults().on(AwsService.S3, "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("service and operation must be given, e.g. on(AwsService.S3, \"PutObject\")");
        assertThatThrownBy(() -> aws.faults().on(AwsService.S3, "PutObject").fail(429, 1))
                .hasMessage("statusCode must be a 5xx server error, but was 429; use throttle(..) for throttling");
        assertThatThrownBy(() -> aws.faults().on(AwsService.S3, "PutObject").throttle(0))
                .hasMessage("times must be >= 1, but was 0");
        assertThatThrownBy(() -> aws.faults().on(AwsService.S3, "PutObject").after(-1))
                .hasMessage("calls must be >= 0, but was -1");
        assertThatThrownBy(() -> aws.faults().on(AwsService.S3, "PutObject").loseResponse(200, 1))
                .hasMessage("statusCode must be a 5xx server error, but was 200; use throttle(..) for throttling");
    }

    @Test
    void dataPlatform_closesNothingItWasHanded() {
        FakeAws aws = FakeAws.create();
        DataPlatform platform = aws.dataPlatform();
        platform.close();

        assertThat(aws.s3().listBuckets().buckets()).isEmpty();
    }
}
