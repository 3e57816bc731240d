package io.dataplatform.benchmarks;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * Turns JMH's results into the Markdown table of the README: one row per operation, one column per
 * way of reaching S3, the ratios between them, and the targets marked met or not met.
 */
final class ResultTable {
    static final String CREATE = benchmark(FakeAwsCreateBenchmark.class, "create");
    static final String PLATFORM_PUT = benchmark(DataPlatformBenchmark.class, "put");
    static final String PLATFORM_GET = benchmark(DataPlatformBenchmark.class, "get");
    static final String RAW_PUT = benchmark(RawFakeS3Benchmark.class, "put");
    static final String RAW_GET = benchmark(RawFakeS3Benchmark.class, "get");
    static final String S3MOCK_PUT = benchmark(S3MockBenchmark.class, "put");
    static final String S3MOCK_GET = benchmark(S3MockBenchmark.class, "get");
    /** Every benchmark the table has a cell for, in the order they are reported. */
    static final List<String> ALL = List.of(CREATE, PLATFORM_PUT, PLATFORM_GET, RAW_PUT, RAW_GET, S3MOCK_PUT,
            S3MOCK_GET);
    /** The GC profiler's secondary result: bytes allocated per benchmark operation. */
    static final String ALLOCATION = "gc.alloc.rate.norm";
    private static final String NONE = "n/a";

    private final Map<String, Measurement> results;

    private ResultTable(Map<String, Measurement> results) {
        this.results = Map.copyOf(results);
    }

    /** Returns a table of {@code results}, keyed by fully qualified benchmark method name. */
    static ResultTable of(Map<String, Measurement> results) {
        return new ResultTable(results);
    }

    /** Returns a table of what a JMH run produced, with allocations where the GC profiler ran. */
    static ResultTable from(Collection<RunResult> runs) {
        Map<String, Measurement> results = new LinkedHashMap<>();
        for (RunResult run : runs) {
            Result<?> primary = run.getPrimaryResult();
            Result<?> allocation = run.getSecondaryResults().get(ALLOCATION);
            results.put(run.getParams().getBenchmark(), new Measurement(primary.getScore(), primary.getScoreError(),
                    primary.getScoreUnit(), allocation == null ? Double.NaN : allocation.getScore()));
        }
        return new ResultTable(results);
    }

    /** Returns the benchmarks that produced no result (failed, or were not run). */
    List<String> missing() {
        return ALL.stream().filter(name -> !results.containsKey(name)).toList();
    }

    /** Returns the result of {@code benchmark}, if it ran. */
    Optional<Measurement> result(String benchmark) {
        return Optional.ofNullable(results.get(benchmark));
    }

    /** Returns the operations table followed by the targets table, in Markdown. */
    String markdown() {
        StringBuilder out = new StringBuilder()
                .append("| operation | DataPlatform on FakeAws | raw fake S3Client | S3Mock (AWS SDK) ")
                .append("| DataPlatform / raw fake | raw fake / S3Mock |\n")
                .append("|---|---:|---:|---:|---:|---:|\n");
        row(out, "put 1 KiB (ops/s)", PLATFORM_PUT, RAW_PUT, S3MOCK_PUT);
        row(out, "get 1 KiB (ops/s)", PLATFORM_GET, RAW_GET, S3MOCK_GET);
        allocationRow(out, "put 1 KiB (bytes allocated per op)", PLATFORM_PUT, RAW_PUT, S3MOCK_PUT);
        allocationRow(out, "get 1 KiB (bytes allocated per op)", PLATFORM_GET, RAW_GET, S3MOCK_GET);
        String create = result(CREATE).map(m -> duration(m.micros()) + m.relativeError()).orElse(NONE);
        out.append("| FakeAws.create(), warm average | - | ").append(create).append(" | - | - | - |\n\n");
        out.append("| target | measured | status |\n|---|---|---|\n");
        for (Target target : Targets.evaluate(this)) {
            out.append("| ").append(target.name()).append(" | ").append(target.measured()).append(" | ")
                    .append(target.status().label()).append(" |\n");
        }
        return out.toString();
    }

    private void row(StringBuilder out, String operation, String platform, String raw, String s3mock) {
        out.append("| ").append(operation)
                .append(" | ").append(opsPerSecond(platform))
                .append(" | ").append(opsPerSecond(raw))
                .append(" | ").append(opsPerSecond(s3mock))
                .append(" | ").append(ratio(platform, raw).map(ResultTable::percent).orElse(NONE))
                .append(" | ").append(ratio(raw, s3mock).map(ResultTable::times).orElse(NONE))
                .append(" |\n");
    }

    /**
     * Adds a row of allocations per operation: unlike ops/s, they hardly depend on what else the machine
     * is doing, so they show extra copying even on a busy build machine. S3Mock's figure includes its
     * server, which runs in the same JVM.
     */
    private void allocationRow(StringBuilder out, String operation, String platform, String raw, String s3mock) {
        Optional<Double> platformToRaw = bytes(platform).flatMap(p -> bytes(raw).filter(r -> r > 0).map(r -> p / r));
        out.append("| ").append(operation)
                .append(" | ").append(bytes(platform).map(ResultTable::count).orElse(NONE))
                .append(" | ").append(bytes(raw).map(ResultTable::count).orElse(NONE))
                .append(" | ").append(bytes(s3mock).map(ResultTable::count).orElse(NONE))
                .append(" | ").append(platformToRaw.map(ResultTable::percent).orElse(NONE))
                .append(" | - |\n");
    }

    private Optional<Double> bytes(String benchmark) {
        return result(benchmark).map(Measurement::bytesPerOp).filter(b -> !Double.isNaN(b));
    }

    /** Returns the score of {@code numerator} divided by that of {@code denominator}, if both ran. */
    Optional<Double> ratio(String numerator, String denominator) {
        return result(numerator).flatMap(n -> result(denominator)
                .filter(d -> d.score() > 0)
                .map(d -> n.score() / d.score()));
    }

    private String opsPerSecond(String benchmark) {
        return result(benchmark).map(m -> count(m.score()) + m.relativeError()).orElse(NONE);
    }

    static String count(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * ratio);
    }

    static String times(double ratio) {
        return String.format(Locale.ROOT, "%,.0fx", ratio);
    }

    static String duration(double micros) {
        if (micros < 1) {
            return String.format(Locale.ROOT, "%.0f ns", micros * 1_000);
        }
        return micros < 1_000
                ? String.format(Locale.ROOT, "%.1f µs", micros)
                : String.format(Locale.ROOT, "%.2f ms", micros / 1_000);
    }

    private static String benchmark(Class<?> type, String method) {
        return type.getName() + "." + method;
    }
}
