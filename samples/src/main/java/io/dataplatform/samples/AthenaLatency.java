package io.dataplatform.samples;

import io.dataplatform.DataPlatform;
import io.dataplatform.cost.CostGuard;
import io.dataplatform.glue.DataFormat;
import io.dataplatform.glue.GlueType;
import io.dataplatform.glue.Schema;
import io.dataplatform.glue.TableDefinition;
import io.dataplatform.s3.Bucket;
import io.dataplatform.spark.LocalSparkRunner;
import io.dataplatform.testing.FakeAws;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.spark.sql.types.StructType;

/**
 * A latency benchmark of the fake Athena: one small aggregate over a 1,000-row CSV table, measured
 * cold (the first query of the JVM starts Spark), then warm through the SDK without and with the
 * cost guard's estimate, and the same SQL on the Spark session directly. The difference is what the
 * SDK and the fake add (request mapping, polling on the fake clock, paging, the estimate's calls).
 *
 * <pre>{@code
 * mvn -B -q -pl samples -am package -DskipTests -Psample -Dsample.mainClass=io.dataplatform.samples.AthenaLatency
 * }</pre>
 */
public final class AthenaLatency {
    private static final int WARM_UP = 5;
    private static final String SQL = "SELECT region, sum(amount) AS total FROM sales GROUP BY region ORDER BY region";

    private AthenaLatency() {
    }

    /** Runs the benchmark; the optional argument is the number of warm runs (default 20). */
    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        FakeAws aws = FakeAws.create();
        try (DataPlatform plain = aws.dataPlatformBuilder().costGuard(CostGuard.none()).build();
             DataPlatform guarded = aws.dataPlatformBuilder().costGuard(CostGuard.defaults()).build()) {
            load(plain);
            double cold = millis(() -> plain.athena().query(SQL).database("bench").run().rows().count());
            LocalSparkRunner runner = LocalSparkRunner.builder().s3Client(aws.s3()).build();
            StructType schema = StructType.fromDDL("id BIGINT, region STRING, amount DOUBLE");
            Supplier<?> viaSdk = () -> plain.athena().query(SQL).database("bench").run().rows().count();
            Supplier<?> viaGuardedSdk = () -> guarded.athena().query(SQL).database("bench").run().rows().count();
            Supplier<?> direct = () -> runner.run((session, context) -> {
                session.read().schema(schema).option("header", "true").csv("s3://bench/sales/").createOrReplaceTempView("sales");
                session.sql(SQL).collectAsList();
            }).orThrow();
            // Warm up every path (JIT, Spark's code generation caches) before measuring any.
            median(WARM_UP, viaSdk);
            median(WARM_UP, viaGuardedSdk);
            median(WARM_UP, direct);
            double spark = median(runs, direct);
            double sdk = median(runs, viaSdk);
            double withGuard = median(runs, viaGuardedSdk);
            System.out.println("Fake Athena latency, one small aggregate (1,000 CSV rows), median of " + runs + " runs:");
            System.out.printf(Locale.ROOT, "  cold (first query, starts Spark)        %8.1f ms%n", cold);
            System.out.printf(Locale.ROOT, "  warm, SDK, CostGuard.none()             %8.1f ms%n", sdk);
            System.out.printf(Locale.ROOT, "  warm, SDK, CostGuard.defaults()         %8.1f ms%n", withGuard);
            System.out.printf(Locale.ROOT, "  same SQL on the Spark session directly  %8.1f ms%n", spark);
            System.out.printf(Locale.ROOT, "  SDK + fake minus direct Spark           %8.1f ms%n", sdk - spark);
        }
    }

    private static void load(DataPlatform platform) {
        Bucket bucket = platform.bucket("bench").create();
        StringBuilder csv = new StringBuilder("id,region,amount\n");
        String[] regions = {"north", "south", "east", "west"};
        for (int i = 0; i < 1000; i++) {
            csv.append(i).append(',').append(regions[i % 4]).append(',').append(i % 97).append(".50\n");
        }
        bucket.put("sales/sales.csv", csv.toString());
        platform.glue().database("bench").create();
        platform.glue().database("bench").table("sales").create(TableDefinition.builder()
                .schema(Schema.builder().column("id", GlueType.BIGINT).column("region", GlueType.STRING)
                        .column("amount", GlueType.DOUBLE).build())
                .location("s3://bench/sales/").format(DataFormat.csv(',', true)).build());
    }

    private static double median(int runs, Supplier<?> work) {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            times.add(millis(work));
        }
        times.sort(Double::compare);
        return times.get(times.size() / 2);
    }

    /** Wall-clock time of {@code work}: a benchmark measures real time, unlike the SDK, which never reads it. */
    private static double millis(Supplier<?> work) {
        long start = System.nanoTime();
        work.get();
        return (System.nanoTime() - start) / 1_000_000.0;
    }
}
