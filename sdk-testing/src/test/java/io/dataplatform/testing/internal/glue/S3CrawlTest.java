package io.dataplatform.testing.internal.glue;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataplatform.DataPlatform;
import io.dataplatform.s3.Bucket;
import io.dataplatform.testing.FakeAws;
import io.dataplatform.testing.glue.TestFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.glue.model.S3Target;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

/** The crawler's reads: bounded per file, so cost follows the file count and not the bytes. */
class S3CrawlTest {
    private final FakeAws aws = FakeAws.create();
    private final DataPlatform platform = aws.dataPlatform();
    private final Bucket raw = platform.bucket("acme-raw").create();
    private final List<String> ranges = new ArrayList<>();

    /** Passes calls to the world's S3 client, noting the Range of every GetObject. */
    private final S3Client recording = new S3Client() {
        @Override
        public ListObjectsV2Response listObjectsV2(ListObjectsV2Request request) {
            return aws.s3().listObjectsV2(request);
        }

        @Override
        public <T> T getObject(GetObjectRequest request, ResponseTransformer<GetObjectResponse, T> transformer) {
            ranges.add(request.range());
            return aws.s3().getObject(request, transformer);
        }

        @Override
        public String serviceName() {
            return "s3";
        }

        @Override
        public void close() {
        }
    };

    private static String csv(int rows) {
        StringBuilder out = new StringBuilder("id,amount,region\n");
        for (int i = 0; i < rows; i++) {
            out.append(i).append(',').append(i * 1.25).append(",region-").append(i % 7).append('\n');
        }
        return out.toString();
    }

    @Test
    void largeFiles_areSampledByTheirFirst64KiB() {
        raw.put("sales/small.csv", csv(10));
        raw.put("sales/big.csv", csv(200_000));
        raw.put("sales/bigger.csv.gz", TestFiles.gzip(csv(400_000)));

        S3Crawl.Result result = new S3Crawl(recording).crawl(List.of(S3Target.builder().path("s3://acme-raw/sales/").build()), Set.of());

        assertThat(result.filesRead()).isEqualTo(3);
        assertThat(result.errors()).isEmpty();
        assertThat(ranges).containsExactlyInAnyOrder("bytes=0-" + (csv(10).length() - 1), "bytes=0-65535", "bytes=0-65535");
        List<CrawledFile> files = result.targets().get(0).files();
        assertThat(files).allSatisfy(f -> assertThat(f.schema().names()).containsExactly("id", "amount", "region"));
    }

    @Test
    void parquet_isReadFromItsFooter() {
        byte[] file = TestFiles.parquet("message m { required int64 id; required binary name (STRING); }", 50_000,
                (row, i) -> row.append("id", (long) i).append("name", "name-" + i));
        raw.put("curated/part-0.parquet", file);

        S3Crawl.Result result = new S3Crawl(recording).crawl(List.of(S3Target.builder().path("s3://acme-raw/curated").build()), Set.of());

        assertThat(result.targets().get(0).files().get(0).schema().names()).containsExactly("id", "name");
        assertThat(ranges.get(0)).isEqualTo("bytes=0-65535");
        assertThat(ranges.subList(1, ranges.size())).allSatisfy(r -> {
            long start = Long.parseLong(r.substring("bytes=".length(), r.indexOf('-')));
            assertThat(start).isGreaterThan(file.length - 65_536L);
        });
    }
}
