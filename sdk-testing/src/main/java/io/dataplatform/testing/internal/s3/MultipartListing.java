package io.dataplatform.testing.internal.s3;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.Initiator;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsRequest;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.ListPartsRequest;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.Owner;
import software.amazon.awssdk.services.s3.model.Part;

/** ListMultipartUploads and ListParts, paged as S3 pages them (at most 1,000 per page). */
final class MultipartListing {
    private static final int MAX = 1000;

    private final S3World world;
    private final AccessControl access;

    MultipartListing(S3World world, AccessControl access) {
        this.world = world;
        this.access = access;
    }

    ListMultipartUploadsResponse listUploads(ListMultipartUploadsRequest request) {
        int max = request.maxUploads() == null ? MAX : Math.min(request.maxUploads(), MAX);
        String prefix = request.prefix() == null ? "" : request.prefix();
        String delimiter = request.delimiter() == null || request.delimiter().isEmpty() ? null : request.delimiter();
        String keyMarker = request.keyMarker();
        String uploadMarker = request.uploadIdMarker();
        return world.inBucket(request.bucket(), bucket -> {
            // S3's order after the bucket lookup: EncodingType, the MaxUploads range, then the markers (measured by
            // backlot's S3 router, 2026-09-11; see ObjectListing#checkMaxKeys).
            ObjectListing.checkEncodingType(request.encodingTypeAsString());
            checkRange(request.maxUploads(), "max-uploads");
            if (keyMarker != null && uploadMarker != null && !bucket.uploads().containsKey(uploadMarker)) {
                throw S3Errors.badRequest("InvalidArgument", "Invalid uploadId marker");
            }
            access.check(bucket, "s3:ListBucketMultipartUploads", null);
            // Uploads are listed by key, then by initiation (the stable sort keeps creation order for ties).
            List<PendingUpload> sorted = bucket.uploads().values().stream()
                    .filter(u -> u.key().startsWith(prefix))
                    .sorted(Comparator.comparing(PendingUpload::key, Names.KEY_ORDER)
                            .thenComparing(PendingUpload::initiated))
                    .toList();
            sorted = sorted.subList(start(sorted, keyMarker, uploadMarker), sorted.size());
            List<MultipartUpload> uploads = new ArrayList<>();
            List<CommonPrefix> prefixes = new ArrayList<>();
            String lastKey = null;
            String lastUpload = null;
            boolean truncated = false;
            for (var u : sorted) {
                int cut = delimiter == null ? -1 : u.key().indexOf(delimiter, prefix.length());
                String common = cut < 0 ? null : u.key().substring(0, cut + delimiter.length());
                if (common != null && !prefixes.isEmpty() && prefixes.get(prefixes.size() - 1).prefix().equals(common)) {
                    continue;
                }
                if (uploads.size() + prefixes.size() == max) {
                    // MaxUploads=0 is an empty page that is not truncated, as MaxKeys=0 is for the object listings.
                    truncated = max > 0;
                    break;
                }
                if (common != null) {
                    prefixes.add(CommonPrefix.builder().prefix(common).build());
                    lastKey = common;
                    lastUpload = null;
                } else {
                    Owner owner = Owner.builder().id(world.accountId()).build();
                    uploads.add(MultipartUpload.builder().key(u.key()).uploadId(u.uploadId()).initiated(u.initiated())
                            .initiator(Initiator.builder().id(u.initiator()).build()).owner(owner)
                            .storageClass(u.headers().storageClassOrStandard()).build());
                    lastKey = u.key();
                    lastUpload = u.uploadId();
                }
            }
            return ListMultipartUploadsResponse.builder().bucket(bucket.name()).prefix(request.prefix())
                    .delimiter(request.delimiter()).keyMarker(keyMarker).uploadIdMarker(uploadMarker).maxUploads(max)
                    .encodingType(request.encodingTypeAsString()).isTruncated(truncated).uploads(uploads)
                    .commonPrefixes(prefixes)
                    .nextKeyMarker(truncated ? lastKey : null).nextUploadIdMarker(truncated ? lastUpload : null).build();
        });
    }

    ListPartsResponse listParts(ListPartsRequest request) {
        int max = request.maxParts() == null ? MAX : Math.min(request.maxParts(), MAX);
        int marker = request.partNumberMarker() == null ? 0 : request.partNumberMarker();
        return world.inBucket(request.bucket(), bucket -> {
            checkRange(request.maxParts(), "max-parts");
            access.check(bucket, "s3:ListMultipartUploadParts", request.key());
            var upload = MultipartOperations.upload(bucket, request.key(), request.uploadId());
            List<Part> all = upload.parts().tailMap(marker, false).values().stream()
                    .map(p -> Part.builder().partNumber(p.number()).eTag(p.etag()).size((long) p.data().length)
                            .lastModified(p.lastModified()).build())
                    .toList();
            List<Part> page = all.subList(0, Math.min(max, all.size()));
            // MaxParts=0 is an empty page that is not truncated (S3's answer as Bun's S3 test server records it, and
            // S3's for MaxKeys=0).
            boolean truncated = max > 0 && all.size() > page.size();
            return ListPartsResponse.builder().bucket(bucket.name()).key(upload.key()).uploadId(upload.uploadId())
                    .partNumberMarker(request.partNumberMarker()).maxParts(max).isTruncated(truncated).parts(page)
                    .nextPartNumberMarker(truncated && !page.isEmpty() ? page.get(page.size() - 1).partNumber() : null)
                    .storageClass(upload.headers().storageClassOrStandard()).build();
        });
    }

    /**
     * A negative MaxUploads or MaxParts is 400 InvalidArgument, not an empty page: "Argument max-parts must be an
     * integer between 0 and 2147483647" is S3's answer quoted in versitygw issue #329, and max-uploads has the
     * same message (measured by backlot's S3 router).
     */
    private static void checkRange(Integer value, String name) {
        if (value != null && value < 0) {
            throw S3Errors.badRequest("InvalidArgument",
                    "Argument " + name + " must be an integer between 0 and 2147483647");
        }
    }

    /** Returns the index of the first upload past the markers: after the marker upload, else after the marker key. */
    private static int start(List<PendingUpload> sorted, String keyMarker, String uploadMarker) {
        if (keyMarker == null) {
            return 0;
        }
        for (int i = 0; i < sorted.size(); i++) {
            PendingUpload u = sorted.get(i);
            if (uploadMarker != null && u.uploadId().equals(uploadMarker) && u.key().equals(keyMarker)) {
                return i + 1;
            }
        }
        int i = 0;
        while (i < sorted.size() && Names.KEY_ORDER.compare(sorted.get(i).key(), keyMarker) <= 0) {
            i++;
        }
        return i;
    }
}
