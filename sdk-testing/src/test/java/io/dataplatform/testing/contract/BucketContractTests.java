package io.dataplatform.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.DataPlatform;
import io.dataplatform.ResourceAlreadyExistsException;
import io.dataplatform.ResourceConflictException;
import io.dataplatform.ResourceNotFoundException;
import io.dataplatform.s3.BatchDeleteResult;
import io.dataplatform.s3.Bucket;
import io.dataplatform.s3.BucketPolicy;
import io.dataplatform.s3.DeletedObject;
import io.dataplatform.s3.Folder;
import io.dataplatform.s3.ListEntry;
import io.dataplatform.s3.ObjectContent;
import io.dataplatform.s3.ObjectMetadata;
import io.dataplatform.s3.ObjectSummary;
import io.dataplatform.s3.ObjectVersion;
import io.dataplatform.s3.PresignedUrl;
import io.dataplatform.s3.Principal;
import io.dataplatform.s3.PutResult;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The S3 behaviour of the SDK, written once: {@link FakeBucketContractTest} runs it on FakeAws in
 * every build, {@link AwsBucketContractIT} against real S3 with {@code -Paws}.
 */
abstract class BucketContractTests {
    protected DataPlatform platform;
    protected Bucket bucket;

    /** Returns a platform with multipart from 5 MiB in 5 MiB parts, so tests stay small. */
    protected abstract DataPlatform createPlatform();

    /** Returns a bucket name no other test uses. */
    protected abstract String bucketName(String base);

    @BeforeEach
    void createBucket() {
        platform = createPlatform();
        bucket = platform.bucket(bucketName("contract")).create();
    }

    /** Removes the bucket with every version in it; a no-op where the world is thrown away anyway. */
    protected abstract void removeBucket(String name);

    @AfterEach
    void deleteBucket() {
        if (bucket != null) {
            removeBucket(bucket.name());
        }
        platform.close();
    }

    @Test
    void create_existingBucket_failsAsAlreadyExists() {
        assertThatThrownBy(() -> platform.bucket(bucket.name()).create())
                .isInstanceOf(ResourceAlreadyExistsException.class);
        assertThat(platform.buckets()).anySatisfy(b -> assertThat(b.name()).isEqualTo(bucket.name()));
    }

    @Test
    void put_andGet_roundTripBytesStringsFilesAndStreams(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("sales.csv"), "id,amount\n1,9.50\n");
        bucket.put("a.bin", new byte[]{1, 2, 3});
        bucket.put("b.txt", "héllo");
        bucket.put("c.csv", file);
        bucket.put("d.dat", ObjectContent.of(new ByteArrayInputStream("streamed".getBytes(StandardCharsets.UTF_8))));

        assertThat(bucket.get("a.bin").bytes()).containsExactly(1, 2, 3);
        assertThat(bucket.get("b.txt").string()).isEqualTo("héllo");
        assertThat(bucket.get("c.csv").string()).isEqualTo("id,amount\n1,9.50\n");
        try (InputStream in = bucket.get("d.dat").stream()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("streamed");
        }
    }

    @Test
    void put_withContentTypeAndMetadata_isReturnedByHead() {
        PutResult put = bucket.put("r.csv", ObjectContent.of("x"), o -> o.contentType("text/csv").metadata("Source", "erp"));

        ObjectMetadata head = bucket.head("r.csv");

        assertThat(head.contentType()).isEqualTo("text/csv");
        assertThat(head.userMetadata()).isEqualTo(Map.of("source", "erp"));
        assertThat(head.size()).isEqualTo(1);
        assertThat(head.eTag()).isEqualTo(put.eTag()).isEqualTo("9dd4e461268c8034f5c8564e155c67a6"); // md5("x")
        assertThat(head.versionId()).isEqualTo(put.versionId());
    }

    @Test
    void put_withoutMetadata_storesNoUserMetadata() {
        bucket.put("plain.bin", new byte[]{1});

        assertThat(bucket.head("plain.bin").userMetadata()).isEmpty();
    }

    @Test
    void put_toMissingBucket_failureNamesBucketAndKey() {
        String missing = bucketName("never-created");

        assertThatThrownBy(() -> platform.bucket(missing).put("k.bin", new byte[]{1}))
                .hasMessageContaining("S3 PutObject on '" + missing + "/k.bin' failed: NoSuchBucket");
    }

    @Test
    void get_bytes_eachCallReturnsItsOwnArray() {
        bucket.put("own", new byte[]{1, 2, 3});

        byte[] first = bucket.get("own").bytes();
        first[0] = 9;

        assertThat(bucket.get("own").bytes()).containsExactly(1, 2, 3);
        assertThat(bucket.get("own").range(0, 1)).containsExactly(1, 2);
    }

    @Test
    void get_range_returnsInclusiveBytes() {
        bucket.put("digits", "0123456789");

        assertThat(new String(bucket.get("digits").range(2, 5), StandardCharsets.UTF_8)).isEqualTo("2345");
        assertThat(new String(bucket.get("digits").range(8, 100), StandardCharsets.UTF_8)).isEqualTo("89");
    }

    @Test
    void get_missingKey_failsAsNotFound() {
        assertThat(bucket.exists("nope")).isFalse();
        assertThatThrownBy(() -> bucket.get("nope").bytes()).isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("S3 GetObject on '" + bucket.name() + "/nope' failed: NoSuchKey");
    }

    @Test
    void list_moreThanOnePage_returnsEveryKeyInOrder() {
        List<String> keys = IntStream.range(0, 1_100).mapToObj(i -> String.format("k/%05d", i)).toList();
        keys.parallelStream().forEach(k -> bucket.put(k, k));

        try (Stream<ObjectSummary> listing = bucket.list("k/")) {
            assertThat(listing.map(ObjectSummary::key)).containsExactlyElementsOf(keys);
        }
        assertThat(bucket.list("k/005").count()).isEqualTo(100);
    }

    @Test
    void browse_returnsFoldersAndObjectsOfOneLevel() {
        bucket.put("sales/2024/01/a.csv", "a");
        bucket.put("sales/2024/02/b.csv", "b");
        bucket.put("sales/readme.txt", "r");

        List<ListEntry> entries = bucket.browse("sales/").toList();

        assertThat(entries).hasSize(2);
        assertThat(entries).contains(new Folder("sales/2024/"));
        assertThat(entries).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(ObjectSummary.class,
                o -> assertThat(o.key()).isEqualTo("sales/readme.txt")));
    }

    @Test
    void copy_withinAndAcrossBuckets() {
        bucket.put("src.txt", "payload");

        PutResult copy = bucket.copy("src.txt", "dst.txt");

        assertThat(bucket.get("dst.txt").string()).isEqualTo("payload");
        assertThat(copy.size()).isEqualTo(7);
    }

    @Test
    void versions_areNewestFirstWithDeleteMarkersShown() {
        PutResult v1 = bucket.put("hist.txt", "one");
        PutResult v2 = bucket.put("hist.txt", "two");
        bucket.delete("hist.txt");
        PutResult v3 = bucket.put("hist.txt", "three");

        List<ObjectVersion> versions = bucket.versions("hist.txt");

        assertThat(versions).hasSize(4);
        assertThat(versions.get(0).versionId()).isEqualTo(v3.versionId());
        assertThat(versions.get(0).latest()).isTrue();
        assertThat(versions.get(1).deleteMarker()).isTrue();
        assertThat(versions.get(2).versionId()).isEqualTo(v2.versionId());
        assertThat(versions.get(3).versionId()).isEqualTo(v1.versionId());
        assertThat(bucket.get("hist.txt").version(v1.versionId()).string()).isEqualTo("one");
    }

    @Test
    void restore_afterDelete_returnsLatestVersion() {
        bucket.put("sales.csv", "v1");
        bucket.put("sales.csv", "v2");
        bucket.delete("sales.csv");
        assertThat(bucket.exists("sales.csv")).isFalse();
        assertThat(bucket.deletedObjects("").map(DeletedObject::key)).containsExactly("sales.csv");

        ObjectVersion restored = bucket.restore("sales.csv");

        assertThat(bucket.get("sales.csv").string()).isEqualTo("v2");
        assertThat(restored.latest()).isTrue();
        assertThat(bucket.versions("sales.csv")).hasSize(4); // history kept: v1, v2, marker, restored copy
        assertThat(bucket.deletedObjects("").toList()).isEmpty();
    }

    @Test
    void restore_givenVersion_makesItCurrentWithoutLosingHistory() {
        PutResult v1 = bucket.put("cfg.json", "{\"v\":1}");
        bucket.put("cfg.json", "{\"v\":2}");

        bucket.restore("cfg.json", v1.versionId());

        assertThat(bucket.get("cfg.json").string()).isEqualTo("{\"v\":1}");
        assertThat(bucket.versions("cfg.json")).hasSize(3);
    }

    @Test
    void restore_keyThatNeverExisted_failsAsNotFound() {
        assertThatThrownBy(() -> bucket.restore("ghost.csv")).isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("Cannot restore s3://" + bucket.name() + "/ghost.csv: it has no version that is not a delete "
                        + "marker (0 delete markers)");
    }

    @Test
    void multipart_objectAboveThreshold_roundTrips() {
        byte[] data = new byte[12 * 1024 * 1024 + 123];
        new Random(1).nextBytes(data);

        PutResult put = bucket.put("big.bin", data);

        assertThat(put.size()).isEqualTo(data.length);
        assertThat(put.eTag()).endsWith("-3"); // three parts: 5 MiB + 5 MiB + 2 MiB
        assertThat(bucket.get("big.bin").bytes()).isEqualTo(data);
        assertThat(bucket.get("big.bin").range(5 * 1024 * 1024 - 1, 5 * 1024 * 1024)).containsExactly(
                data[5 * 1024 * 1024 - 1], data[5 * 1024 * 1024]);
    }

    @Test
    void multipart_streamOfUnknownLength_roundTrips() {
        byte[] data = new byte[11 * 1024 * 1024];
        new Random(2).nextBytes(data);

        PutResult put = bucket.put("stream.bin", ObjectContent.of(new ByteArrayInputStream(data)));

        assertThat(put.eTag()).endsWith("-3");
        assertThat(bucket.get("stream.bin").bytes()).isEqualTo(data);
    }

    @Test
    void deleteAll_moreThanOneBatch_deletesEveryKey() {
        List<String> keys = IntStream.range(0, 2_050).mapToObj(i -> "del/" + i).toList();
        keys.parallelStream().forEach(k -> bucket.put(k, "x"));

        BatchDeleteResult result = bucket.deleteAll(keys);

        assertThat(result.allDeleted()).isTrue();
        assertThat(result.deleted()).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(bucket.list("del/").count()).isZero();
    }

    @Test
    void policy_roundTripsThroughS3() {
        BucketPolicy policy = BucketPolicy.builder()
                .allowRead(Principal.role("analyst"), "sales/*")
                .denyInsecureTransport()
                .build();

        bucket.policy(policy);

        assertThat(bucket.policy()).contains(policy);
        bucket.deletePolicy();
        assertThat(bucket.policy()).isEmpty();
    }

    @Test
    void delete_nonEmptyBucket_failsAsConflict() {
        bucket.put("keep.txt", "x");

        assertThatThrownBy(() -> bucket.delete()).isInstanceOf(ResourceConflictException.class)
                .hasMessageContaining("BucketNotEmpty");
    }

    @Test
    void presignGet_andPut_signForTheGivenExpiry() {
        PresignedUrl get = bucket.presignGet("sales.csv", Duration.ofMinutes(15));
        PresignedUrl put = bucket.presignPut("upload.csv", Duration.ofHours(1));

        assertThat(get.method()).isEqualTo("GET");
        assertThat(get.url().toString()).contains("sales.csv").contains("X-Amz-Expires=900").contains("X-Amz-Signature=");
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(put.url().toString()).contains("upload.csv").contains("X-Amz-Expires=3600");
        assertThat(get.toString()).doesNotContain("X-Amz-Signature");
        assertThatThrownBy(() -> bucket.presignGet("a", Duration.ofDays(8)))
                .hasMessage("expiry must be at most 7 days (SigV4's limit), but was PT192H");
    }
}
