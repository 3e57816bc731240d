package io.dataplatform.testing.internal.s3;

import java.io.ByteArrayInputStream;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.AbortedException;
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
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/** PutObject, GetObject and HeadObject. */
final class ObjectOperations {
    /** The class of the SDK's toBytes() transformer, which reads a response whole into one array. */
    private static final Class<?> SDK_TO_BYTES = ResponseTransformer.toBytes().getClass();

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
        ObjectAttributes.storageClass(request.storageClassAsString());   // refused before the body is read
        byte[] data = ObjectAttributes.read(body, ObjectAttributes.MAX_SINGLE_PUT);
        byte[] md5 = Digests.md5(data);
        ObjectAttributes.checkContentMd5(request.contentMD5(), md5);
        String etag = Digests.etagOfMd5(md5);
        Map<String, String> tags = TagSets.header(request.tagging());
        ChecksumAlgorithm algorithm = Checksums.requested(request.checksumAlgorithm(), request.checksumCRC32(),
                request.checksumCRC32C(), request.checksumSHA1(), request.checksumSHA256());
        StoredObject.Checksum checksum = algorithm == null ? null : new StoredObject.Checksum(algorithm,
                Checksums.verified(algorithm, data, request.checksumCRC32(), request.checksumCRC32C(),
                        request.checksumSHA1(), request.checksumSHA256()), false);
        return world.inBucket(request.bucket(), bucket -> {
            access.check(bucket, "s3:PutObject", key, RequestKeys.put(request));
            ObjectAttributes.checkNoObjectLock(request.objectLockModeAsString(), request.objectLockRetainUntilDate(),
                    request.objectLockLegalHoldStatusAsString());
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
            // Built here, not before the lambda, so that the lambda captures nothing more than it did without headers.
            StoredObject.Headers headers = headers(request);
            // The version id is chosen here so that the store keeps this record instead of a copy with the id.
            String versionId = bucket.versioning() == VersionState.ENABLED ? world.newVersionId() : StoredObject.NULL_VERSION;
            StoredObject stored = bucket.objects().put(
                    new StoredObject(key, versionId, false, data, etag, contentType, metadata, world.now(), tags,
                            checksum, List.of(), headers),
                    bucket.versioning(), () -> versionId);
            return PutObjectResponse.builder().eTag(etag).size((long) data.length)
                    .versionId(bucket.versioning().reported(stored.versionId()))
                    .serverSideEncryption(ServerSideEncryption.AES256).build();
        });
    }

    /** The request's standard headers and storage class (already checked), NONE when it sets none. */
    private static StoredObject.Headers headers(PutObjectRequest request) {
        return StoredObject.Headers.of(request.cacheControl(), request.contentEncoding(), request.contentDisposition(),
                request.contentLanguage(), request.expires(), request.websiteRedirectLocation(),
                request.storageClassAsString());
    }

    <T> T get(GetObjectRequest request, ResponseTransformer<GetObjectResponse, T> transformer) {
        record Read(GetObjectResponse response, byte[] data, ByteRange range) {
        }
        Read read = world.inBucket(request.bucket(), bucket -> {
            StoredObject object = reads.read(bucket, request.key(), request.versionId(), false);
            if (object.headers().archived()) {
                throw S3Errors.invalidObjectState();
            }
            Preconditions.check(object, request.ifMatch(), request.ifNoneMatch(), request.ifModifiedSince(),
                    request.ifUnmodifiedSince());
            ByteRange range = range(object, request.range(), request.partNumber());
            GetObjectResponse.Builder response = GetObjectResponse.builder()
                    .eTag(object.etag()).contentType(object.contentType()).lastModified(object.lastModified())
                    .metadata(object.metadata()).versionId(bucket.versioning().reported(object.versionId()))
                    .acceptRanges("bytes").serverSideEncryption(ServerSideEncryption.AES256)
                    .contentLength(range == null ? object.size() : range.length());
            if (range != null) {
                response.contentRange(range.contentRange(object.size()));
            }
            if (request.partNumber() != null && !object.parts().isEmpty()) {
                response.partsCount(object.parts().size());
            }
            StoredObject.Headers headers = object.headers();
            if (headers != StoredObject.Headers.NONE) {
                response.cacheControl(headers.cacheControl()).contentEncoding(headers.contentEncoding())
                        .contentDisposition(headers.contentDisposition()).contentLanguage(headers.contentLanguage())
                        .expires(headers.expires()).websiteRedirectLocation(headers.websiteRedirectLocation())
                        .storageClass(headers.storageClass());
            }
            overrides(request, response);
            BucketOperations.status(response, range == null ? 200 : 206);
            return new Read(response.build(), object.data(), range);
        });
        int offset = read.range() == null ? 0 : (int) read.range().first();
        int length = read.range() == null ? read.data().length : (int) read.range().length();
        if (isSdkToBytes(transformer)) {
            // What toBytes() would build from the stream, without its 4 KiB reads into a doubling buffer (a 256 MiB
            // object is copied about nine times that way). The copy is the caller's: asByteArrayUnsafe() is theirs.
            @SuppressWarnings("unchecked")
            T bytes = (T) ResponseBytes.fromByteArrayUnsafe(read.response(),
                    Arrays.copyOfRange(read.data(), offset, offset + length));
            return bytes;
        }
        AbortableInputStream stream = AbortableInputStream.create(new ByteArrayInputStream(read.data(), offset, length));
        try {
            return transformer.transform(read.response(), stream);
        } catch (RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            // The SDK's ApiCallTimeoutTrackingStage: the thread's flag set again, AbortedException to the caller.
            Thread.currentThread().interrupt();
            throw AbortedException.create("Thread was interrupted", e);
        } catch (Exception e) {
            throw SdkClientException.create("Failed to transform the GetObject response", e);
        }
    }

    /**
     * Whether the transformer is the SDK's own {@link ResponseTransformer#toBytes()} (its class, not its name: a
     * user's transformer may name itself anything). An interrupted thread takes the transformer's own path, which
     * throws.
     */
    private static boolean isSdkToBytes(ResponseTransformer<?, ?> transformer) {
        return transformer.getClass() == SDK_TO_BYTES && !Thread.currentThread().isInterrupted();
    }

    /**
     * The byte range a read returns: the Range header's, or the part {@code partNumber} names. A single-part
     * object has only part 1, the whole object as a range; any other number, or one past a multipart object's parts, is
     * 416 InvalidPartNumber. Range and partNumber together are 400 InvalidRequest.
     */
    private static ByteRange range(StoredObject object, String rangeHeader, Integer partNumber) {
        if (partNumber == null) {
            return ByteRange.parse(rangeHeader, object.size());
        }
        if (rangeHeader != null) {
            throw S3Errors.badRequest("InvalidRequest", "Cannot specify both Range header and partNumber query parameter");
        }
        if (partNumber < 1 || partNumber > 10_000) {
            throw S3Errors.badRequest("InvalidArgument", "Part number must be an integer between 1 and 10000, inclusive");
        }
        if (object.parts().isEmpty()) {
            if (partNumber != 1) {
                throw invalidPartNumber();
            }
            // Part 1 of a single-part object is the whole object, still answered as a range: S3 replies 206 with
            // Content-Range "bytes 0-(n-1)/n" (what S3 sends, as other S3 implementations found and matched).
            return object.size() == 0 ? null : new ByteRange(0, object.size() - 1);
        }
        long first = 0;
        for (StoredObject.Part part : object.parts()) {
            if (part.number() == partNumber) {
                return new ByteRange(first, first + part.size() - 1);
            }
            first += part.size();
        }
        throw invalidPartNumber();
    }

    private static S3Exception invalidPartNumber() {
        return S3Errors.build(416, "InvalidPartNumber", "The requested partnumber is not satisfiable");
    }

    /**
     * The response-* query parameters set the response's headers (GetObject API reference, "Overriding
     * response header values through the request"); they need a signed request, so an anonymous one is
     * 400 InvalidRequest.
     */
    private void overrides(GetObjectRequest request, GetObjectResponse.Builder response) {
        if (request.responseContentType() == null && request.responseContentLanguage() == null
                && request.responseExpires() == null && request.responseCacheControl() == null
                && request.responseContentDisposition() == null && request.responseContentEncoding() == null) {
            return;
        }
        if (access.anonymous()) {
            throw S3Errors.badRequest("InvalidRequest",
                    "Request specific response headers cannot be used for anonymous GET requests.");
        }
        if (request.responseContentType() != null) {
            response.contentType(request.responseContentType());
        }
        if (request.responseContentLanguage() != null) {
            response.contentLanguage(request.responseContentLanguage());
        }
        if (request.responseExpires() != null) {
            response.expires(request.responseExpires().truncatedTo(ChronoUnit.SECONDS));
        }
        if (request.responseCacheControl() != null) {
            response.cacheControl(request.responseCacheControl());
        }
        if (request.responseContentDisposition() != null) {
            response.contentDisposition(request.responseContentDisposition());
        }
        if (request.responseContentEncoding() != null) {
            response.contentEncoding(request.responseContentEncoding());
        }
    }

    HeadObjectResponse head(HeadObjectRequest request) {
        return world.inBucket(request.bucket(), bucket -> {
            StoredObject object = reads.read(bucket, request.key(), request.versionId(), true);
            Preconditions.check(object, request.ifMatch(), request.ifNoneMatch(), request.ifModifiedSince(),
                    request.ifUnmodifiedSince());
            ByteRange range = range(object, request.range(), request.partNumber());
            HeadObjectResponse.Builder response = HeadObjectResponse.builder()
                    .eTag(object.etag()).contentType(object.contentType()).lastModified(object.lastModified())
                    .metadata(object.metadata()).versionId(bucket.versioning().reported(object.versionId()))
                    .acceptRanges("bytes").serverSideEncryption(ServerSideEncryption.AES256)
                    .contentLength(range == null ? object.size() : range.length())
                    .contentRange(range == null ? null : range.contentRange(object.size()));
            if (request.partNumber() != null && !object.parts().isEmpty()) {
                response.partsCount(object.parts().size());
            }
            // A ranged HEAD (Range or partNumber) answers 206 Partial Content as the ranged GET does.
            BucketOperations.status(response, range == null ? 200 : 206);
            StoredObject.Headers headers = object.headers();
            if (headers != StoredObject.Headers.NONE) {
                // HeadObject answers for archived objects too, reporting their class (x-amz-storage-class).
                response.cacheControl(headers.cacheControl()).contentEncoding(headers.contentEncoding())
                        .contentDisposition(headers.contentDisposition()).contentLanguage(headers.contentLanguage())
                        .expires(headers.expires()).websiteRedirectLocation(headers.websiteRedirectLocation())
                        .storageClass(headers.storageClass());
            }
            return response.build();
        });
    }
}
