package io.dataplatform.benchmarks.world;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * The ceiling the fake is measured against: an {@link S3Client} that keeps objects in a plain
 * concurrent map and does nothing S3 does (no checks, digests, versions, policies), called with the
 * same SDK request objects. Only CreateBucket (a no-op), PutObject and GetObject work.
 *
 * <p>{@link #withETags()} is the same map that also does the one thing every correct S3 must: each put
 * computes the MD5 of the object for its ETag (with {@link MessageDigest}, as any Java S3 would), returned by
 * the put and the get. A short run spends much of its time there (the JDK's MD5 intrinsic exists in C2 only),
 * so the fake's overhead outside the digest shows against this ceiling, not the plain one.
 */
final class MapS3Client implements S3Client {
    private static final HexFormat HEX = HexFormat.of();
    private final ConcurrentHashMap<String, byte[]> objects = new ConcurrentHashMap<>();
    /** Null when the client computes no ETags. */
    private final ConcurrentHashMap<String, String> etags;

    MapS3Client() {
        this.etags = null;
    }

    private MapS3Client(ConcurrentHashMap<String, String> etags) {
        this.etags = etags;
    }

    /** A ceiling that computes each put's ETag, the quoted hex MD5 of its bytes. */
    static MapS3Client withETags() {
        return new MapS3Client(new ConcurrentHashMap<>());
    }

    /** Does nothing: a bucket is only a key prefix here. Called so the ceiling makes the same SDK calls as the fake. */
    @Override
    public CreateBucketResponse createBucket(CreateBucketRequest request) {
        return CreateBucketResponse.builder().build();
    }

    @Override
    public PutObjectResponse putObject(PutObjectRequest request, RequestBody body) {
        String path = request.bucket() + "/" + request.key();
        byte[] bytes;
        try (InputStream in = body.contentStreamProvider().newStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        objects.put(path, bytes);
        if (etags == null) {
            return PutObjectResponse.builder().build();
        }
        String etag = etag(bytes);
        etags.put(path, etag);
        return PutObjectResponse.builder().eTag(etag).build();
    }

    private static String etag(byte[] bytes) {
        try {
            return "\"" + HEX.formatHex(MessageDigest.getInstance("MD5").digest(bytes)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform supports MD5", e);
        }
    }

    @Override
    public <T> T getObject(GetObjectRequest request, ResponseTransformer<GetObjectResponse, T> transformer) {
        String path = request.bucket() + "/" + request.key();
        byte[] bytes = objects.get(path);
        if (bytes == null) {
            throw NoSuchKeyException.builder().message("no such key").build();
        }
        try {
            GetObjectResponse.Builder response = GetObjectResponse.builder().contentLength((long) bytes.length);
            if (etags != null) {
                response.eTag(etags.get(path));
            }
            return transformer.transform(response.build(),
                    AbortableInputStream.create(new ByteArrayInputStream(bytes)));
        } catch (Exception e) {
            throw SdkClientException.create("transform failed", e);
        }
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
