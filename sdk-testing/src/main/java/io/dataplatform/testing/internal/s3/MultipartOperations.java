package io.dataplatform.testing.internal.s3;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/** CreateMultipartUpload, UploadPart, CompleteMultipartUpload and AbortMultipartUpload, with S3's part rules. */
final class MultipartOperations {
    static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    private static final int MAX_PARTS = 10_000;

    private final S3World world;
    private final AccessControl access;

    MultipartOperations(S3World world, AccessControl access) {
        this.world = world;
        this.access = access;
    }

    CreateMultipartUploadResponse create(CreateMultipartUploadRequest request) {
        String key = request.key();
        Names.checkKey(key);
        Map<String, String> metadata = ObjectAttributes.metadata(request.metadata());
        String contentType = ObjectAttributes.contentType(request.contentType(), null);
        Map<String, String> tags = TagSets.header(request.tagging());
        StoredObject.Headers headers = StoredObject.Headers.of(request.cacheControl(), request.contentEncoding(),
                request.contentDisposition(), request.contentLanguage(), request.expires(),
                request.websiteRedirectLocation(), ObjectAttributes.storageClass(request.storageClassAsString()));
        return world.inBucket(request.bucket(), bucket -> {
            access.check(bucket, "s3:PutObject", key, RequestKeys.createUpload(request));
            ObjectAttributes.checkNoObjectLock(request.objectLockModeAsString(), request.objectLockRetainUntilDate(),
                    request.objectLockLegalHoldStatusAsString());
            DisabledAcls.checkObjectPut(request.aclAsString(), request.grantFullControl(), request.grantRead(),
                    request.grantReadACP(), request.grantWriteACP());
            if (!tags.isEmpty()) {
                access.check(bucket, "s3:PutObjectTagging", key);
            }
            PendingUpload upload = new PendingUpload(world.newUploadId(), key, world.now(),
                    access.caller().arn(), contentType, metadata, tags, request.checksumAlgorithm(), headers);
            bucket.uploads().put(upload.uploadId(), upload);
            return CreateMultipartUploadResponse.builder().bucket(bucket.name()).key(key).uploadId(upload.uploadId())
                    .serverSideEncryption(ServerSideEncryption.AES256).build();
        });
    }

    UploadPartResponse uploadPart(UploadPartRequest request, RequestBody body) {
        int number = checkPartNumber(request.partNumber());
        byte[] data = ObjectAttributes.read(body, ObjectAttributes.MAX_SINGLE_PUT);
        byte[] md5 = Digests.md5(data);
        ObjectAttributes.checkContentMd5(request.contentMD5(), md5);
        String etag = Digests.quote(HexFormat.of().formatHex(md5));
        return world.inBucket(request.bucket(), bucket -> {
            access.check(bucket, "s3:PutObject", request.key());
            PendingUpload upload = upload(bucket, request.key(), request.uploadId());
            ChecksumAlgorithm algorithm = upload.checksumAlgorithm();
            ChecksumAlgorithm sent = Checksums.requested(request.checksumAlgorithm(), request.checksumCRC32(),
                    request.checksumCRC32C(), request.checksumSHA1(), request.checksumSHA256());
            if (sent != null && sent != algorithm) {
                // A part names the upload's algorithm or none: one created without a checksum takes no part checksum
                // (PutObject/UploadPart API reference, InvalidRequest: "Checksum Type mismatch occurred, expected
                // checksum Type: sha1, actual checksum Type: crc32c."). A part naming none is left alone: the SDK
                // adds its default checksum on the wire, which a fake called in-process never sees.
                throw S3Errors.badRequest("InvalidRequest", "Checksum Type mismatch occurred, expected checksum Type: "
                        + (algorithm == null ? "null" : wireName(algorithm)) + ", actual checksum Type: " + wireName(sent));
            }
            String checksum = algorithm == null ? null : Checksums.verified(algorithm, data, request.checksumCRC32(),
                    request.checksumCRC32C(), request.checksumSHA1(), request.checksumSHA256());
            upload.parts().put(number, new PendingUpload.Part(number, data, md5, etag, world.now(), checksum));
            return UploadPartResponse.builder().eTag(etag).serverSideEncryption(ServerSideEncryption.AES256).build();
        });
    }

    CompleteMultipartUploadResponse complete(CompleteMultipartUploadRequest request) {
        List<CompletedPart> requested = request.multipartUpload() == null ? List.of() : request.multipartUpload().parts();
        if (requested.isEmpty()) {
            throw S3Errors.badRequest("MalformedXML", "The XML you provided was not well-formed or did not validate "
                    + "against our published schema");
        }
        return world.inBucket(request.bucket(), bucket -> {
            access.check(bucket, "s3:PutObject", request.key());
            PendingUpload upload = upload(bucket, request.key(), request.uploadId());
            if (request.ifMatch() != null) {
                access.check(bucket, "s3:GetObject", request.key());
            }
            WriteConditions.checkWrite(bucket, request.key(), request.ifMatch(), request.ifNoneMatch());
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            ByteArrayOutputStream md5s = new ByteArrayOutputStream();
            List<StoredObject.Part> parts = new ArrayList<>();
            int previous = 0;
            for (CompletedPart wanted : requested) {
                if (wanted.partNumber() == null || wanted.eTag() == null) {
                    throw S3Errors.badRequest("MalformedXML", "The XML you provided was not well-formed or did not "
                            + "validate against our published schema");
                }
                int number = wanted.partNumber();
                if (number < 1) {
                    // S3's own answer for part 0, as an S3 look-alike's tests record it (Bun's S3 test server); a part
                    // above 10,000 is simply one that was never uploaded (InvalidPart).
                    throw S3Errors.badRequest("InvalidArgument", "PartNumber must be >= 1");
                }
                if (number <= previous) {
                    throw S3Errors.badRequest("InvalidPartOrder", "The list of parts was not in ascending order. "
                            + "Parts must be ordered by part number.");
                }
                previous = number;
            }
            for (int i = 0; i < requested.size(); i++) {
                CompletedPart wanted = requested.get(i);
                PendingUpload.Part part = upload.parts().get(wanted.partNumber());
                if (part == null || !Digests.unquote(part.etag()).equals(Digests.unquote(wanted.eTag()))) {
                    throw S3Errors.badRequest("InvalidPart", "One or more of the specified parts could not be found.  "
                            + "The part may not have been uploaded, or the specified entity tag may not match the "
                            + "part's entity tag.");
                }
                if (i < requested.size() - 1 && part.data().length < MIN_PART_SIZE) {
                    throw S3Errors.badRequest("EntityTooSmall",
                            "Your proposed upload is smaller than the minimum allowed object size.");
                }
                data.writeBytes(part.data());
                md5s.writeBytes(part.md5());
                parts.add(new StoredObject.Part(part.number(), part.data().length, part.checksum()));
            }
            ChecksumAlgorithm algorithm = upload.checksumAlgorithm();
            StoredObject.Checksum checksum = algorithm == null ? null : new StoredObject.Checksum(algorithm,
                    Checksums.composite(algorithm, parts.stream().map(StoredObject.Part::checksum).toList()), true);
            // A multipart ETag is the MD5 of the concatenated binary part MD5s, then "-" and the part count.
            String etag = Digests.quote(HexFormat.of().formatHex(Digests.md5(md5s.toByteArray())) + "-" + requested.size());
            StoredObject stored = bucket.objects().put(new StoredObject(upload.key(), null, false, data.toByteArray(),
                    etag, upload.contentType(), upload.metadata(), world.now(), upload.tags(), checksum, parts,
                    upload.headers()),
                    bucket.versioning(), world::newVersionId);
            bucket.uploads().remove(upload.uploadId());
            return CompleteMultipartUploadResponse.builder().bucket(bucket.name()).key(upload.key()).eTag(etag)
                    .location("https://" + bucket.name() + ".s3." + bucket.region() + ".amazonaws.com/" + upload.key())
                    .versionId(bucket.versioning().reported(stored.versionId()))
                    .serverSideEncryption(ServerSideEncryption.AES256).build();
        });
    }

    AbortMultipartUploadResponse abort(AbortMultipartUploadRequest request) {
        return world.inBucket(request.bucket(), bucket -> {
            access.check(bucket, "s3:AbortMultipartUpload", request.key());
            PendingUpload upload = upload(bucket, request.key(), request.uploadId());
            bucket.uploads().remove(upload.uploadId());
            return BucketOperations.status(AbortMultipartUploadResponse.builder(), 204).build();
        });
    }

    /** The algorithm as S3's checksum messages name it: crc32, crc32c, sha1, sha256. */
    private static String wireName(ChecksumAlgorithm algorithm) {
        return algorithm.toString().toLowerCase(Locale.ROOT);
    }

    /** Returns the part number of UploadPart or UploadPartCopy, or 400 InvalidArgument outside 1-10,000. */
    static int checkPartNumber(Integer number) {
        if (number == null || number < 1 || number > MAX_PARTS) {
            throw S3Errors.badRequest("InvalidArgument", "Part number must be an integer between 1 and 10000, inclusive");
        }
        return number;
    }

    /** Returns the upload, or 404 NoSuchUpload if it is unknown, finished, or for another key. */
    static PendingUpload upload(FakeBucket bucket, String key, String uploadId) {
        PendingUpload upload = uploadId == null ? null : bucket.uploads().get(uploadId);
        if (upload == null || !upload.key().equals(key)) {
            throw S3Errors.noSuchUpload();
        }
        return upload;
    }
}
