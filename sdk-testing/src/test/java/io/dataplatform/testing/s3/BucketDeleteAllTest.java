package io.dataplatform.testing.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.DataPlatform;
import io.dataplatform.s3.Bucket;
import io.dataplatform.testing.AwsService;
import io.dataplatform.testing.FakeAws;
import io.dataplatform.testing.FakeAwsTest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code Bucket.deleteAll} checks every key before it sends the first request. */
@FakeAwsTest
class BucketDeleteAllTest {

    @Test
    void deleteAll_nullKey_failsNamingTheFieldAndDeletesNothing(DataPlatform platform, FakeAws aws) {
        Bucket bucket = platform.bucket("acme-raw").create();
        bucket.put("a.csv", "a");
        bucket.put("b.csv", "b");

        assertThatThrownBy(() -> bucket.deleteAll(Arrays.asList("a.csv", null, "b.csv")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("keys[1] must not be null");

        assertThat(aws.calls().count(AwsService.S3, "DeleteObjects")).isZero();
        assertThat(bucket.exists("a.csv")).isTrue();
        assertThat(bucket.exists("b.csv")).isTrue();
    }

    @Test
    void deleteAll_emptyKey_failsNamingTheFieldAndDeletesNothing(DataPlatform platform, FakeAws aws) {
        Bucket bucket = platform.bucket("acme-raw").create();
        bucket.put("a.csv", "a");

        assertThatThrownBy(() -> bucket.deleteAll(List.of("a.csv", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("keys[1] must not be empty");

        assertThat(aws.calls().count(AwsService.S3, "DeleteObjects")).isZero();
        assertThat(bucket.exists("a.csv")).isTrue();
    }

    @Test
    void deleteAll_nullCollection_failsNamingTheField(DataPlatform platform) {
        Bucket bucket = platform.bucket("acme-raw").create();

        assertThatThrownBy(() -> bucket.deleteAll(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("keys must not be null");
    }
}
