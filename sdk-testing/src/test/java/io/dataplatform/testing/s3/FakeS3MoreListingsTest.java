package io.dataplatform.testing.s3;

import static io.dataplatform.testing.s3.S3TestSupport.createBucket;
import static io.dataplatform.testing.s3.S3TestSupport.createVersionedBucket;
import static io.dataplatform.testing.s3.S3TestSupport.expectS3Error;
import static io.dataplatform.testing.s3.S3TestSupport.put;
import static org.assertj.core.api.Assertions.assertThat;

import io.dataplatform.testing.FakeAws;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

class FakeS3MoreListingsTest {
    private final FakeAws aws = FakeAws.create();
    private final S3Client s3 = aws.s3();

    @Test
    void listObjectVersions_delimiter_rollsUpPrefixesAndHonoursPrefix() {
        createVersionedBucket(s3, "acme-raw");
        for (String k : List.of("logs/1", "logs/2", "sales/a", "sales/a", "top")) {
            put(s3, "acme-raw", k, "x");
        }

        var root = s3.listObjectVersions(b -> b.bucket("acme-raw").delimiter("/"));
        var sales = s3.listObjectVersions(b -> b.bucket("acme-raw").prefix("sales/"));

        assertThat(root.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("logs/", "sales/");
        assertThat(root.versions()).extracting(ObjectVersion::key).containsExactly("top");
        assertThat(sales.versions()).extracting(ObjectVersion::key, ObjectVersion::isLatest).containsExactly(
                org.assertj.core.groups.Tuple.tuple("sales/a", true), org.assertj.core.groups.Tuple.tuple("sales/a", false));
    }

    @Test
    void listObjectVersions_versionMarkerWithoutKeyMarker_fails400() {
        createVersionedBucket(s3, "acme-raw");
        expectS3Error(() -> s3.listObjectVersions(b -> b.bucket("acme-raw").versionIdMarker("v")), 400, "InvalidArgument",
                "A version-id marker cannot be specified without a key marker.");
    }

    @Test
    void headObject_deleteMarkerVersion_fails405() {
        createVersionedBucket(s3, "acme-raw");
        put(s3, "acme-raw", "a", "x");
        String marker = s3.deleteObject(b -> b.bucket("acme-raw").key("a")).versionId();
        expectS3Error(() -> s3.headObject(b -> b.bucket("acme-raw").key("a").versionId(marker)), 405, "MethodNotAllowed",
                "The specified method is not allowed against this resource.");
    }

    @Test
    void listBuckets_maxBuckets_pagesWithContinuationToken() {
        for (String name : List.of("bucket-c", "bucket-a", "bucket-b")) {
            createBucket(s3, name);
        }
        var first = s3.listBuckets(b -> b.maxBuckets(2));
        var second = s3.listBuckets(b -> b.maxBuckets(2).continuationToken(first.continuationToken()));

        assertThat(first.buckets()).extracting(Bucket::name).containsExactly("bucket-a", "bucket-b");
        assertThat(second.buckets()).extracting(Bucket::name).containsExactly("bucket-c");
        assertThat(second.continuationToken()).isNull();
    }

    @Test
    void listMultipartUploads_paging_ordersByKeyThenInitiation() {
        createBucket(s3, "acme-raw");
        String b1 = s3.createMultipartUpload(b -> b.bucket("acme-raw").key("b")).uploadId();
        String a1 = s3.createMultipartUpload(b -> b.bucket("acme-raw").key("a")).uploadId();
        aws.clock().advance(java.time.Duration.ofSeconds(1));
        String a2 = s3.createMultipartUpload(b -> b.bucket("acme-raw").key("a")).uploadId();

        var first = s3.listMultipartUploads(b -> b.bucket("acme-raw").maxUploads(2));
        var second = s3.listMultipartUploads(b -> b.bucket("acme-raw").maxUploads(2)
                .keyMarker(first.nextKeyMarker()).uploadIdMarker(first.nextUploadIdMarker()));

        assertThat(first.uploads()).extracting(MultipartUpload::uploadId).containsExactly(a1, a2);
        assertThat(first.isTruncated()).isTrue();
        assertThat(second.uploads()).extracting(MultipartUpload::uploadId).containsExactly(b1);
        assertThat(second.isTruncated()).isFalse();
    }

    @Test
    void listObjects_maxKeysZero_returnsAnEmptyPageThatIsNotTruncated() {
        createBucket(s3, "acme-raw");
        put(s3, "acme-raw", "a", "x");
        put(s3, "acme-raw", "b/c", "x");

        var page = s3.listObjectsV2(b -> b.bucket("acme-raw").maxKeys(0));
        var v1 = s3.listObjects(b -> b.bucket("acme-raw").delimiter("/").maxKeys(0));

        assertThat(page.keyCount()).isZero();
        assertThat(page.maxKeys()).isZero();
        assertThat(page.isTruncated()).isFalse();
        assertThat(page.nextContinuationToken()).isNull();
        assertThat(v1.contents()).isEmpty();
        assertThat(v1.commonPrefixes()).isEmpty();
        assertThat(v1.isTruncated()).isFalse();
        assertThat(v1.nextMarker()).isNull();
    }
}
