package io.dataplatform.testing.internal.s3;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/** PutObject, GetObject and HeadObject. */
final class ObjectOperations {
    private final S3World world;
    private final AccessControl access;
    private final ObjectReads reads;

    ObjectOperations(S3World world, AccessControl access) {
        this.world = world;
        this.access = access;
        this.reads = new ObjectReads(access);
    }

    PutObjectResponse put(PutObjectRequest request, RequestBody body) {
        String key = request.key();
        Names.checkKey(key);
        Map<String, String> metadata = ObjectAttributes.metadata(request.metadata());
        String contentType = ObjectAttributes.contentType(request.contentType(), body);
        byte[] data = ObjectAttributes.read(body, ObjectAttributes.MAX_SINGLE_PUT);
        String etag = Digests.etag(data);
        Map<String, String> tags = TagSets.header(request.tagging());
        ChecksumAlgorithm algorithm = Checksums.requested(request.checksumAlgorithm(), request.checksumCRC32(),
                request.checksumCRC32C(), request.checksumSHA1(), request.checksumSHA256());
        StoredObject.Checksum checksum = algorithm == null ? null : new StoredObject.Checksum(algorithm,
                Checksums.verified(algorithm, data, request.checksumCRC32(), request.checksumCRC32C(),
                        request.checksumSHA1(), request.checksumSHA256()), false);
        return world.inBucket(request.bucket(), bucket -> {
            access.check(bucket, "s3:PutObject", key, RequestKeys.put(request));
            if (request.ifMatch() != null) {
                // Comparing with the stored ETag reads the object: If-Match also needs s3:GetObject (conditional writes guide).
                access.check(bucket, "s3:GetObject", key);
            }
            WriteConditions.checkWrite(bucket, key, request.ifMatch(), request.ifNoneMatch());
            DisabledAcls.checkObjectPut(request.aclAsString(), request.grantFullControl(), request.grantRead(),
                    request.grantReadACP(), request.grantWriteACP());
            if (!tags.isEmpty()) {
                // PutObject with x-amz-tagging also needs s3:PutObjectTagging (PutObject API reference).
                access.check(bucket, "s3:PutObjectTagging", key);
            }
            StoredObject stored = bucket.objects().put(
                    new StoredObject(key, null, false, data, etag, contentType, metadata, world.now(), tags, checksum,
                            List.of()),
                    bucket.versioning(), world::newVersionId);
            return PutObjectResponse.builder().eTag(etag).size((long) data.length)
                    .versionId(bucket.versioning().reported(stored.versionId()))
                    .serverSideEncryption(ServerSideEncryption.AES256).build();
        });
    }

    <T> T get(GetObjectRequest request, ResponseTransformer<GetObjectResponse, T> transformer) {
        record Read(GetObjectResponse response, byte[] data, ByteRange range) {
        }
        Read read = world.inBucket(request.bucket(), bucket -> {
            StoredObject object = reads.resolve(bucket, request.key(), request.versionId(), false);
            Preconditions.check(object, request.ifMatch(), request.ifNoneMatch());
            ByteRange range = ByteRange.parse(request.range(), object.size());
            GetObjectResponse.Builder response = GetObjectResponse.builder()
                    .eTag(object.etag()).contentType(object.contentType()).lastModified(object.lastModified())
                    .metadata(object.metadata()).versionId(bucket.versioning().reported(object.versionId()))
                    .acceptRanges("bytes").serverSideEncryption(ServerSideEncryption.AES256)
                    .contentLength(range == null ? object.size() : range.length());
            if (range != null) {
                response.contentRange(range.contentRange(object.size()));
            }
            BucketOperations.status(response, range == null ? 200 : 206);
            return new Read(response.build(), object.data(), range);
        });
        int offset = read.range() == null ? 0 : (int) read.range().first();
        int length = read.range() == null ? read.data().length : (int) read.range().length();
        AbortableInputStream stream = AbortableInputStream.create(new ByteArrayInputStream(read.data(), offset, length));
        try {
            return transformer.transform(read.response(), stream);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw SdkClientException.create("Failed to transform the GetObject response", e);
        }
    }

    HeadObjectResponse head(HeadObjectRequest request) {
        return world.inBucket(request.bucket(), bucket -> {
            StoredObject object = reads.resolve(bucket, request.key(), request.versionId(), true);
            Preconditions.check(object, request.ifMatch(), request.ifNoneMatch());
            ByteRange range = ByteRange.parse(request.range(), object.size());
            return HeadObjectResponse.builder()
                    .eTag(object.etag()).contentType(object.contentType()).lastModified(object.lastModified())
                    .metadata(object.metadata()).versionId(bucket.versioning().reported(object.versionId()))
                    .acceptRanges("bytes").serverSideEncryption(ServerSideEncryption.AES256)
                    .contentLength(range == null ? object.size() : range.length())
                    .contentRange(range == null ? null : range.contentRange(object.size()))
                    .build();
        });
    }
}
