package io.dataplatform.benchmarks.crawl;

import io.dataplatform.DataPlatform;
import io.dataplatform.glue.Crawler;
import io.dataplatform.s3.Bucket;
import io.dataplatform.testing.FakeAws;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A timed harness (not a test) that shows how a fake Glue crawl's wall-clock time grows with the
 * number of files and with their size. The crawler samples a bounded prefix of each file, so time
 * should grow with the file count, and with the file size only until the size passes the 64 KiB
 * sample (below it, a smaller file is a smaller sample). Each cell is the median of
 * {@value #RUNS} crawls after {@value #WARMUPS} warm-up crawls, each in a fresh world.
 *
 * <pre>{@code
 * mvn -B -q -pl benchmarks -am package -DskipTests -Pbench
 * java -cp benchmarks/target/benchmarks.jar io.dataplatform.benchmarks.crawl.CrawlScaling
 * }</pre>
 */
public final class CrawlScaling {
    static final int WARMUPS = 2;
    static final int RUNS = 5;
    private static final String ROLE = "arn:aws:iam::" + FakeAws.DEFAULT_ACCOUNT_ID + ":role/AWSGlueServiceRole-bench";

    private CrawlScaling() {
    }

    /** Prints two tables: time by file count at a fixed size, and time by file size at a fixed count. */
    public static void main(String[] args) {
        System.out.println("Fake Glue crawl time (median of " + RUNS + " crawls, CSV files under one table)");
        System.out.println();
        System.out.println("| files | size per file | crawl time (ms) | per file (ms) |");
        System.out.println("|---:|---:|---:|---:|");
        for (int files : new int[]{10, 100, 1_000}) {
            row(files, 4 * 1024);
        }
        System.out.println();
        System.out.println("| files | size per file | crawl time (ms) | per file (ms) |");
        System.out.println("|---:|---:|---:|---:|");
        for (int size : new int[]{4 * 1024, 256 * 1024, 4 * 1024 * 1024, 16 * 1024 * 1024}) {
            row(20, size);
        }
    }

    private static void row(int files, int sizePerFile) {
        byte[] content = csv(sizePerFile);
        List<Double> millis = new ArrayList<>();
        for (int run = 0; run < WARMUPS + RUNS; run++) {
            double elapsed = crawlOnce(files, content);
            if (run >= WARMUPS) {
                millis.add(elapsed);
            }
        }
        double median = median(millis);
        System.out.printf(Locale.ROOT, "| %,d | %s | %.1f | %.2f |%n", files, size(sizePerFile), median, median / files);
    }

    /** Returns the wall-clock milliseconds one crawl of {@code files} copies of {@code content} takes. */
    static double crawlOnce(int files, byte[] content) {
        FakeAws aws = FakeAws.create();
        try (DataPlatform platform = aws.dataPlatform()) {
            Bucket bucket = platform.bucket("bench-raw").create();
            for (int i = 0; i < files; i++) {
                bucket.put(String.format(Locale.ROOT, "sales/day=%04d/part.csv", i), content);
            }
            platform.glue().database("bench").create();
            Crawler crawler = platform.glue().crawler("bench-crawler").target(bucket.prefix("sales/"))
                    .database("bench").role(ROLE).create();
            // Uploading hundreds of MiB leaves garbage; collect it now so it is not charged to the crawl.
            System.gc();
            long start = System.nanoTime();
            crawler.start().await(Duration.ofHours(1));
            return (System.nanoTime() - start) / 1e6;
        }
    }

    static byte[] csv(int size) {
        StringBuilder csv = new StringBuilder(size + 100).append("id,region,amount,day\n");
        for (int i = 0; csv.length() < size; i++) {
            csv.append(i).append(',').append(i % 2 == 0 ? "north" : "south").append(',').append(i % 997).append(".50,")
                    .append("2024-01-").append(String.format(Locale.ROOT, "%02d", 1 + i % 28)).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static String size(int bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MiB" : bytes / 1024 + " KiB";
    }
}
