package io.dataplatform.s3.internal;

import io.dataplatform.ResourceNotFoundException;
import io.dataplatform.internal.Checks;
import io.dataplatform.s3.ObjectMetadata;
import io.dataplatform.s3.StoredObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** Reads one object or object version; each method is one request. */
final class DefaultStoredObject implements StoredObject {
    private final S3Context context;
    private final String bucket;
    private final String key;
    private final String versionId;

    DefaultStoredObject(S3Context context, String bucket, String key, String versionId) {
        this.context = context;
        this.bucket = bucket;
        this.key = key;
        this.versionId = versionId;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public Optional<String> versionId() {
        return Optional.ofNullable(versionId);
    }

    @Override
    public StoredObject version(String versionId) {
        return new DefaultStoredObject(context, bucket, key, Checks.notEmpty(versionId, "versionId"));
    }

    @Override
    public byte[] bytes() {
        GetObjectRequest request = request().build();
        // The unsafe view of the array toBytes() filled for this call alone: asByteArray() would copy it again.
        return context.invoker().call("GetObject", this::resource,
                () -> context.s3().getObjectAsBytes(request).asByteArrayUnsafe());
    }

    @Override
    public String string() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    @Override
    public InputStream stream() {
        GetObjectRequest request = request().build();
        return context.invoker().call("GetObject", this::resource, () -> context.s3().getObject(request));
    }

    @Override
    public byte[] range(long first, long last) {
        Checks.nonNegative(first, "first");
        Checks.require(last >= first, "last must be >= first (%s), but was %s", first, last);
        GetObjectRequest request = request().range("bytes=" + first + "-" + last).build();
        return context.invoker().call("GetObject", this::resource,
                () -> context.s3().getObjectAsBytes(request).asByteArrayUnsafe());
    }

    @Override
    public ObjectMetadata metadata() {
        HeadObjectRequest.Builder request = HeadObjectRequest.builder().bucket(bucket).key(key);
        if (versionId != null) {
            request.versionId(versionId);
        }
        HeadObjectResponse head = context.invoker().call("HeadObject", this::resource,
                () -> context.s3().headObject(request.build()));
        return new ObjectMetadata(key, head.versionId(), head.contentLength(), ETags.strip(head.eTag()),
                head.contentType(), head.lastModified(), head.metadata());
    }

    @Override
    public boolean exists() {
        try {
            metadata();
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    private GetObjectRequest.Builder request() {
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket).key(key);
        if (versionId != null) {
            request.versionId(versionId);
        }
        return request;
    }

    private String resource() {
        return bucket + "/" + key + (versionId == null ? "" : "?versionId=" + versionId);
    }

    @Override
    public String toString() {
        return "StoredObject{" + resource() + "}";
    }
}
