package io.dataplatform.benchmarks.athena;

import io.dataplatform.DataPlatform;
import io.dataplatform.athena.sql.AthenaSqlReader;
import io.dataplatform.cost.CostGuard;
import io.dataplatform.s3.S3Location;
import io.dataplatform.spark.SqlEngine;
import io.dataplatform.testing.FakeAws;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * A timed harness (not a test) comparing the engines the fake Athena can run on, in one run so the
 * ratios hold on a noisy machine: the first query in a fresh JVM (JVM start excluded), the warm
 * latency of a small aggregate through each engine next to DuckDB running the same SQL directly on
 * the same bytes (the ceiling), and the cost of reading a statement with Trino's parser.
 *
 * <pre>{@code
 * mvn -B -q -pl benchmarks -am package -DskipTests -Pbench
 * java -cp 'benchmarks/target/benchmarks.jar:benchmarks/target/lib/*' io.dataplatform.benchmarks.athena.EngineComparison
 * }</pre>
 */
public final class EngineComparison {
    private static final int FRESH_JVMS = 3;
    private static final int WARMUPS = 15;
    private static final int RUNS = 30;

    private EngineComparison() {
    }

    /** Prints the comparison as Markdown tables. */
    public static void main(String[] args) throws Exception {
        System.out.println("| first query in a fresh JVM (median of " + FRESH_JVMS + ", JVM start excluded) | ms |");
        System.out.println("|---|---:|");
        for (String mode : List.of("spark", "fake-athena", "fake-athena-guarded")) {
            System.out.printf(Locale.ROOT, "| %s | %.0f |%n", mode, firstQuery(mode));
        }
        System.out.println();
        FakeAws aws = FakeAws.create();
        BenchLake.create(aws);
        SqlEngine spark = SqlEngine.builder().s3Client(aws.s3()).glueClient(aws.glue()).build();
        Path local = BenchLake.localCopy();
        try (DataPlatform platform = aws.dataPlatformBuilder().costGuard(CostGuard.none())
                .athenaOutputLocation(S3Location.parse("s3://bench-lake/results/")).build();
             Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement direct = duck.createStatement()) {
            String duckSql = "SELECT region, count(*) AS orders, sum(amount) AS total FROM read_csv('" + local
                    + "', header = true, columns = {'id': 'BIGINT', 'region': 'VARCHAR', 'amount': 'DECIMAL(10,2)'}) "
                    + "GROUP BY region ORDER BY region";
            System.out.println("| warm latency of " + BenchLake.ROWS + "-row aggregate (median of " + RUNS + ") | ms | x DuckDB direct |");
            System.out.println("|---|---:|---:|");
            double ceiling = warm(() -> count(direct.executeQuery(duckSql)));
            double viaSpark = warm(() -> spark.execute(BenchLake.SQL, "bench").rows().size());
            double viaFake = warm(() -> (int) platform.athena().query(BenchLake.SQL).database("bench").run().rows().count());
            row("DuckDB directly on the same bytes (ceiling)", ceiling, ceiling);
            row("sdk-spark SqlEngine (Spark 4.0.2, local)", viaSpark, ceiling);
            row("fake Athena through DataPlatform (its engine + the AWS API path)", viaFake, ceiling);
        }
        System.out.println();
        double perStatement = warmMicros(() -> AthenaSqlReader.read(BenchLake.SQL + " -- " + System.nanoTime(), List.of())
                .reads().size());
        System.out.printf(Locale.ROOT, "| reading a statement with Trino's parser (warm, median) | %.1f us |%n|---|---:|%n",
                perStatement);
        System.exit(0);   // Spark leaves non-daemon threads behind
    }

    private static void row(String name, double millis, double ceiling) {
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f |%n", name, millis, millis / ceiling);
    }

    private static int count(ResultSet rows) throws Exception {
        int n = 0;
        while (rows.next()) {
            n++;
        }
        rows.close();
        return n;
    }

    private static double warm(Callable<Integer> query) throws Exception {
        for (int i = 0; i < WARMUPS; i++) {
            query.call();
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            query.call();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return median(millis);
    }

    private static double warmMicros(Callable<Integer> work) throws Exception {
        for (int i = 0; i < 2_000; i++) {
            work.call();
        }
        List<Double> micros = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            long start = System.nanoTime();
            work.call();
            micros.add((System.nanoTime() - start) / 1e3);
        }
        return median(micros);
    }

    /**
     * Runs {@link FirstQuery} in {@value #FRESH_JVMS} fresh JVMs with this JVM's options. The fake Athena's
     * modes run on {@code -Dfirst-query.classpath} when set (benchmarks/scripts/engine-comparison.sh sets
     * the class path of a project using sdk-testing with its Athena engine), else on this JVM's.
     */
    private static double firstQuery(String mode) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < FRESH_JVMS; i++) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
            String classPath = mode.equals("spark") ? System.getProperty("java.class.path")
                    : System.getProperty("first-query.classpath", System.getProperty("java.class.path"));
            command.addAll(List.of("-cp", classPath, FirstQuery.class.getName(), mode));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String result = null;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("first-query-ms=")) {
                        // "first-query-ms=<n> rows=<count>"
                        result = line.substring("first-query-ms=".length()).split(" ")[0];
                    }
                }
            }
            if (process.waitFor() != 0 || result == null) {
                throw new IllegalStateException("FirstQuery " + mode + " failed (exit " + process.exitValue() + ")");
            }
            millis.add(Double.parseDouble(result));
        }
        return median(millis);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
