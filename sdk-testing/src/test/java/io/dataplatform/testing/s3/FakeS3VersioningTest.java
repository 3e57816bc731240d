package io.dataplatform.testing.s3;

import static io.dataplatform.testing.s3.S3TestSupport.createBucket;
import static io.dataplatform.testing.s3.S3TestSupport.createVersionedBucket;
import static io.dataplatform.testing.s3.S3TestSupport.expectS3Error;
import static io.dataplatform.testing.s3.S3TestSupport.get;
import static io.dataplatform.testing.s3.S3TestSupport.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.dataplatform.testing.FakeAws;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;

class FakeS3VersioningTest {
    private final S3Client s3 = FakeAws.create().s3();

    @Test
    void unversioned_putReplaces_keepsOneNullVersion() {
        createBucket(s3, "acme-raw");
        put(s3, "acme-raw", "a.txt", "one");
        put(s3, "acme-raw", "a.txt", "two");

        assertThat(get(s3, "acme-raw", "a.txt")).isEqualTo("two");
        assertThat(s3.listObjectVersions(b -> b.bucket("acme-raw")).versions())
                .extracting(ObjectVersion::versionId, ObjectVersion::isLatest).containsExactly(tuple("null", true));
    }

    @Test
    void unversioned_delete_removesObject() {
        createBucket(s3, "acme-raw");
        put(s3, "acme-raw", "a.txt", "one");

        var deleted = s3.deleteObject(b -> b.bucket("acme-raw").key("a.txt"));

        assertThat(deleted.deleteMarker()).isNull();
        assertThat(s3.listObjectVersions(b -> b.bucket("acme-raw")).versions()).isEmpty();
        assertThat(s3.listObjectVersions(b -> b.bucket("acme-raw")).deleteMarkers()).isEmpty();
    }

    @Test
    void enabled_eachPutAddsVersion_listedNewestFirst() {
        createVersionedBucket(s3, "acme-raw");
        var v1 = put(s3, "acme-raw", "a.txt", "one");
        var v2 = put(s3, "acme-raw", "a.txt", "two");

        assertThat(v1.versionId()).isNotEqualTo(v2.versionId()).isNotEqualTo("null");
        assertThat(s3.listObjectVersions(b -> b.bucket("acme-raw")).versions())
                .extracting(ObjectVersion::versionId, ObjectVersion::isLatest)
                .containsExactly(tuple(v2.versionId(), true), tuple(v1.versionId(), false));
        assertThat(s3.getObjectAsBytes(b -> b.bucket("acme-raw").key("a.txt").versionId(v1.versionId())).asUtf8String())
                .isEqualTo("one");
    }

    @Test
    void delete_inVersionedBucket_addsDeleteMarkerAndHidesKey() {
        createVersionedBucket(s3, "acme-raw");
        var v1 = put(s3, "acme-raw", "a.txt", "one");

        var deleted = s3.deleteObject(b -> b.bucket("acme-raw").key("a.txt"));

        assertThat(deleted.deleteMarker()).isTrue();
        assertThat(deleted.versionId()).isNotNull().isNotEqualTo(v1.versionId());
        expectS3Error(() -> get(s3, "acme-raw", "a.txt"), 404, "NoSuchKey", "The specified key does not exist.");
        var listing = s3.listObjectVersions(b -> b.bucket("acme-raw"));
        assertThat(listing.deleteMarkers()).extracting(DeleteMarkerEntry::versionId, DeleteMarkerEntry::isLatest)
                .containsExactly(tuple(deleted.versionId(), true));
        assertThat(listing.versions()).extracting(ObjectVersion::isLatest).containsExactly(false);
        assertThat(s3.listObjectsV2(b -> b.bucket("acme-raw")).contents()).isEmpty();
    }

    @Test
    void getDeleteMarkerVersion_fails405MethodNotAllowed() {
        createVersionedBucket(s3, "acme-raw");
        put(s3, "acme-raw", "a.txt", "one");
        String marker = s3.deleteObject(b -> b.bucket("acme-raw").key("a.txt")).versionId();

        expectS3Error(() -> s3.getObjectAsBytes(b -> b.bucket("acme-raw").key("a.txt").versionId(marker)), 405,
                "MethodNotAllowed", "The specified method is not allowed against this resource.");
    }

    @Test
    void readsBlockedByADeleteMarker_sayItIsOneWithItsLastModified() {
        FakeAws aws = FakeAws.create();
        S3Client s3 = aws.s3();
        createVersionedBucket(s3, "acme-raw");
        put(s3, "acme-raw", "a.txt", "one");
        aws.clock().advance(java.time.Duration.ofMinutes(3));
        String marker = s3.deleteObject(b -> b.bucket("acme-raw").key("a.txt")).versionId();
        String deletedAt = "Mon, 01 Jan 2024 00:03:00 GMT";

        for (var e : java.util.List.of(
                expectS3Error(() -> get(s3, "acme-raw", "a.txt"), 404, "NoSuchKey", "The specified key does not exist."),
                org.assertj.core.api.Assertions.catchThrowableOfType(S3Exception.class,
                        () -> s3.headObject(b -> b.bucket("acme-raw").key("a.txt"))),
                expectS3Error(() -> s3.getObjectAsBytes(b -> b.bucket("acme-raw").key("a.txt").versionId(marker)), 405,
                        "MethodNotAllowed", "The specified method is not allowed against this resource."),
                org.assertj.core.api.Assertions.catchThrowableOfType(S3Exception.class,
                        () -> s3.headObject(b -> b.bucket("acme-raw").key("a.txt").versionId(marker))))) {
            var headers = e.awsErrorDetails().sdkHttpResponse();
            assertThat(headers.firstMatchingHeader("x-amz-delete-marker")).as(e.toString()).contains("true");
            assertThat(headers.firstMatchingHeader("Last-Modified")).contains(deletedAt);
        }
        S3Exception missing = expectS3Error(() -> get(s3, "acme-raw", "never.txt"), 404, "NoSuchKey",
                "The specified key does not exist.");
        assertThat(missing.awsErrorDetails().sdkHttpResponse()).satisfiesAnyOf(
                http -> assertThat(http).isNull(),
                http -> assertThat(http.firstMatchingHeader("x-amz-delete-marker")).isEmpty());
    }

    @Test
    void deleteMarkerVersion_permanentlyDeleted_restoresPreviousVersion() {
        createVersionedBucket(s3, "acme-raw");
        put(s3, "acme-raw", "a.txt", "one");
        String marker = s3.deleteObject(b -> b.bucket("acme-raw").key("a.txt")).versionId();

        var removed = s3.deleteObject(b -> b.bucket("acme-raw").key("a.txt").versionId(marker));

        assertThat(removed.deleteMarker()).isTrue();
        assertThat(removed.versionId()).isEqualTo(marker);
        assertThat(get(s3, "acme-raw", "a.txt")).isEqualTo("one");
    }

    @Test
    void getUnknownVersion_fails404NoSuchVersion() {
        createVersionedBucket(s3, "acme-raw");
        put(s3, "acme-raw", "a.txt", "one");
        expectS3Error(() -> s3.getObjectAsBytes(b -> b.bucket("acme-raw").key("a.txt")
                        .versionId("0123456789abcdef0123456789abcdef")), 404,
                "NoSuchVersion", "The specified version does not exist.");
        expectS3Error(() -> s3.getObjectAsBytes(b -> b.bucket("acme-raw").key("a.txt").versionId("null")), 404,
                "NoSuchVersion", "The specified version does not exist.");
    }

    @Test
    void objectOperations_versionIdThatIsNoVersionId_fail400InvalidArgumentAndChangeNothing() {
        createVersionedBucket(s3, "acme-raw");
        put(s3, "acme-raw", "a.txt", "one");
        String message = "Invalid version id specified";

        for (String bad : java.util.List.of("nope", "v1", "dsf")) {
            expectS3Error(() -> s3.getObjectAsBytes(b -> b.bucket("acme-raw").key("a.txt").versionId(bad)), 400,
                    "InvalidArgument", message);
            expectS3Error(() -> s3.headObject(b -> b.bucket("acme-raw").key("a.txt").versionId(bad)), 400,
                    "InvalidArgument", message);
            expectS3Error(() -> s3.copyObject(b -> b.sourceBucket("acme-raw").sourceKey("a.txt").sourceVersionId(bad)
                    .destinationBucket("acme-raw").destinationKey("b.txt")), 400, "InvalidArgument", message);
            expectS3Error(() -> s3.getObjectTagging(b -> b.bucket("acme-raw").key("a.txt").versionId(bad)), 400,
                    "InvalidArgument", message);
            expectS3Error(() -> s3.putObjectTagging(b -> b.bucket("acme-raw").key("a.txt").versionId(bad)
                    .tagging(t -> t.tagSet(s3Tag("team", "data")))), 400, "InvalidArgument", message);
            expectS3Error(() -> s3.deleteObjectTagging(b -> b.bucket("acme-raw").key("a.txt").versionId(bad)), 400,
                    "InvalidArgument", message);
            expectS3Error(() -> s3.getObjectAttributes(b -> b.bucket("acme-raw").key("a.txt").versionId(bad)
                    .objectAttributesWithStrings("ETag")), 400, "InvalidArgument", message);
            expectS3Error(() -> s3.deleteObject(b -> b.bucket("acme-raw").key("a.txt").versionId(bad)), 400,
                    "InvalidArgument", message);
        }

        assertThat(get(s3, "acme-raw", "a.txt")).isEqualTo("one");
        assertThat(s3.listObjectVersions(b -> b.bucket("acme-raw")).versions()).hasSize(1);
        assertThat(s3.listObjectsV2(b -> b.bucket("acme-raw")).contents()).extracting(o -> o.key()).containsExactly("a.txt");
    }

    private static software.amazon.awssdk.services.s3.model.Tag s3Tag(String key, String value) {
        return software.amazon.awssdk.services.s3.model.Tag.builder().key(key).value(value).build();
    }

    @Test
    void getHeadOrCopy_emptyVersionId_fails400InvalidArgument() {
        createVersionedBucket(s3, "acme-raw");
        put(s3, "acme-raw", "a.txt", "one");
        String message = "Version id cannot be the empty string";
        expectS3Error(() -> s3.getObjectAsBytes(b -> b.bucket("acme-raw").key("a.txt").versionId("")), 400,
                "InvalidArgument", message);
        expectS3Error(() -> s3.headObject(b -> b.bucket("acme-raw").key("a.txt").versionId("")), 400,
                "InvalidArgument", message);
        expectS3Error(() -> s3.copyObject(b -> b.sourceBucket("acme-raw").sourceKey("a.txt").sourceVersionId("")
                .destinationBucket("acme-raw").destinationKey("b.txt")), 400, "InvalidArgument", message);
    }

    @Test
    void suspended_putReplacesNullVersionButKeepsEnabledVersions() {
        createVersionedBucket(s3, "acme-raw");
        var enabled = put(s3, "acme-raw", "a.txt", "one");
        s3.putBucketVersioning(b -> b.bucket("acme-raw").versioningConfiguration(v -> v.status(BucketVersioningStatus.SUSPENDED)));

        var first = put(s3, "acme-raw", "a.txt", "two");
        put(s3, "acme-raw", "a.txt", "three");

        assertThat(first.versionId()).isEqualTo("null");
        assertThat(s3.listObjectVersions(b -> b.bucket("acme-raw")).versions())
                .extracting(ObjectVersion::versionId, ObjectVersion::isLatest, ObjectVersion::size)
                .containsExactly(tuple("null", true, 5L), tuple(enabled.versionId(), false, 3L));
    }

    @Test
    void suspended_deleteAddsNullDeleteMarkerReplacingNullVersion() {
        createBucket(s3, "acme-raw");
        put(s3, "acme-raw", "a.txt", "unversioned");
        s3.putBucketVersioning(b -> b.bucket("acme-raw").versioningConfiguration(v -> v.status(BucketVersioningStatus.SUSPENDED)));

        var deleted = s3.deleteObject(b -> b.bucket("acme-raw").key("a.txt"));

        assertThat(deleted.deleteMarker()).isTrue();
        assertThat(deleted.versionId()).isEqualTo("null");
        var listing = s3.listObjectVersions(b -> b.bucket("acme-raw"));
        assertThat(listing.versions()).isEmpty();
        assertThat(listing.deleteMarkers()).extracting(DeleteMarkerEntry::versionId).containsExactly("null");
    }
}
