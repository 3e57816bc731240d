package io.dataplatform.benchmarks;

import com.adobe.testing.s3mock.S3MockApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Adobe S3Mock running inside this JVM (its Spring Boot application, no Docker) on free localhost
 * ports, with the AWS SDK's real {@link S3Client} (Apache HttpClient 5) pointed at it.
 *
 * <pre>{@code
 * try (EmbeddedS3Mock s3mock = EmbeddedS3Mock.start()) {
 *     s3mock.client().createBucket(r -> r.bucket("bench"));
 * }
 * }</pre>
 */
public final class EmbeddedS3Mock implements AutoCloseable {
    private static final Path SHARED_MEMORY = Path.of("/dev/shm");
    private static final String STAX_INPUT = "javax.xml.stream.XMLInputFactory";
    private static final String STAX_OUTPUT = "javax.xml.stream.XMLOutputFactory";

    private final S3MockApplication application;
    private final Path root;
    private final S3Client client;

    private EmbeddedS3Mock(S3MockApplication application, Path root) {
        this.application = application;
        this.root = root;
        this.client = S3Client.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + port()))
                // S3Mock serves path-style requests only (http://host:port/bucket/key).
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClient(Apache5HttpClient.builder().build())
                // A failed call should show up as a failure, not be hidden in the measured time by retries.
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.doNotRetry()).build())
                .build();
    }

    /**
     * Starts S3Mock on free localhost ports with its files in a fresh temporary folder, in memory
     * ({@code /dev/shm}) where the machine has one: S3Mock writes every object to a file, and the
     * fakes it is compared with keep theirs in memory, so the disk should not be part of the comparison.
     */
    public static EmbeddedS3Mock start() {
        Path root;
        try {
            root = Files.isDirectory(SHARED_MEMORY) && Files.isWritable(SHARED_MEMORY)
                    ? Files.createTempDirectory(SHARED_MEMORY, "s3mock-bench")
                    : Files.createTempDirectory("s3mock-bench");
        } catch (IOException e) {
            throw new UncheckedIOException("Creating S3Mock's root folder failed", e);
        }
        useWoodstoxForStax();
        // start() removes keys from the map it is given, so it must be mutable.
        Map<String, Object> properties = new HashMap<>();
        properties.put(S3MockApplication.PROP_HTTP_PORT, S3MockApplication.RANDOM_PORT);
        properties.put(S3MockApplication.PROP_HTTPS_PORT, S3MockApplication.RANDOM_PORT);
        properties.put(S3MockApplication.PROP_ROOT_DIRECTORY, root.toString());
        // Silent sets Spring Boot's root log level to WARN: request logging would otherwise be measured too.
        properties.put(S3MockApplication.PROP_SILENT, true);
        try {
            return new EmbeddedS3Mock(S3MockApplication.start(properties), root);
        } catch (RuntimeException e) {
            deleteRecursively(root);
            throw e;
        }
    }

    /**
     * Names Woodstox as the JVM's StAX provider unless one was named already. Hadoop's shaded client
     * jar (here through sdk-testing and sdk-spark) registers its relocated copy of Woodstox as the
     * provider; when the JDK's service lookup finds that one first, S3Mock's Jackson XML converter
     * fails to start ("Unrecognized property 'com.ctc.wstx.useDoubleQuotesInXmlDecl'"). The system
     * property is the first place the StAX lookup looks.
     */
    private static void useWoodstoxForStax() {
        if (System.getProperty(STAX_INPUT) == null) {
            System.setProperty(STAX_INPUT, "com.ctc.wstx.stax.WstxInputFactory");
        }
        if (System.getProperty(STAX_OUTPUT) == null) {
            System.setProperty(STAX_OUTPUT, "com.ctc.wstx.stax.WstxOutputFactory");
        }
    }

    /** Returns the HTTP port S3Mock listens on. */
    @SuppressWarnings("removal")
    public int port() {
        // getHttpPort() is deprecated in S3Mock 4.x, yet it is the only way to read the port of the HTTP
        // connector when that port was chosen at random; getPort() returns the HTTPS port.
        return application.getHttpPort();
    }

    /** Returns the AWS SDK's S3 client for S3Mock; {@link #close()} closes it. */
    public S3Client client() {
        return client;
    }

    /** Closes the client, stops S3Mock and deletes its files. */
    @Override
    public void close() {
        client.close();
        application.stop();
        deleteRecursively(root);
    }

    private static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Deleting S3Mock's root folder " + folder + " failed", e);
        }
    }
}
