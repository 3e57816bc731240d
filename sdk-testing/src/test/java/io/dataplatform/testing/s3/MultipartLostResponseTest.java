package io.dataplatform.testing.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.dataplatform.DataPlatform;
import io.dataplatform.RetryPolicy;
import io.dataplatform.ServiceUnavailableException;
import io.dataplatform.cost.DataSize;
import io.dataplatform.s3.Bucket;
import io.dataplatform.s3.PutResult;
import io.dataplatform.s3.TransferSettings;
import io.dataplatform.testing.AwsService;
import io.dataplatform.testing.FakeAws;
import io.dataplatform.testing.FakeAwsTest;
import io.dataplatform.testing.RecordedCall;
import io.dataplatform.ResourceNotFoundException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** A multipart put whose CompleteMultipartUpload response is lost still succeeds once, and a real failure still aborts. */
@FakeAwsTest
class MultipartLostResponseTest {
    private static final int SIZE = 6 * 1024 * 1024 + 17;

    private static DataPlatform multipart(FakeAws aws, RetryPolicy retries) {
        return aws.dataPlatformBuilder().retryPolicy(retries)
                .transferSettings(TransferSettings.builder().multipartThreshold(DataSize.ofMebibytes(5))
                        .partSize(DataSize.ofMebibytes(5)).concurrency(1).build())
                .build();
    }

    private static byte[] content() {
        byte[] data = new byte[SIZE];
        Arrays.fill(data, (byte) 'x');
        data[SIZE - 1] = 'y';
        return data;
    }

    @Test
    void put_completeResponseLost_storesOneVersionAndSucceeds(FakeAws aws) {
        Bucket bucket = multipart(aws, RetryPolicy.defaults()).bucket("acme-raw").create();
        aws.faults().on(AwsService.S3, "CompleteMultipartUpload").loseResponse(500, 1);

        PutResult put = bucket.put("big.bin", content());

        HeadObjectResponse stored = aws.s3().headObject(r -> r.bucket("acme-raw").key("big.bin"));
        assertThat(bucket.versions("big.bin")).hasSize(1);
        assertThat(bucket.get("big.bin").bytes()).isEqualTo(content());
        assertThat(put.versionId()).isEqualTo(stored.versionId());
        assertThat('"' + put.eTag() + '"').isEqualTo(stored.eTag()).endsWith("-2\"");
        assertThat(put.size()).isEqualTo(SIZE);
        assertThat(aws.calls().of(AwsService.S3, "CompleteMultipartUpload"))
                .extracting(RecordedCall::statusCode, RecordedCall::errorCode)
                .containsExactly(tuple(500, "InternalError"),
                        tuple(404, "NoSuchUpload"));
        assertThat(aws.calls().count(AwsService.S3, "AbortMultipartUpload")).isZero();
        assertThat(aws.s3().listMultipartUploads(r -> r.bucket("acme-raw")).uploads()).isEmpty();
    }

    @Test
    void put_completeResponseLostWithoutRetries_findsTheObjectStored(FakeAws aws) {
        Bucket bucket = multipart(aws, RetryPolicy.none()).bucket("acme-raw").create();
        aws.faults().on(AwsService.S3, "CompleteMultipartUpload").loseResponse(503, 1);

        PutResult put = bucket.put("big.bin", content());

        assertThat(bucket.versions("big.bin")).extracting(v -> v.versionId()).containsExactly(put.versionId());
        assertThat(aws.calls().operations(AwsService.S3)).containsSubsequence(
                "CompleteMultipartUpload", "HeadObject").doesNotContain("AbortMultipartUpload");
    }

    @Test
    void put_completeFailingBeforeTakingEffect_abortsAndThrows(FakeAws aws) {
        Bucket bucket = multipart(aws, RetryPolicy.builder().maxAttempts(2).build()).bucket("acme-raw").create();
        aws.faults().on(AwsService.S3, "CompleteMultipartUpload").failAlways(500);

        assertThatThrownBy(() -> bucket.put("big.bin", content()))
                .isInstanceOf(ServiceUnavailableException.class).hasMessageContaining("CompleteMultipartUpload");

        assertThat(bucket.exists("big.bin")).isFalse();
        assertThat(aws.calls().count(AwsService.S3, "CompleteMultipartUpload")).isEqualTo(2);
        assertThat(aws.calls().of(AwsService.S3, "AbortMultipartUpload")).extracting(RecordedCall::succeeded)
                .containsExactly(true);
        assertThat(aws.s3().listMultipartUploads(r -> r.bucket("acme-raw")).uploads()).isEmpty();
    }

    @Test
    void put_uploadAbortedByOthersBeforeTheRetry_failsWithoutAnAbortOrAnObject(FakeAws aws) {
        S3Client abortingFirstComplete = abortingFirstComplete(aws.s3());
        DataPlatform platform = aws.dataPlatformBuilder().s3Client(abortingFirstComplete)
                .transferSettings(TransferSettings.builder().multipartThreshold(DataSize.ofMebibytes(5))
                        .partSize(DataSize.ofMebibytes(5)).concurrency(1).build())
                .build();
        Bucket bucket = platform.bucket("acme-raw").create();

        assertThatThrownBy(() -> bucket.put("big.bin", content()))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("S3 CompleteMultipartUpload on 'acme-raw/big.bin' failed: a retry found upload ")
                .hasMessageEndingWith(" gone (NoSuchUpload) and s3://acme-raw/big.bin does not hold its content (ETag "
                        + MultipartLostResponseTest.expectedETag() + "); it was aborted or overwritten by someone else. "
                        + "Put the object again.");

        assertThat(bucket.exists("big.bin")).isFalse();
        // Aborted twice would be once by "someone else" and once by the SDK: the SDK knows the upload is gone.
        assertThat(aws.calls().count(AwsService.S3, "AbortMultipartUpload")).isEqualTo(1);
        assertThat(aws.calls().of(AwsService.S3, "CompleteMultipartUpload")).extracting(RecordedCall::errorCode)
                .containsExactly("NoSuchUpload");
    }

    /** The multipart ETag of {@link #content()}: MD5 over the binary MD5s of its two parts, then "-2". */
    private static String expectedETag() {
        byte[] data = content();
        int part = 5 * 1024 * 1024;
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(MessageDigest.getInstance("MD5").digest(Arrays.copyOfRange(data, 0, part)));
            md5.update(MessageDigest.getInstance("MD5").digest(Arrays.copyOfRange(data, part, data.length)));
            return HexFormat.of().formatHex(md5.digest()) + "-2";
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * An S3 client over {@code s3} whose first CompleteMultipartUpload finds its upload aborted by
     * someone else and answers 500 as a server would that failed mid-way; everything else passes through.
     */
    private static S3Client abortingFirstComplete(S3Client s3) {
        AtomicBoolean first = new AtomicBoolean(true);
        return (S3Client) Proxy.newProxyInstance(S3Client.class.getClassLoader(), new Class<?>[] {S3Client.class},
                (proxy, method, args) -> {
                    if (args != null && args.length == 1 && args[0] instanceof Consumer<?>) {
                        return InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    if (method.getName().equals("completeMultipartUpload") && first.getAndSet(false)) {
                        CompleteMultipartUploadRequest request = (CompleteMultipartUploadRequest) args[0];
                        s3.abortMultipartUpload(r -> r.bucket(request.bucket()).key(request.key())
                                .uploadId(request.uploadId()));
                        throw S3Exception.builder().statusCode(500).message("We encountered an internal error.")
                                .awsErrorDetails(AwsErrorDetails.builder().errorCode("InternalError").build()).build();
                    }
                    try {
                        return method.invoke(s3, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
