package io.dataplatform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.RetryPolicy;
import io.dataplatform.s3.S3Location;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.ArrayList;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

class JobCodeTest {
    @TempDir
    Path dir;

    private final AwsInvoker invoker = new PlatformContext(Clock.systemUTC(), d -> { }, new Random(1),
            RetryPolicy.defaults(), null).invoker("S3");

    /** A job class of this project's tests: loaded from target/test-classes, not from a jar. */
    public static final class FolderJob {
    }

    @Test
    void of_classFromAClassesFolder_failsSayingHowToBuildTheJar() {
        assertThatThrownBy(() -> JobCode.of(FolderJob.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Job class " + FolderJob.class.getName() + " was loaded from the directory")
                .hasMessageContaining("not from a jar")
                .hasMessageContaining("'mvn package'");
    }

    @Test
    void of_classFromAJar_readsThatJar() throws IOException {
        Path jar = jarHolding(FolderJob.class, "jobs-1.0.jar");

        JobCode code = JobCode.of(FolderJob.class, jar);

        assertThat(code.fileName()).isEqualTo("jobs-1.0.jar");
        assertThat(code.size()).isEqualTo(Files.size(jar));
        assertThat(code.sha256()).hasSize(64);
        assertThat(code.contains(FolderJob.class.getName())).isTrue();
        assertThat(code.contains("io.dataplatform.spark.SparkJobMain")).isFalse();
    }

    @Test
    void of_jarWithoutTheClass_isRefused() throws IOException {
        Path jar = jarHolding(JobCodeTest.class, "other.jar");

        assertThatThrownBy(() -> JobCode.of(FolderJob.class, jar))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds no " + FolderJob.class.getName());
    }

    @Test
    void upload_isContentAddressed_andAnUnchangedJarIsUploadedOnce() throws IOException {
        JobCode code = JobCode.of(FolderJob.class, jarHolding(FolderJob.class, "jobs-1.0.jar"));
        RecordingS3 s3 = new RecordingS3();
        S3Location prefix = S3Location.parse("s3://acme-code/jobs/");

        S3Location first = code.upload(s3, invoker, prefix);
        S3Location second = code.upload(s3, invoker, prefix);

        assertThat(first).isEqualTo(second);
        assertThat(first.uri()).isEqualTo("s3://acme-code/jobs/" + code.sha256() + "/jobs-1.0.jar");
        assertThat(s3.calls).containsExactly("HeadObject", "PutObject", "HeadObject");
        assertThat(s3.objects.get(first.key())).isEqualTo(code.bytes());
    }

    @Test
    void isSparkJob_isCheckedByTheInterfaceName() {
        assertThat(JobCode.isSparkJob(FolderJob.class)).isFalse();
        assertThat(JobCode.isSparkJob(String.class)).isFalse();
    }

    private Path jarHolding(Class<?> type, String name) throws IOException {
        Path jar = dir.resolve(name);
        String entry = type.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             InputStream in = type.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    private static final class RecordingS3 implements S3Client {
        final List<String> calls = new ArrayList<>();
        final Map<String, byte[]> objects = new HashMap<>();

        @Override
        public HeadObjectResponse headObject(HeadObjectRequest request) {
            calls.add("HeadObject");
            if (!objects.containsKey(request.key())) {
                throw (S3Exception) S3Exception.builder().statusCode(404)
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("NotFound").build()).build();
            }
            return HeadObjectResponse.builder().contentLength((long) objects.get(request.key()).length).build();
        }

        @Override
        public PutObjectResponse putObject(PutObjectRequest request, RequestBody body) {
            calls.add("PutObject");
            try (InputStream in = body.contentStreamProvider().newStream()) {
                objects.put(request.key(), in.readAllBytes());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return PutObjectResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "s3";
        }

        @Override
        public void close() {
        }
    }
}
