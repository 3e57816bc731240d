package io.dataplatform.benchmarks;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark of this module in one JMH run with modest settings (one fork, 5 x 2 s of
 * warm-up and 5 x 2 s of measurement per benchmark, about three minutes in all) and prints the
 * Markdown table of the README: ops/s per way of reaching S3, their ratios, and the issue's
 * targets marked met or not met. It measures; it does not assert. The exit status is 1 only when a
 * benchmark produced no result.
 *
 * <pre>{@code
 * mvn -B -q -pl benchmarks -am package -DskipTests -Pbench && java -jar benchmarks/target/benchmarks.jar
 * }</pre>
 */
public final class BenchmarkTable {
    static final int FORKS = 1;
    // Two-second iterations: on a 2-core machine shared with builds, one-second ones swing by a factor of two,
    // and S3Mock (Spring Boot, lazily initialised) is still speeding up after five one-second warm-ups.
    static final int WARMUP_ITERATIONS = 5;
    static final TimeValue WARMUP_TIME = TimeValue.seconds(2);
    static final int MEASUREMENT_ITERATIONS = 5;
    static final TimeValue MEASUREMENT_TIME = TimeValue.seconds(2);

    private BenchmarkTable() {
    }

    /**
     * Runs the benchmarks and prints the table to standard output.
     *
     * @param args ignored
     * @throws RunnerException if JMH itself cannot run
     */
    public static void main(String[] args) throws RunnerException {
        Options options = new OptionsBuilder()
                .include("^" + Pattern.quote(BenchmarkTable.class.getPackageName() + ".") + ".*")
                .forks(FORKS)
                .threads(1)
                .warmupIterations(WARMUP_ITERATIONS)
                .warmupTime(WARMUP_TIME)
                .measurementIterations(MEASUREMENT_ITERATIONS)
                .measurementTime(MEASUREMENT_TIME)
                // A fixed heap keeps heap sizing out of the comparison; S3Mock's Spring Boot needs a few hundred MB.
                .jvmArgsAppend("-Xms1g", "-Xmx1g")
                // Bytes allocated per operation: a figure that a busy machine does not blur, unlike ops/s.
                .addProfiler(GCProfiler.class)
                // Keep going when one benchmark fails, so the others still reach the table.
                .shouldFailOnError(false)
                .build();
        Collection<RunResult> runs = new Runner(options).run();
        ResultTable table = ResultTable.from(runs);
        System.out.println();
        System.out.println(settings());
        System.out.println();
        System.out.print(table.markdown());
        List<String> missing = table.missing();
        if (!missing.isEmpty()) {
            System.err.println("No result from: " + String.join(", ", missing) + " (see JMH's output above)");
            System.exit(1);
        }
    }

    /** Returns the line that says how and where the numbers were measured. */
    static String settings() {
        return String.format(Locale.ROOT, "JMH, %d fork, %d x %s warm-up + %d x %s measurement per benchmark, "
                        + "1 thread; Java %s (%s) on %d cores; 1 KiB objects; score ± 99.9%% confidence interval.",
                FORKS, WARMUP_ITERATIONS, WARMUP_TIME, MEASUREMENT_ITERATIONS, MEASUREMENT_TIME,
                Runtime.version(), System.getProperty("java.vm.name"), Runtime.getRuntime().availableProcessors());
    }
}
