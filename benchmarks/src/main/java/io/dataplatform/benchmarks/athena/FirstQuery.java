package io.dataplatform.benchmarks.athena;

import io.dataplatform.DataPlatform;
import io.dataplatform.cost.CostGuard;
import io.dataplatform.spark.SqlEngine;
import io.dataplatform.testing.FakeAws;

/**
 * One engine's first query in this JVM, timed from the start of {@code main} (so the JVM's own
 * start is excluded): prints the milliseconds. {@link EngineComparison} runs it in fresh JVMs.
 * Modes: {@code spark} (sdk-spark's SqlEngine), {@code fake-athena} (the fake Athena through
 * DataPlatform without a cost guard: the engine's first query), {@code fake-athena-guarded} (the same
 * with the platform's default cost guard, which reads the statement and sizes its tables first, as a
 * user's first test does).
 */
public final class FirstQuery {

    private FirstQuery() {
    }

    /** Runs the mode named by {@code args[0]} and prints {@code first-query-ms=<n>}. */
    public static void main(String[] args) {
        long start = System.nanoTime();
        // Each mode lives in its own class, so the JVM loads (and verifies) only the engine being measured.
        long rows = switch (args[0]) {
            case "spark" -> SparkMode.firstQuery();
            case "fake-athena" -> FakeAthenaMode.firstQuery(false);
            case "fake-athena-guarded" -> FakeAthenaMode.firstQuery(true);
            default -> throw new IllegalArgumentException("Unknown mode '" + args[0] + "': spark, fake-athena or fake-athena-guarded");
        };
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        System.out.println("first-query-ms=" + elapsed + " rows=" + rows);
        System.exit(0);   // Spark leaves non-daemon threads behind
    }

    private static final class SparkMode {
        static long firstQuery() {
            FakeAws aws = FakeAws.create();
            BenchLake.create(aws);
            return SqlEngine.builder().s3Client(aws.s3()).glueClient(aws.glue()).build()
                    .execute(BenchLake.SQL, "bench").rows().size();
        }
    }

    private static final class FakeAthenaMode {
        static long firstQuery(boolean guarded) {
            FakeAws aws = FakeAws.create();
            BenchLake.create(aws);
            // Not closed here: closing the platform is not part of answering the first query.
            DataPlatform.Builder builder = aws.dataPlatformBuilder()
                    .athenaOutputLocation(io.dataplatform.s3.S3Location.parse("s3://bench-lake/results/"));
            DataPlatform platform = (guarded ? builder : builder.costGuard(CostGuard.none())).build();
            return platform.athena().query(BenchLake.SQL).database("bench").run().rows().count();
        }
    }
}
