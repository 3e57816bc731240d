package io.dataplatform.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.Socket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * Starts S3Mock in this JVM as the benchmarks do (with this module's dependency versions) and talks
 * to it with the AWS SDK's client. Seconds long, so it runs only with {@code -Dbenchmarks.skipITs=false}.
 */
class EmbeddedS3MockIT {

    @Test
    void start_servesPutGetAndListThroughTheAwsSdkClient() throws NoSuchAlgorithmException {
        byte[] payload = SmallObject.payload();
        try (EmbeddedS3Mock s3mock = EmbeddedS3Mock.start()) {
            S3Client s3 = s3mock.client();
            s3.createBucket(r -> r.bucket(SmallObject.BUCKET));

            PutObjectResponse put = s3.putObject(r -> r.bucket(SmallObject.BUCKET).key(SmallObject.PUT_KEY),
                    RequestBody.fromBytes(payload));

            assertThat(put.eTag()).isEqualTo(
                    "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(payload)) + "\"");
            assertThat(s3.getObjectAsBytes(r -> r.bucket(SmallObject.BUCKET).key(SmallObject.PUT_KEY)).asByteArray())
                    .isEqualTo(payload);
            assertThat(s3.listBuckets().buckets()).extracting(Bucket::name).containsExactly(SmallObject.BUCKET);
        }
    }

    @Test
    void close_stopsListeningOnItsPort() {
        EmbeddedS3Mock s3mock = EmbeddedS3Mock.start();
        int port = s3mock.port();

        s3mock.close();

        assertThat(port).isNotEqualTo(9090);
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }
}
