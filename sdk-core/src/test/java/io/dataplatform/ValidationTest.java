package io.dataplatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.cost.DataSize;
import io.dataplatform.s3.BucketPolicy;
import io.dataplatform.s3.ObjectContent;
import io.dataplatform.s3.PolicyStatement;
import io.dataplatform.s3.Principal;
import io.dataplatform.s3.PutOptions;
import io.dataplatform.s3.S3Location;
import io.dataplatform.s3.TransferSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every builder and value rule, with the message a user sees. */
class ValidationTest {

    @Test
    void retryPolicy_rules() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxAttempts must be >= 1, but was 0");
        assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ZERO))
                .hasMessage("initialBackoff must be > 0, but was PT0S");
        assertThatThrownBy(() -> RetryPolicy.builder().maxBackoff(Duration.ofSeconds(-1)))
                .hasMessage("maxBackoff must be > 0, but was PT-1S");
        assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ofSeconds(2)).maxBackoff(Duration.ofSeconds(1)).build())
                .hasMessage("maxBackoff must be >= initialBackoff (PT2S), but was PT1S");
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    }

    @Test
    void transferSettings_rules() {
        assertThatThrownBy(() -> TransferSettings.builder().partSize(DataSize.ofMebibytes(4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("partSize must be between 5 MiB and 5 GiB (S3's part limits), but was 4194304 bytes");
        assertThatThrownBy(() -> TransferSettings.builder().concurrency(0))
                .hasMessage("concurrency must be between 1 and 64, but was 0");
        assertThatThrownBy(() -> TransferSettings.builder().multipartThreshold(DataSize.ofMebibytes(6)).build())
                .hasMessage("multipartThreshold must be >= partSize (8388608 bytes), but was 6291456 bytes");
    }

    @Test
    void dataSize_rules() {
        assertThatThrownBy(() -> DataSize.ofBytes(-5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("size must be >= 0 bytes, but was -5");
        assertThat(DataSize.ofMegabytes(12).plus(DataSize.ofKibibytes(500))).hasToString("12.5 MB");
        assertThat(DataSize.ofGigabytes(10).isGreaterThan(DataSize.ofMegabytes(9_999))).isTrue();
    }

    @Test
    void putOptions_rules() {
        assertThatThrownBy(() -> PutOptions.builder().contentType("csv"))
                .hasMessage("contentType must look like 'type/subtype', but was 'csv'");
        assertThatThrownBy(() -> PutOptions.builder().metadata("my key", "v"))
                .hasMessage("metadata name must be printable ASCII without spaces or ':', but was 'my key'");
        assertThatThrownBy(() -> PutOptions.builder().metadata("big", "x".repeat(2050)).build())
                .hasMessage("metadata must be at most 2 KB (S3's limit on user metadata), but was 2053 bytes");
        assertThat(PutOptions.builder().metadata("Source", "erp").build().metadata()).containsEntry("source", "erp");
    }

    @Test
    void objectContent_rules() {
        assertThatThrownBy(() -> ObjectContent.of(Path.of("/no/such/file.csv")))
                .hasMessage("file must be an existing regular file, but was '/no/such/file.csv'");
        assertThatThrownBy(() -> ObjectContent.of((byte[]) null)).hasMessage("bytes must not be null");
        assertThatThrownBy(() -> ObjectContent.of(java.io.InputStream.nullInputStream(), -1))
                .hasMessage("length must be >= 0, but was -1");
    }

    @Test
    void principal_rules() {
        assertThatThrownBy(() -> Principal.role("bad role"))
                .hasMessage("Invalid IAM role name 'bad role': must be 1-64 characters of letters, digits and +=,.@_-");
        assertThatThrownBy(() -> Principal.account("1234")).hasMessage("Invalid account id '1234': must be 12 digits");
        assertThatThrownBy(() -> Principal.arn("role/x")).hasMessage("Invalid principal ARN 'role/x': must start with 'arn:'");
        assertThatThrownBy(() -> Principal.service("glue"))
                .hasMessage("Invalid service principal 'glue': must end with '.amazonaws.com'");
        assertThat(Principal.fromPolicyValue("arn:aws:iam::123456789012:role/analyst", "123456789012"))
                .isEqualTo(Principal.role("analyst"));
        assertThat(Principal.fromPolicyValue("arn:aws:iam::210987654321:root", "123456789012"))
                .isEqualTo(Principal.account("210987654321"));
    }

    @Test
    void policy_rules() {
        assertThatThrownBy(() -> BucketPolicy.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("a bucket policy needs at least one statement: call allowRead(..), allowWrite(..), deny(..) "
                        + "or statement(..) before build()");
        assertThatThrownBy(() -> PolicyStatement.builder().action("s3:GetObject").onBucket().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("principals is required: call principal(..) before build()");
        assertThatThrownBy(() -> PolicyStatement.builder().principal(Principal.anyone()).onBucket().build())
                .hasMessage("actions is required: call action(..) before build()");
        assertThatThrownBy(() -> PolicyStatement.builder().principal(Principal.anyone()).action("s3:GetObject").build())
                .hasMessage("a resource is required: call onBucket() or onObjects(..) before build()");
        assertThatThrownBy(() -> PolicyStatement.builder().principal(Principal.anyone()).action("GetObject").onBucket().build())
                .hasMessage("Invalid action 'GetObject': must be an S3 action such as 's3:GetObject' or 's3:*'");
        assertThatThrownBy(() -> PolicyStatement.builder().sid("no spaces"))
                .hasMessage("Invalid sid 'no spaces': must be letters and digits only");
    }

    @Test
    void s3Location_rules() {
        assertThat(S3Location.parse("s3://acme-raw/sales/2024/")).isEqualTo(new S3Location("acme-raw", "sales/2024/"));
        assertThat(S3Location.parse("s3a://acme-raw")).isEqualTo(new S3Location("acme-raw", ""));
        assertThat(S3Location.parse("s3://acme-raw/sales").resolve("x.csv").uri()).isEqualTo("s3://acme-raw/sales/x.csv");
        assertThatThrownBy(() -> S3Location.parse("https://acme-raw/x"))
                .hasMessage("Invalid S3 URI 'https://acme-raw/x': must start with s3:// (e.g. s3://bucket/prefix/)");
        assertThatThrownBy(() -> S3Location.parse("s3:///x")).hasMessage("Invalid S3 URI 's3:///x': no bucket name after s3://");
    }

    @Test
    void platformBuilder_rules() {
        assertThatThrownBy(() -> DataPlatform.builder().accountId("12"))
                .hasMessage("Invalid accountId '12': must be 12 digits");
        assertThatThrownBy(() -> DataPlatform.builder().endpointOverride(java.net.URI.create("localhost")))
                .hasMessage("endpointOverride must be an absolute URI, but was 'localhost'");
        assertThatThrownBy(() -> DataPlatform.builder().region(null)).hasMessage("region must not be null");
    }
}
