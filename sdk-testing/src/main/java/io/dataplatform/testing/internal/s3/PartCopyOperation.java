package io.dataplatform.testing.internal.s3;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CopyPartResult;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;

/**
 * UploadPartCopy: reads the source (or a byte range of it) as CopyObject does, under the source bucket's lock,
 * then stores it as the upload's part as UploadPart would, under the target bucket's lock.
 */
final class PartCopyOperation {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d{1,18})-(\\d{1,18})");

    private final S3World world;
    private final AccessControl access;
    private final ObjectReads reads;

    PartCopyOperation(S3World world, AccessControl access) {
        this.world = world;
        this.access = access;
        this.reads = new ObjectReads(access);
    }

    UploadPartCopyResponse copyPart(UploadPartCopyRequest request) {
        int number = MultipartOperations.checkPartNumber(request.partNumber());
        CopySource from = CopySource.of(request.sourceBucket(), request.sourceKey(), request.sourceVersionId(),
                deprecatedHeader(request));
        long[] range = parseRange(request.copySourceRange());
        record Read(byte[] data, String reportedVersion) {
        }
        Read read = world.inBucket(from.bucket(), bucket -> {
            StoredObject object = from.resolve(bucket, access, reads, request.copySourceIfMatch(),
                    request.copySourceIfNoneMatch(), request.copySourceIfModifiedSince(), request.copySourceIfUnmodifiedSince());
            byte[] data = object.data();
            if (range != null) {
                if (range[1] >= data.length) {
                    // Real S3's answer to a range past the source's end, as quoted in versitygw#610 and
                    // fsspec/s3fs#321: 400 InvalidArgument, not the 416 InvalidRange of a GetObject.
                    throw S3Errors.badRequest("InvalidArgument",
                            "Range specified is not valid for source object of size: " + data.length);
                }
                data = Arrays.copyOfRange(data, (int) range[0], (int) range[1] + 1);
            }
            return new Read(data, bucket.versioning().reported(object.versionId()));
        });
        byte[] data = read.data();
        byte[] md5 = Digests.md5(data);
        String etag = Digests.etagOfMd5(md5);
        return world.inBucket(request.destinationBucket(), bucket -> {
            access.check(bucket, "s3:PutObject", request.destinationKey(), RequestKeys.partCopy(from.bucket(), from.key()));
            PendingUpload upload = MultipartOperations.upload(bucket, request.destinationKey(), request.uploadId());
            ChecksumAlgorithm algorithm = upload.checksumAlgorithm();
            // S3 computes the upload's checksum of the copied bytes itself: a copy request sends no checksum.
            String checksum = algorithm == null ? null : Checksums.compute(algorithm, data);
            PendingUpload.Part part = new PendingUpload.Part(number, data, md5, etag, world.now(), checksum);
            upload.parts().put(number, part);
            CopyPartResult.Builder result = CopyPartResult.builder().eTag(etag).lastModified(part.lastModified());
            if (algorithm != null) {
                switch (algorithm) {
                    case CRC32 -> result.checksumCRC32(checksum);
                    case CRC32_C -> result.checksumCRC32C(checksum);
                    case SHA1 -> result.checksumSHA1(checksum);
                    case SHA256 -> result.checksumSHA256(checksum);
                    default -> {
                    }
                }
            }
            return UploadPartCopyResponse.builder().copyPartResult(result.build())
                    .copySourceVersionId(read.reportedVersion())
                    .serverSideEncryption(ServerSideEncryption.AES256).build();
        });
    }

    /**
     * Returns {first, last} of x-amz-copy-source-range, or null to copy the whole source. Only the absolute
     * {@code bytes=first-last} form is accepted (UploadPartCopy API reference); S3 refuses anything else,
     * suffix and open ranges included, with the message s3proxy#304 quotes from S3.
     */
    private static long[] parseRange(String header) {
        if (header == null) {
            return null;
        }
        Matcher m = RANGE.matcher(header);
        long first = m.matches() ? Long.parseLong(m.group(1)) : -1;
        long last = m.matches() ? Long.parseLong(m.group(2)) : -1;
        if (first < 0 || first > last) {
            throw S3Errors.badRequest("InvalidArgument", "The x-amz-copy-source-range value must be of the form "
                    + "bytes=first-last where first and last are the zero-based offsets of the first and last bytes to copy");
        }
        return new long[] {first, last};
    }

    @SuppressWarnings("deprecation")
    private static String deprecatedHeader(UploadPartCopyRequest request) {
        return request.copySource();
    }
}
