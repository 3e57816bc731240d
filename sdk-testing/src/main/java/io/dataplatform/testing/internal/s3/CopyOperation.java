package io.dataplatform.testing.internal.s3;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
        Source from = source(request);
        String key = request.destinationKey();
        Names.checkKey(key);
        record Read(StoredObject object, String reportedVersion, boolean isLatest) {
        }
        Read read = world.inBucket(from.bucket(), bucket -> {
            String versionId = from.versionId();
            if (versionId != null && bucket.objects().version(from.key(), versionId).map(StoredObject::deleteMarker).orElse(false)) {
                access.check(bucket, "s3:GetObjectVersion", from.key(), RequestKeys.version(versionId));
                throw S3Errors.badRequest("InvalidRequest",
                        "The source of a copy request may not specifically refer to a delete marker by version id.");
            }
            StoredObject object = reads.resolve(bucket, from.key(), versionId, false);
            Preconditions.checkCopySource(object, request.copySourceIfMatch(), request.copySourceIfNoneMatch(),
                    request.copySourceIfModifiedSince(), request.copySourceIfUnmodifiedSince());
            if (object.headers().archived()) {
                // An archived source must be restored before it can be copied (CopyObject API reference).
                throw S3Errors.invalidObjectState();
            }
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

    private record Source(String bucket, String key, String versionId) {
    }

    /** Takes the source from SourceBucket/SourceKey, or from the deprecated URL-encoded CopySource header. */
    @SuppressWarnings("deprecation")
    private static Source source(CopyObjectRequest request) {
        if (request.sourceBucket() != null) {
            return new Source(request.sourceBucket(), Names.required(request.sourceKey(), "SourceKey"),
                    request.sourceVersionId());
        }
        String header = Names.required(request.copySource(), "SourceBucket");
        String versionId = null;
        int query = header.indexOf("?versionId=");
        if (query >= 0) {
            versionId = header.substring(query + "?versionId=".length());
            header = header.substring(0, query);
        }
        String path = URLDecoder.decode(header.startsWith("/") ? header.substring(1) : header, StandardCharsets.UTF_8);
        int slash = path.indexOf('/');
        if (slash <= 0) {
            throw S3Errors.badRequest("InvalidArgument", "Invalid copy source object key");
        }
        return new Source(path.substring(0, slash), path.substring(slash + 1), versionId);
    }
}
