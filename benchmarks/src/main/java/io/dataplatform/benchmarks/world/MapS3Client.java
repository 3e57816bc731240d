package io.dataplatform.benchmarks.world;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 */
final class MapS3Client implements S3Client {
    private final ConcurrentHashMap<String, byte[]> objects = new ConcurrentHashMap<>();

    /** Does nothing: a bucket is only a key prefix here. Called so the ceiling makes the same SDK calls as the fake. */
    @Override
    public CreateBucketResponse createBucket(CreateBucketRequest request) {
        return CreateBucketResponse.builder().build();
    }

    @Override
    public PutObjectResponse putObject(PutObjectRequest request, RequestBody body) {
        try (InputStream in = body.contentStreamProvider().newStream()) {
            objects.put(request.bucket() + "/" + request.key(), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return PutObjectResponse.builder().build();
    }

    @Override
    public <T> T getObject(GetObjectRequest request, ResponseTransformer<GetObjectResponse, T> transformer) {
        byte[] bytes = objects.get(request.bucket() + "/" + request.key());
        if (bytes == null) {
            throw NoSuchKeyException.builder().message("no such key").build();
        }
        try {
            return transformer.transform(GetObjectResponse.builder().contentLength((long) bytes.length).build(),
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
