package io.dataplatform.testing.internal.s3;

import java.util.List;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.model.Checksum;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesParts;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesRequest;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesResponse;
import software.amazon.awssdk.services.s3.model.ObjectAttributes;
import software.amazon.awssdk.services.s3.model.ObjectPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * GetObjectAttributes: HeadObject and ListParts in one call, answering only the attributes asked for.
 * Behaviour from the API reference that surprises: the ETag comes without quotes (HeadObject quotes
 * it), and ObjectParts lists its Parts only when the upload used an additional checksum; otherwise it
 * gives just the parts count. A delete marker as the current version answers 404 NoSuchKey with
 * {@code x-amz-delete-marker: true}.
 */
final class AttributesOperation {
    private static final int MAX_PARTS = 1000;

    private final S3World world;
    private final AccessControl access;
    private final ObjectReads reads;

    AttributesOperation(S3World world, AccessControl access) {
        this.world = world;
        this.access = access;
        this.reads = new ObjectReads(access);
    }

    GetObjectAttributesResponse attributes(GetObjectAttributesRequest request) {
        Set<ObjectAttributes> wanted = Set.copyOf(request.objectAttributes());
        if (wanted.isEmpty() || wanted.contains(ObjectAttributes.UNKNOWN_TO_SDK_VERSION)) {
            throw S3Errors.badRequest("InvalidArgument", "Invalid attribute name specified.");
        }
        int maxParts = request.maxParts() == null ? MAX_PARTS : request.maxParts();
        int marker = request.partNumberMarker() == null ? 0 : request.partNumberMarker();
        if (maxParts < 0 || marker < 0) {
            throw S3Errors.badRequest("InvalidArgument", "Argument max-parts and part-number-marker must be integers "
                    + "between 0 and 2147483647");
        }
        String versionId = request.versionId();
        return world.inBucket(request.bucket(), bucket -> {
            ObjectReads.checkVersionId(versionId);
            // The API reference asks for both: s3:GetObject(Version) and s3:GetObject(Version)Attributes.
            access.check(bucket, versionId == null ? "s3:GetObject" : "s3:GetObjectVersion", request.key());
            access.check(bucket, versionId == null ? "s3:GetObjectAttributes" : "s3:GetObjectVersionAttributes",
                    request.key());
            StoredObject object = resolve(bucket, request.key(), versionId);
            GetObjectAttributesResponse.Builder response = GetObjectAttributesResponse.builder()
                    .lastModified(object.lastModified()).versionId(bucket.versioning().reported(object.versionId()));
            if (wanted.contains(ObjectAttributes.E_TAG)) {
                response.eTag(Digests.unquote(object.etag()));
            }
            if (wanted.contains(ObjectAttributes.CHECKSUM) && object.checksum() != null) {
                response.checksum(checksum(object.checksum()));
            }
            if (wanted.contains(ObjectAttributes.OBJECT_PARTS) && !object.parts().isEmpty()) {
                response.objectParts(parts(object, maxParts, marker));
            }
            if (wanted.contains(ObjectAttributes.STORAGE_CLASS)) {
                response.storageClass(object.headers().storageClassOrStandard());
            }
            if (wanted.contains(ObjectAttributes.OBJECT_SIZE)) {
                response.objectSize(object.size());
            }
            return response.build();
        });
    }

    private StoredObject resolve(FakeBucket bucket, String key, String versionId) {
        StoredObject latest = versionId == null ? bucket.objects().latest(key).orElse(null) : null;
        if (latest != null && latest.deleteMarker()) {
            throw deleteMarker(bucket, latest);
        }
        return reads.find(bucket, key, versionId, false);
    }

    /** A 404 NoSuchKey carrying the x-amz-delete-marker and x-amz-version-id headers S3 sends with it. */
    private static S3Exception deleteMarker(FakeBucket bucket, StoredObject marker) {
        SdkHttpResponse.Builder http = SdkHttpResponse.builder().statusCode(404).putHeader("x-amz-delete-marker", "true");
        String reported = bucket.versioning().reported(marker.versionId());
        if (reported != null) {
            http.putHeader("x-amz-version-id", reported);
        }
        String message = "The specified key does not exist.";
        AwsErrorDetails details = AwsErrorDetails.builder().errorCode("NoSuchKey").errorMessage(message)
                .serviceName("S3").sdkHttpResponse(http.build()).build();
        return (S3Exception) software.amazon.awssdk.services.s3.model.NoSuchKeyException.builder().statusCode(404)
                .awsErrorDetails(details).message(message).build();
    }

    private static Checksum checksum(StoredObject.Checksum stored) {
        Checksum.Builder checksum = Checksum.builder()
                .checksumType(stored.composite() ? ChecksumType.COMPOSITE : ChecksumType.FULL_OBJECT);
        switch (stored.algorithm()) {
            case CRC32 -> checksum.checksumCRC32(stored.value());
            case CRC32_C -> checksum.checksumCRC32C(stored.value());
            case SHA1 -> checksum.checksumSHA1(stored.value());
            case SHA256 -> checksum.checksumSHA256(stored.value());
            default -> {
            }
        }
        return checksum.build();
    }

    /** Pages the parts after {@code marker}, at most {@code maxParts} of them. */
    private static GetObjectAttributesParts parts(StoredObject object, int maxParts, int marker) {
        List<StoredObject.Part> after = object.parts().stream().filter(p -> p.number() > marker).toList();
        List<StoredObject.Part> page = after.subList(0, Math.min(maxParts, after.size()));
        boolean truncated = after.size() > page.size();
        GetObjectAttributesParts.Builder parts = GetObjectAttributesParts.builder()
                .totalPartsCount(object.parts().size()).maxParts(maxParts).partNumberMarker(marker)
                .isTruncated(truncated);
        if (truncated && !page.isEmpty()) {
            parts.nextPartNumberMarker(page.get(page.size() - 1).number());
        }
        if (object.checksum() != null) {
            parts.parts(page.stream().map(p -> part(p, object.checksum())).toList());
        }
        return parts.build();
    }

    private static ObjectPart part(StoredObject.Part p, StoredObject.Checksum checksum) {
        ObjectPart.Builder part = ObjectPart.builder().partNumber(p.number()).size(p.size());
        switch (checksum.algorithm()) {
            case CRC32 -> part.checksumCRC32(p.checksum());
            case CRC32_C -> part.checksumCRC32C(p.checksum());
            case SHA1 -> part.checksumSHA1(p.checksum());
            case SHA256 -> part.checksumSHA256(p.checksum());
            default -> {
            }
        }
        return part.build();
    }
}
