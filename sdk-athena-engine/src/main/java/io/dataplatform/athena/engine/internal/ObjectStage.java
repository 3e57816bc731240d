package io.dataplatform.athena.engine.internal;

import io.dataplatform.athena.tables.TableObjects;

import io.dataplatform.s3.S3Location;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectStorageClass;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Copies the objects Athena reads under a location into the engine's temporary directory, where
 * DuckDB reads them. A location is a literal folder ({@code s3://b/t} reads the keys under
 * {@code t/}); hidden files (a name, or a folder's below the location, starting with {@code _} or
 * {@code .}), folder markers and Glacier Flexible Retrieval / Deep Archive objects are skipped, as
 * sdk-core's cost estimate skips them. Copies are content-addressed by bucket, key and ETag (or size
 * and modification time), so an unchanged object is downloaded once per engine; statements running side
 * by side share the copies (each written to a temporary file, then moved into place atomically).
 */
final class ObjectStage implements AutoCloseable {
    /**
     * Deletes the staging folders of stages nobody closed: a test suite rarely closes its worlds, and each left
     * a folder of staged copies in the temporary directory. One unreachable is deleted when collected, the
     * rest when the JVM exits.
     */
    private static final class Cleanup {
        private static final java.lang.ref.Cleaner CLEANER = java.lang.ref.Cleaner.create();
        private static final Set<Path> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Cleanup::delete), "athena-engine-cleanup"));
        }

        static java.lang.ref.Cleaner.Cleanable register(Object stage, Path directory) {
            LIVE.add(directory);
            return CLEANER.register(stage, () -> {
                delete(directory);
                LIVE.remove(directory);
            });
        }

        static boolean pending(Path directory) {
            return LIVE.contains(directory);
        }

        static void delete(Path directory) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // Gone already, or being deleted by the other path: nothing is left to do.
            }
        }
    }

    private final S3Client s3;
    private final Path directory;
    private final java.lang.ref.Cleaner.Cleanable cleanable;

    /** One visible object, as listed and as staged. */
    record StagedFile(String uri, long size, Path path) {
    }

    ObjectStage(S3Client s3) {
        this.s3 = s3;
        try {
            this.directory = Files.createTempDirectory("athena-engine-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Athena engine's staging directory", e);
        }
        this.cleanable = Cleanup.register(this, directory);
    }

    Path directory() {
        return directory;
    }

    /** Lists the visible objects under {@code location}, in key order (no download). */
    List<S3Object> list(String location) {
        S3Location parsed = S3Location.parse(location);
        String prefix = TableObjects.folderPrefix(parsed.key());
        List<S3Object> objects = new ArrayList<>();
        String token = null;
        try {
            do {
                ListObjectsV2Response page = s3.listObjectsV2(ListObjectsV2Request.builder().bucket(parsed.bucket())
                        .prefix(prefix).continuationToken(token).build());
                for (S3Object object : page.contents()) {
                    if (TableObjects.isRead(object, prefix)) {
                        objects.add(object);
                    }
                }
                token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
            } while (token != null && !token.isEmpty());
        } catch (SdkException e) {
            throw new EngineFailure("HIVE_FILESYSTEM_ERROR", "Cannot list " + location + ": " + e.getMessage(), e);
        }
        return objects;
    }

    /**
     * Stages {@code object} of {@code bucket}: as stored, or passed through {@code transform}
     * (named {@code transformName}, its output saved with {@code extension}) after gunzipping.
     */
    StagedFile stage(String bucket, S3Object object, String transformName, String extension, UnaryOperator<byte[]> transform) {
        String version = object.eTag() != null ? object.eTag() : object.size() + "@" + object.lastModified();
        String suffix = transform != null ? extension : object.key().endsWith(".gz") ? ".gz" : "";
        Path path = directory.resolve(address(bucket, object.key(), version, transformName) + suffix);
        String uri = "s3://" + bucket + "/" + object.key();
        if (!Files.exists(path)) {
            byte[] bytes;
            try {
                var got = s3.getObject(GetObjectRequest.builder().bucket(bucket).key(object.key()).build(),
                        ResponseTransformer.toBytes());
                bytes = got.asByteArray();
                // Another thread may have replaced the object since the listing: address the copy by what was read,
                // so the listed version's address never holds other bytes (queries run side by side with writes).
                String read = got.response().eTag();
                if (object.eTag() != null && read != null && !read.equals(object.eTag())) {
                    path = directory.resolve(address(bucket, object.key(), read, transformName) + suffix);
                }
            } catch (SdkException e) {
                throw new EngineFailure("HIVE_CANNOT_OPEN_SPLIT", "Error opening Hive split " + uri + ": " + e.getMessage(), e);
            }
            if (transform != null) {
                bytes = transform.apply(object.key().endsWith(".gz") ? gunzip(bytes) : bytes);
            }
            write(path, bytes);
        }
        return new StagedFile(uri, object.size() == null ? 0 : object.size(), path);
    }

    private static String address(String bucket, String key, String version, String transformName) {
        return sha256(bucket + "\n" + key + "\n" + version + "\n" + (transformName == null ? "" : transformName));
    }

    private void write(Path path, byte[] bytes) {
        try {
            Path temporary = Files.createTempFile(directory, "part-", ".tmp");
            Files.write(temporary, bytes);
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stage " + path, e);
        }
    }

    private static byte[] gunzip(byte[] bytes) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new EngineFailure("HIVE_CURSOR_ERROR", "Not in GZIP format: " + e.getMessage(), e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For tests: whether the folder is still due for deletion (at close, collection or exit). */
    boolean pendingDeletion() {
        return Cleanup.pending(directory);
    }

    /** Deletes the staged copies. */
    @Override
    public void close() {
        cleanable.clean();
    }
}
