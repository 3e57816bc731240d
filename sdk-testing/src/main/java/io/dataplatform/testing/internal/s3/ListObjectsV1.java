package io.dataplatform.testing.internal.s3;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.Owner;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * ListObjects (version 1): pages by Marker, the key to start after. As the API reference says,
 * NextMarker is returned only when a delimiter was given; without one a client continues from the
 * last key of the page. Unlike ListObjectsV2, every entry carries its owner.
 *
 * <p>EncodingType=url is echoed but keys are returned decoded: S3 URL-encodes them in the XML, and
 * the AWS SDK's {@code DecodeUrlEncodedResponseInterceptor} decodes them before the caller sees the
 * response, so a caller of {@code S3Client} never sees them encoded.
 */
final class ListObjectsV1 {
    private final S3World world;
    private final AccessControl access;

    ListObjectsV1(S3World world, AccessControl access) {
        this.world = world;
        this.access = access;
    }

    ListObjectsResponse list(ListObjectsRequest request) {
        int maxKeys = ObjectListing.served(request.maxKeys());
        String prefix = request.prefix() == null ? "" : request.prefix();
        String delimiter = ObjectListing.emptyToNull(request.delimiter());
        String marker = ObjectListing.emptyToNull(request.marker());
        return world.inBucket(request.bucket(), bucket -> {
            ObjectListing.checkEncodingType(request.encodingTypeAsString());
            ObjectListing.checkMaxKeys(request.maxKeys(), ObjectListing.MAX_KEYS_RANGE);
            access.check(bucket, "s3:ListBucket", null, RequestKeys.listing(request.prefix(), delimiter, request.maxKeys()));
            ListingWalk.Page page = ListingWalk.walk(bucket.objects().all(), prefix, delimiter, marker, false, maxKeys,
                    (key, versions) -> versions.get(0).deleteMarker() ? List.of()
                            : List.of(new ListingWalk.Entry(key, versions.get(0), true)));
            Owner owner = Owner.builder().id(world.accountId()).build();
            List<S3Object> contents = new ArrayList<>();
            List<CommonPrefix> prefixes = new ArrayList<>();
            for (ListingWalk.Entry e : page.entries()) {
                if (e.isPrefix()) {
                    prefixes.add(CommonPrefix.builder().prefix(e.key()).build());
                } else {
                    StoredObject o = e.object();
                    contents.add(S3Object.builder().key(o.key()).lastModified(o.lastModified()).eTag(o.etag())
                            .size(o.size()).storageClass(o.headers().storageClassOrStandard()).owner(owner)
                            .build());
                }
            }
            ListObjectsResponse.Builder response = ListObjectsResponse.builder().name(bucket.name())
                    .prefix(request.prefix()).delimiter(request.delimiter()).marker(request.marker())
                    .maxKeys(ObjectListing.echoed(request.maxKeys())).isTruncated(ObjectListing.truncated(page, maxKeys))
                    .contents(contents).commonPrefixes(prefixes).encodingType(request.encodingType());
            if (delimiter != null && page.truncated() && maxKeys > 0) {
                response.nextMarker(page.entries().get(page.entries().size() - 1).key());
            }
            return response.build();
        });
    }
}
