package io.dataplatform.spark.internal;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Hands {@link S3Client}s to {@link S3ClientFileSystem} instances by a key stored in the Hadoop
 * {@code Configuration} ({@value S3ClientFileSystem#CLIENT_ID}).
 *
 * <p>Why a JVM-wide instance: Hadoop creates file systems reflectively from a class name, a URI
 * and a {@code Configuration} of strings (which Spark serialises and copies into its tasks), so
 * there is no way to hand an object to a file system except through a lookup it can reach by
 * itself. The registry holds no world state of its own: each entry is one caller's client under a
 * key nobody else holds, registered for the duration of one run and removed afterwards, so two
 * worlds (two {@code FakeAws}, or a fake and real S3) never see each other's client.
 */
public final class S3ClientRegistry {
    private static final S3ClientRegistry JVM = new S3ClientRegistry();

    private final Map<String, S3Client> clients = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    S3ClientRegistry() {
    }

    /** Returns the registry the file systems of this JVM look clients up in. */
    public static S3ClientRegistry jvm() {
        return JVM;
    }

    /** Registers {@code client} and returns the new key to put into a Hadoop configuration. */
    public String register(S3Client client) {
        if (client == null) {
            throw new IllegalArgumentException("s3Client must not be null");
        }
        String id = "s3-client-" + sequence.incrementAndGet();
        clients.put(id, client);
        return id;
    }

    /** Removes the client registered under {@code id}; unknown ids are ignored. */
    public void unregister(String id) {
        if (id != null) {
            clients.remove(id);
        }
    }

    /** Returns the number of clients registered now. */
    public int size() {
        return clients.size();
    }

    /**
     * Returns the client registered under {@code id}, or fails with an {@link IOException} naming
     * the fix, so that Spark reports it as the cause of the failed read or write.
     */
    S3Client lookup(String id, String uri) throws IOException {
        if (id == null || id.isEmpty()) {
            throw new IOException("No S3 client for " + uri + ": the Hadoop configuration has no '"
                    + S3ClientFileSystem.CLIENT_ID + "'; run the job with LocalSparkRunner.builder().s3Client(..)"
                    + " or set the key of a client registered with S3ClientRegistry");
        }
        S3Client client = clients.get(id);
        if (client == null) {
            throw new IOException("No S3 client for " + uri + ": '" + S3ClientFileSystem.CLIENT_ID + "' is '" + id
                    + "', which is not registered (its run has ended?)");
        }
        return client;
    }
}
