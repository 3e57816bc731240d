package io.dataplatform.spark.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** How the file system finds its client; its S3 behaviour is tested against FakeAws in sdk-testing. */
class S3ClientFileSystemConfigTest {

    private static Configuration configuration() {
        Configuration conf = new Configuration(false);
        SharedSpark.configureS3(conf);
        return conf;
    }

    @Test
    void get_withoutClientId_failsNamingTheFix() {
        assertThatThrownBy(() -> FileSystem.get(URI.create("s3://acme-raw/sales/"), configuration()))
                .isInstanceOf(IOException.class)
                .hasMessage("No S3 client for s3://acme-raw/sales/: the Hadoop configuration has no"
                        + " 'dataplatform.s3.client.id'; run the job with LocalSparkRunner.builder().s3Client(..) or set the"
                        + " key of a client registered with S3ClientRegistry");
    }

    @Test
    void get_withUnregisteredClientId_fails() {
        Configuration conf = configuration();
        conf.set(S3ClientFileSystem.CLIENT_ID, "s3-client-0");

        assertThatThrownBy(() -> FileSystem.get(URI.create("s3a://acme-raw/"), conf))
                .isInstanceOf(IOException.class)
                .hasMessage("No S3 client for s3a://acme-raw/: 'dataplatform.s3.client.id' is 's3-client-0', which is not"
                        + " registered (its run has ended?)");
    }

    @Test
    void get_registeredClient_servesBothSchemesUncached() throws IOException {
        S3ClientRegistry registry = S3ClientRegistry.jvm();
        try (S3Client s3 = S3Client.builder().region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
            String id = registry.register(s3);
            try {
                Configuration conf = configuration();
                conf.set(S3ClientFileSystem.CLIENT_ID, id);

                FileSystem s3fs = FileSystem.get(URI.create("s3://acme-raw/sales/"), conf);
                FileSystem s3afs = FileSystem.get(URI.create("s3a://acme-raw/"), conf);

                assertThat(s3fs).isInstanceOf(S3ClientFileSystem.class).isNotSameAs(FileSystem.get(URI.create("s3://acme-raw/"), conf));
                assertThat(s3fs.getUri()).isEqualTo(URI.create("s3://acme-raw"));
                assertThat(s3afs.getUri()).isEqualTo(URI.create("s3a://acme-raw"));
                assertThat(s3fs.getWorkingDirectory().toString()).isEqualTo("s3://acme-raw/");
                assertThat(s3fs.getDefaultBlockSize(s3fs.getWorkingDirectory())).isEqualTo(32L * 1024 * 1024);
            } finally {
                registry.unregister(id);
            }
        }
    }

    @Test
    void get_partSizeAboveTwoGigabytes_failsNamingTheKeyAndLimit() {
        S3ClientRegistry registry = S3ClientRegistry.jvm();
        try (S3Client s3 = S3Client.builder().region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
            String id = registry.register(s3);
            try {
                Configuration conf = configuration();
                conf.set(S3ClientFileSystem.CLIENT_ID, id);
                conf.set(S3ClientFileSystem.PART_SIZE, "3g");

                assertThatThrownBy(() -> FileSystem.get(URI.create("s3://acme-raw/"), conf))
                        .isInstanceOf(IOException.class)
                        .hasMessage("Invalid dataplatform.s3.multipart.size 3221225472: must be at most 2147483647 bytes,"
                                + " since each part is buffered in memory");
            } finally {
                registry.unregister(id);
            }
        }
    }

    @Test
    void get_blockSizeZero_failsNamingTheKey() {
        S3ClientRegistry registry = S3ClientRegistry.jvm();
        try (S3Client s3 = S3Client.builder().region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
            String id = registry.register(s3);
            try {
                Configuration conf = configuration();
                conf.set(S3ClientFileSystem.CLIENT_ID, id);
                conf.set(S3ClientFileSystem.BLOCK_SIZE, "0");

                assertThatThrownBy(() -> FileSystem.get(URI.create("s3://acme-raw/"), conf))
                        .isInstanceOf(IOException.class)
                        .hasMessage("Invalid dataplatform.s3.block.size 0: must be at least 1 byte");
            } finally {
                registry.unregister(id);
            }
        }
    }

    @Test
    void register_null_fails() {
        assertThatThrownBy(() -> S3ClientRegistry.jvm().register(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("s3Client must not be null");
    }

    @Test
    void path_quotesCharactersKeysMayHold() {
        URI bucket = URI.create("s3://acme-raw");

        assertThat(S3ClientFileSystem.key(S3ClientFileSystem.path(bucket, "sales/city=New York/100%.csv")))
                .isEqualTo("sales/city=New York/100%.csv");
    }
}
