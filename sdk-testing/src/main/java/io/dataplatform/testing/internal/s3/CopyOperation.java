package io.dataplatform.testing.internal.s3;

import java.util.Map;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectResult;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.TaggingDirective;

/** CopyObject: reads the source under its bucket's lock, then writes the target under the target's. */
final class CopyOperation {
    private final S3World world;
    private final AccessControl access;
    private final ObjectReads reads;

    CopyOperation(S3World world, AccessControl access) {
        this.world = world;
        this.access = access;
        this.reads = new ObjectReads(access);
    }

    CopyObjectResponse copy(CopyObjectRequest request) {
        DisabledAcls.checkObjectPut(request.aclAsString(), request.grantFullControl(), request.grantRead(),
                request.grantReadACP(), request.grantWriteACP());
        CopySource from = CopySource.of(request.sourceBucket(), request.sourceKey(), request.sourceVersionId(),
                deprecatedHeader(request));
        String key = request.destinationKey();
        Names.checkKey(key);
        record Read(StoredObject object, String reportedVersion, boolean isLatest) {
        }
        Read read = world.inBucket(from.bucket(), bucket -> {
            StoredObject object = from.resolve(bucket, access, reads, request.copySourceIfMatch(),
                    request.copySourceIfNoneMatch(), request.copySourceIfModifiedSince(), request.copySourceIfUnmodifiedSince());
            boolean latest = bucket.objects().latest(from.key()).map(l -> l == object).orElse(false);
            return new Read(object, bucket.versioning().reported(object.versionId()), latest);
        });
        boolean replace = request.metadataDirective() == MetadataDirective.REPLACE;
        String storageClass = ObjectAttributes.storageClass(request.storageClassAsString());
        boolean sameObject = from.bucket().equals(request.destinationBucket()) && from.key().equals(key) && read.isLatest();
        if (sameObject && !replace && storageClass == null && request.serverSideEncryption() == null
                && request.websiteRedirectLocation() == null) {
            throw S3Errors.badRequest("InvalidRequest", "This copy request is illegal because it is trying to copy an "
                    + "object to itself without changing the object's metadata, storage class, website redirect "
                    + "location or encryption attributes.");
        }
        StoredObject source = read.object();
        Map<String, String> metadata = replace ? ObjectAttributes.metadata(request.metadata()) : source.metadata();
        String contentType = replace ? ObjectAttributes.contentType(request.contentType(), null) : source.contentType();
        // TaggingDirective COPY (the default) keeps the source's tags; REPLACE takes the request's x-amz-tagging.
        boolean replaceTags = request.taggingDirective() == TaggingDirective.REPLACE;
        Map<String, String> tags = replaceTags ? TagSets.header(request.tagging()) : source.tags();
        // The standard headers follow the metadata directive; the storage class is the request's either way
        // (STANDARD when it names none), as the CopyObject API reference says of x-amz-storage-class.
        StoredObject.Headers headers = replace
                ? StoredObject.Headers.of(request.cacheControl(), request.contentEncoding(),
                        request.contentDisposition(), request.contentLanguage(), request.expires(),
                        request.websiteRedirectLocation(), storageClass)
                : source.headers().withStorageClass(storageClass);
        return world.inBucket(request.destinationBucket(), bucket -> {
            access.check(bucket, "s3:PutObject", key, RequestKeys.copy(request, from.bucket(), from.key()));
            ObjectAttributes.checkNoObjectLock(request.objectLockModeAsString(), request.objectLockRetainUntilDate(),
                    request.objectLockLegalHoldStatusAsString());
            if (request.ifMatch() != null) {
                access.check(bucket, "s3:GetObject", key);
            }
            WriteConditions.checkWrite(bucket, key, request.ifMatch(), request.ifNoneMatch());
            if (!tags.isEmpty()) {
                access.check(bucket, "s3:PutObjectTagging", key);
            }
            StoredObject stored = bucket.objects().put(new StoredObject(key, null, false, source.data(), source.etag(),
                    contentType, metadata, world.now(), tags, source.checksum(), source.parts(), headers),
                    bucket.versioning(), world::newVersionId);
            return CopyObjectResponse.builder()
                    .copyObjectResult(CopyObjectResult.builder().eTag(stored.etag()).lastModified(stored.lastModified()).build())
                    .versionId(bucket.versioning().reported(stored.versionId()))
                    .copySourceVersionId(read.reportedVersion())
                    .serverSideEncryption(ServerSideEncryption.AES256).build();
        });
    }

    @SuppressWarnings("deprecation")
    private static String deprecatedHeader(CopyObjectRequest request) {
        return request.copySource();
    }
}
