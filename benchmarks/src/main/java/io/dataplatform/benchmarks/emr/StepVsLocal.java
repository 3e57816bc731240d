package io.dataplatform.benchmarks.emr;

import io.dataplatform.DataPlatform;
import io.dataplatform.emr.Cluster;
import io.dataplatform.emr.SparkStep;
import io.dataplatform.s3.S3Location;
import io.dataplatform.spark.LocalSparkRunner;
import io.dataplatform.testing.FakeAws;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * A timed harness (not a test): the same SparkJob run as a Spark step on the fake EMR (through
 * DataPlatform: the jar's HEAD in S3, AddJobFlowSteps, polling on the fake clock, the job loaded from
 * the jar's bytes, then local Spark) against {@link LocalSparkRunner} directly. Warm medians,
 * interleaved so both see the same machine load; target: the step within 1.2x of the direct run.
 *
 * <pre>{@code
 * mvn -B -q -pl benchmarks -am package -DskipTests -Pbench
 * java -cp 'benchmarks/target/benchmarks.jar:benchmarks/target/lib/*' io.dataplatform.benchmarks.emr.StepVsLocal
 * }</pre>
 */
public final class StepVsLocal {
    private static final int ROWS = 200_000;
    private static final int WARMUPS = 3;
    private static final int RUNS = 10;

    private StepVsLocal() {
    }

    /** Prints the comparison as a Markdown table. */
    public static void main(String[] args) throws Exception {
        FakeAws aws = FakeAws.create();
        try (DataPlatform platform = aws.dataPlatform()) {
            platform.bucket("bench-raw").create();
            platform.bucket("bench-clean").create();
            platform.bucket("bench-code").create();
            platform.bucket("bench-raw").put("sales/sales.csv", sales());
            Path jar = jar();
            String[] jobArgs = {"--input", "s3://bench-raw/sales/", "--output", "s3://bench-clean/totals/"};
            SparkStep step = SparkStep.of(BenchCleanSales.class, jar).args(jobArgs);
            LocalSparkRunner runner = LocalSparkRunner.builder().s3Client(aws.s3()).build();
            Cluster cluster = platform.emr().cluster("bench").codeLocation(S3Location.parse("s3://bench-code/jobs/"))
                    .create().await();

            List<Double> direct = new ArrayList<>();
            List<Double> viaEmr = new ArrayList<>();
            for (int i = 0; i < WARMUPS + RUNS; i++) {
                long start = System.nanoTime();
                runner.run(BenchCleanSales.class, jobArgs).orThrow();
                double d = (System.nanoTime() - start) / 1e6;
                start = System.nanoTime();
                cluster.submit(step).await();
                double e = (System.nanoTime() - start) / 1e6;
                if (i >= WARMUPS) {
                    direct.add(d);
                    viaEmr.add(e);
                }
            }
            double local = median(direct);
            double step1 = median(viaEmr);
            System.out.println("| " + ROWS + "-row sales job, warm (median of " + RUNS + ") | ms | x direct |");
            System.out.println("|---|---:|---:|");
            System.out.printf(Locale.ROOT, "| LocalSparkRunner directly | %.0f | 1.00 |%n", local);
            System.out.printf(Locale.ROOT, "| Spark step on the fake EMR (DataPlatform, jar from the fake S3) | %.0f | %.2f |%n",
                    step1, step1 / local);
        }
        System.exit(0);   // Spark leaves non-daemon threads behind
    }

    private static String sales() {
        StringBuilder csv = new StringBuilder("id,region,amount\n");
        String[] regions = {"eu", "us", "apac", "latam"};
        for (int i = 0; i < ROWS; i++) {
            csv.append(i).append(',').append(regions[i % regions.length]).append(',')
                    .append(i % 7 == 0 ? "-1.00" : (i % 1000) + ".25").append('\n');
        }
        return csv.toString();
    }

    /** The job's jar as 'mvn package' would build it: only the job's class. */
    private static Path jar() throws IOException {
        Path jar = Files.createTempFile("bench-jobs-", ".jar");
        jar.toFile().deleteOnExit();
        String entry = BenchCleanSales.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             InputStream in = BenchCleanSales.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }
}
