package io.dataplatform.testing.s3;

import static io.dataplatform.testing.s3.S3TestSupport.createBucket;
import static io.dataplatform.testing.s3.S3TestSupport.createVersionedBucket;
import static io.dataplatform.testing.s3.S3TestSupport.expectS3Error;
import static io.dataplatform.testing.s3.S3TestSupport.put;
import static org.assertj.core.api.Assertions.assertThat;

import io.dataplatform.testing.FakeAws;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Object;

class FakeS3ListingTest {
    private final S3Client s3 = FakeAws.create().s3();

    private List<String> fill(String bucket, int count) {
        List<String> keys = IntStream.range(0, count).mapToObj(i -> String.format("data/%05d.csv", i)).toList();
        keys.forEach(k -> s3.putObject(b -> b.bucket(bucket).key(k), RequestBody.empty()));
        return keys;
    }

    @Test
    void listObjectsV2_2500Keys_pagesOf1000WithContinuationTokens() {
        createBucket(s3, "acme-raw");
        List<String> keys = fill("acme-raw", 2500);

        ListObjectsV2Response first = s3.listObjectsV2(b -> b.bucket("acme-raw").maxKeys(5000));
        ListObjectsV2Response second = s3.listObjectsV2(b -> b.bucket("acme-raw").continuationToken(first.nextContinuationToken()));
        ListObjectsV2Response third = s3.listObjectsV2(b -> b.bucket("acme-raw").continuationToken(second.nextContinuationToken()));

        assertThat(first.keyCount()).isEqualTo(1000);
        assertThat(first.maxKeys()).as("echoed as asked, as S3 does").isEqualTo(5000);
        assertThat(first.isTruncated()).isTrue();
        assertThat(second.keyCount()).isEqualTo(1000);
        assertThat(third.keyCount()).isEqualTo(500);
        assertThat(third.isTruncated()).isFalse();
        assertThat(third.nextContinuationToken()).isNull();
        List<String> all = new ArrayList<>();
        for (var page : List.of(first, second, third)) {
            page.contents().forEach(o -> all.add(o.key()));
        }
        assertThat(all).isEqualTo(keys);
    }

    @Test
    void listObjectsV2Paginator_smallPages_yieldsEveryKeyOnce() {
        createBucket(s3, "acme-raw");
        List<String> keys = fill("acme-raw", 2500);

        var paginator = s3.listObjectsV2Paginator(b -> b.bucket("acme-raw").maxKeys(300));

        assertThat(paginator.contents().stream().map(S3Object::key).toList()).isEqualTo(keys);
        assertThat(paginator.stream().count()).isEqualTo(9);
    }

    @Test
    void listObjectVersions_2500Keys_pagesWithKeyAndVersionMarkers() {
        createVersionedBucket(s3, "acme-raw");
        fill("acme-raw", 1250);
        fill("acme-raw", 1250);

        List<ObjectVersion> all = new ArrayList<>();
        ListObjectVersionsResponse page = s3.listObjectVersions(b -> b.bucket("acme-raw").maxKeys(999));
        int pages = 1;
        all.addAll(page.versions());
        while (page.isTruncated()) {
            var previous = page;
            page = s3.listObjectVersions(b -> b.bucket("acme-raw").keyMarker(previous.nextKeyMarker())
                    .versionIdMarker(previous.nextVersionIdMarker()));
            all.addAll(page.versions());
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(all).hasSize(2500);
        assertThat(all.stream().map(v -> v.key() + "@" + v.versionId()).distinct()).hasSize(2500);
        assertThat(all.get(0).isLatest()).isTrue();
        assertThat(all.get(1).isLatest()).isFalse();
        assertThat(all.get(1).key()).isEqualTo(all.get(0).key());
        assertThat(s3.listObjectVersionsPaginator(b -> b.bucket("acme-raw")).versions().stream().count()).isEqualTo(2500);
    }

    @Test
    void listObjectsV2_delimiter_rollsUpCommonPrefixes() {
        createBucket(s3, "acme-raw");
        for (String k : List.of("sales/2024/01/a.csv", "sales/2024/02/b.csv", "sales/readme.txt", "sales/2023/c.csv", "top.txt")) {
            put(s3, "acme-raw", k, "x");
        }

        var listing = s3.listObjectsV2(b -> b.bucket("acme-raw").prefix("sales/").delimiter("/"));
        var root = s3.listObjectsV2(b -> b.bucket("acme-raw").delimiter("/"));

        assertThat(listing.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("sales/2023/", "sales/2024/");
        assertThat(listing.contents()).extracting(S3Object::key).containsExactly("sales/readme.txt");
        assertThat(listing.keyCount()).isEqualTo(3);
        assertThat(root.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("sales/");
        assertThat(root.contents()).extracting(S3Object::key).containsExactly("top.txt");
    }

    @Test
    void listObjectsV2_delimiterWithPaging_countsEachCommonPrefixOnce() {
        createBucket(s3, "acme-raw");
        for (String k : List.of("a/1", "a/2", "b/1", "c", "d/1")) {
            put(s3, "acme-raw", k, "x");
        }
        List<String> seen = new ArrayList<>();
        var paginator = s3.listObjectsV2Paginator(b -> b.bucket("acme-raw").delimiter("/").maxKeys(1));
        paginator.forEach(p -> {
            p.commonPrefixes().forEach(c -> seen.add(c.prefix()));
            p.contents().forEach(o -> seen.add(o.key()));
        });
        assertThat(seen).containsExactly("a/", "b/", "c", "d/");
    }

    @Test
    void listObjectsV2_startAfterAndUtf8Order_followS3() {
        createBucket(s3, "acme-raw");
        // U+FF21 sorts before U+1F600 in UTF-8 byte order although its UTF-16 code unit is larger.
        for (String k : List.of("b", "a", "\uD83D\uDE00", "\uFF21", "c")) {
            put(s3, "acme-raw", k, "x");
        }
        assertThat(s3.listObjectsV2(b -> b.bucket("acme-raw")).contents()).extracting(S3Object::key)
                .containsExactly("a", "b", "c", "\uFF21", "\uD83D\uDE00");
        assertThat(s3.listObjectsV2(b -> b.bucket("acme-raw").startAfter("b")).contents()).extracting(S3Object::key)
                .containsExactly("c", "\uFF21", "\uD83D\uDE00");
    }

    @Test
    void listObjectsV2_forgedToken_fails400() {
        createBucket(s3, "acme-raw");
        expectS3Error(() -> s3.listObjectsV2(b -> b.bucket("acme-raw").continuationToken("%%%")), 400, "InvalidArgument",
                "The continuation token provided is incorrect");
    }

    @Test
    void listObjectsV2_withDelimiter_pagedInTwos_matchesARollUpOfAllKeysInCodePointOrder() {
        // Keys chosen around the delimiter's neighbours ('0' follows '/'), the top of the BMP and a surrogate pair,
        // where a listing that skips a rolled-up prefix could skip too far or not far enough.
        createBucket(s3, "acme-raw");
        List<String> segments = List.of("a", "a/", "a/b", "a/b/c", "a0", "a.", "a/\uFFFF", "a\uFFFF/x", "\uD83D\uDE00/y",
                "\uD83D\uDE00", "\uFFFD/z", "b//", "b/", "é/1", "é0");
        List<String> keys = new ArrayList<>();
        for (String first : segments) {
            for (String second : List.of("", "1", "/2", "0/3")) {
                keys.add(first + second);
            }
        }
        keys = keys.stream().distinct().toList();
        keys.forEach(k -> s3.putObject(b -> b.bucket("acme-raw").key(k), RequestBody.empty()));
        List<String> sorted = keys.stream().sorted((x, y) -> java.util.Arrays.compare(x.codePoints().toArray(),
                y.codePoints().toArray())).toList();

        for (String prefix : List.of("", "a", "a/", "b/", "\uD83D\uDE00")) {
            List<String> expected = new ArrayList<>();
            for (String key : sorted) {
                if (!key.startsWith(prefix)) {
                    continue;
                }
                int cut = key.indexOf('/', prefix.length());
                String entry = cut < 0 ? key : key.substring(0, cut + 1) + "(prefix)";
                if (!expected.contains(entry)) {
                    expected.add(entry);
                }
            }
            List<String> listed = new ArrayList<>();
            String token = null;
            do {
                String from = token;
                ListObjectsV2Response page = s3.listObjectsV2(b -> b.bucket("acme-raw").prefix(prefix).delimiter("/")
                        .maxKeys(2).continuationToken(from));
                List<String> entries = new ArrayList<>();
                page.contents().forEach(o -> entries.add(o.key()));
                page.commonPrefixes().forEach(p -> entries.add(p.prefix() + "(prefix)"));
                entries.sort((x, y) -> java.util.Arrays.compare(x.replace("(prefix)", "").codePoints().toArray(),
                        y.replace("(prefix)", "").codePoints().toArray()));
                listed.addAll(entries);
                token = page.nextContinuationToken();
            } while (token != null);
            assertThat(listed).as("prefix '%s'", prefix).isEqualTo(expected);
        }
    }
}
