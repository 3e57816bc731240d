package io.dataplatform.s3.internal;

import io.dataplatform.AccessDeniedException;
import io.dataplatform.ResourceAlreadyExistsException;
import io.dataplatform.ResourceNotFoundException;
import io.dataplatform.internal.Checks;
import io.dataplatform.internal.Pages;
import io.dataplatform.s3.BatchDeleteResult;
import io.dataplatform.s3.Bucket;
import io.dataplatform.s3.BucketPolicy;
import io.dataplatform.s3.DeleteFailure;
import io.dataplatform.s3.DeletedObject;
import io.dataplatform.s3.Folder;
import io.dataplatform.s3.ListEntry;
import io.dataplatform.s3.ObjectContent;
import io.dataplatform.s3.ObjectSummary;
import io.dataplatform.s3.ObjectVersion;
import io.dataplatform.s3.PresignedUrl;
import io.dataplatform.s3.PutOptions;
import io.dataplatform.s3.PutResult;
import io.dataplatform.s3.StoredObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.regions.Region;

/** The {@link Bucket} implementation over an {@code S3Client}. */
public final class DefaultBucket implements Bucket {
    /** DeleteObjects takes at most 1,000 keys per request (S3 API reference, DeleteObjects). */
    static final int DELETE_BATCH = 1000;

    private final S3Context context;
    private final String name;
    private final VersionHistory history;
    private final Presigning presigning;
    private final ObjectWriter writer;

    /** Creates a handle; validates the name, calls nothing. */
    public DefaultBucket(S3Context context, String name) {
        this.context = context;
        this.name = S3Names.bucket(name);
        this.history = new VersionHistory(context, this.name);
        this.presigning = new Presigning(context, this.name);
        this.writer = new ObjectWriter(context, this.name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Bucket create() {
        // In us-east-1 S3 answers 200 OK to CreateBucket for a bucket you already own (CreateBucket API
        // reference); asking first gives create() the same meaning in every region.
        try {
            context.invoker().run("HeadBucket", name, () -> context.s3().headBucket(r -> r.bucket(name)));
            throw new ResourceAlreadyExistsException("Bucket '" + name + "' already exists and you own it: use "
                    + "platform.bucket(\"" + name + "\") without create() to work with it, or choose another name");
        } catch (ResourceNotFoundException absent) {
            // the expected case: go on and create it
        } catch (AccessDeniedException ownedByAnother) {
            // CreateBucket below reports BucketAlreadyExists with S3's own message
        }
        CreateBucketRequest.Builder request = CreateBucketRequest.builder().bucket(name);
        // us-east-1 is the one region that must not be named as a location constraint (CreateBucket API reference).
        if (context.region() != null && !Region.US_EAST_1.equals(context.region())) {
            request.createBucketConfiguration(c -> c.locationConstraint(context.region().id()));
        }
        context.invoker().run("CreateBucket", name, () -> context.s3().createBucket(request.build()));
        context.invoker().run("PutBucketVersioning", name, () -> context.s3().putBucketVersioning(r -> r.bucket(name)
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED))));
        context.invoker().run("PutPublicAccessBlock", name, () -> context.s3().putPublicAccessBlock(r -> r.bucket(name)
                .publicAccessBlockConfiguration(c -> c.blockPublicAcls(true).ignorePublicAcls(true)
                        .blockPublicPolicy(true).restrictPublicBuckets(true))));
        context.invoker().run("PutBucketEncryption", name, () -> context.s3().putBucketEncryption(r -> r.bucket(name)
                .serverSideEncryptionConfiguration(c -> c.rules(rule -> rule.bucketKeyEnabled(true)
                        .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256))))));
        return this;
    }

    @Override
    public boolean exists() {
        try {
            context.invoker().run("HeadBucket", name, () -> context.s3().headBucket(r -> r.bucket(name)));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    @Override
    public void delete() {
        context.invoker().run("DeleteBucket", name, () -> context.s3().deleteBucket(r -> r.bucket(name)));
    }

    @Override
    public PutResult put(String key, ObjectContent content, PutOptions options) {
        S3Names.key(key);
        Checks.notNull(content, "content");
        Checks.notNull(options, "options");
        return writer.put(key, content, options);
    }

    @Override
    public StoredObject get(String key) {
        return new DefaultStoredObject(context, name, S3Names.key(key), null);
    }

    @Override
    public Stream<ObjectSummary> list(String prefix) {
        S3Names.prefix(prefix);
        return Pages.<String, ObjectSummary>stream(token -> {
            ListObjectsV2Response page = listPage(prefix, null, token);
            return new Pages.Page<>(page.contents().stream().map(o -> new ObjectSummary(o.key(), o.size(),
                    ETags.strip(o.eTag()), o.lastModified())).toList(), page.nextContinuationToken());
        });
    }

    @Override
    public Stream<ListEntry> browse(String prefix) {
        S3Names.prefix(prefix);
        return Pages.<String, ListEntry>stream(token -> {
            ListObjectsV2Response page = listPage(prefix, "/", token);
            List<ListEntry> entries = new ArrayList<>();
            page.commonPrefixes().forEach(p -> entries.add(new Folder(p.prefix())));
            page.contents().forEach(o -> entries.add(new ObjectSummary(o.key(), o.size(), ETags.strip(o.eTag()),
                    o.lastModified())));
            return new Pages.Page<>(entries, page.nextContinuationToken());
        });
    }

    private ListObjectsV2Response listPage(String prefix, String delimiter, String token) {
        ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(name).prefix(prefix).delimiter(delimiter)
                .continuationToken(token).build();
        ListObjectsV2Response page = context.invoker().call("ListObjectsV2", name + "/" + prefix,
                () -> context.s3().listObjectsV2(request));
        return Boolean.TRUE.equals(page.isTruncated()) ? page : page.toBuilder().nextContinuationToken(null).build();
    }

    @Override
    public PutResult copy(String sourceKey, String targetKey) {
        return copy(sourceKey, this, targetKey);
    }

    @Override
    public PutResult copy(String sourceKey, Bucket target, String targetKey) {
        S3Names.key(sourceKey);
        S3Names.key(targetKey);
        Checks.notNull(target, "target");
        CopyObjectResponse response = context.invoker().call("CopyObject", name + "/" + sourceKey,
                () -> context.s3().copyObject(r -> r.sourceBucket(name).sourceKey(sourceKey)
                        .destinationBucket(target.name()).destinationKey(targetKey)));
        // An unversioned target returns no version id; then the current object is the copy.
        StoredObject copied = response.versionId() == null ? target.get(targetKey)
                : target.get(targetKey).version(response.versionId());
        long size = copied.metadata().size();
        return new PutResult(targetKey, response.versionId(), ETags.strip(response.copyObjectResult().eTag()), size);
    }

    @Override
    public void delete(String key) {
        S3Names.key(key);
        context.invoker().run("DeleteObject", name + "/" + key, () -> context.s3().deleteObject(r -> r.bucket(name).key(key)));
    }

    @Override
    public BatchDeleteResult deleteAll(Collection<String> keys) {
        Checks.notNull(keys, "keys");
        // Every key is checked before the first request, so one bad key deletes nothing.
        List<String> all = new ArrayList<>(keys.size());
        for (String key : keys) {
            all.add(S3Names.key(key, "keys[" + all.size() + "]"));
        }
        List<String> deleted = new ArrayList<>();
        List<DeleteFailure> failed = new ArrayList<>();
        for (int from = 0; from < all.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = all.subList(from, Math.min(all.size(), from + DELETE_BATCH)).stream()
                    .map(k -> ObjectIdentifier.builder().key(k).build()).toList();
            DeleteObjectsResponse response = context.invoker().call("DeleteObjects", name + " (" + batch.size() + " keys)",
                    () -> context.s3().deleteObjects(r -> r.bucket(name).delete(d -> d.objects(batch).quiet(false))));
            response.deleted().forEach(d -> deleted.add(d.key()));
            response.errors().forEach(e -> failed.add(new DeleteFailure(e.key(), e.code(), e.message())));
        }
        return new BatchDeleteResult(deleted, failed);
    }

    @Override
    public List<ObjectVersion> versions(String key) {
        return history.versions(S3Names.key(key));
    }

    @Override
    public ObjectVersion restore(String key) {
        return history.restore(S3Names.key(key));
    }

    @Override
    public ObjectVersion restore(String key, String versionId) {
        return history.restore(S3Names.key(key), versionId);
    }

    @Override
    public ObjectVersion restoreAsOf(String key, Instant instant) {
        return history.restoreAsOf(S3Names.key(key), instant);
    }

    @Override
    public Stream<DeletedObject> deletedObjects(String prefix) {
        return history.deletedObjects(S3Names.prefix(prefix));
    }

    @Override
    public void policy(BucketPolicy policy) {
        Checks.notNull(policy, "policy");
        String json = PolicyCodec.toJson(policy, name, context.platform().accountId());
        context.invoker().run("PutBucketPolicy", name, () -> context.s3().putBucketPolicy(r -> r.bucket(name).policy(json)));
    }

    @Override
    public Optional<BucketPolicy> policy() {
        try {
            String json = context.invoker().call("GetBucketPolicy", name,
                    () -> context.s3().getBucketPolicy(r -> r.bucket(name))).policy();
            return Optional.of(PolicyCodec.fromJson(json, name, context.platform().accountId()));
        } catch (ResourceNotFoundException e) {
            if (e.getCause() instanceof S3Exception s3 && s3.awsErrorDetails() != null
                    && "NoSuchBucketPolicy".equals(s3.awsErrorDetails().errorCode())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void deletePolicy() {
        context.invoker().run("DeleteBucketPolicy", name, () -> context.s3().deleteBucketPolicy(r -> r.bucket(name)));
    }

    @Override
    public PresignedUrl presignGet(String key, Duration expiry) {
        return presigning.get(S3Names.key(key), expiry);
    }

    @Override
    public PresignedUrl presignPut(String key, Duration expiry) {
        return presigning.put(S3Names.key(key), expiry);
    }

    @Override
    public String toString() {
        return "Bucket{" + name + "}";
    }
}
