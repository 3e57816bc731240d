package io.dataplatform.testing.athena;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.dataplatform.testing.FakeAws;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/**
 * Athena conformance: every statement of {@code src/test/resources/athena-conformance/*.txt} runs
 * through the raw fake {@code AthenaClient} and its ColumnInfo types and text rows (or its failure)
 * are compared with what Athena engine v3 (Trino) answers. One dynamic test per statement, grouped
 * by category; one fake world for the class, holding the TPC-H-like fixture tables.
 *
 * <p>System properties:
 * <ul>
 *   <li>{@code athena.conformance.enforce} (default {@code false}): when {@code true} a mismatch fails
 *       its test; otherwise it is reported and the test is aborted (shown as skipped), so that the
 *       build passes while the engine is being replaced.</li>
 *   <li>{@code athena.conformance.only=dates,json}: runs only those categories (file names).</li>
 *   <li>{@code athena.conformance.report=path}: where the pass-rate table goes (default
 *       {@code target/athena-conformance-report.txt}; relative to the module).</li>
 * </ul>
 */
class AthenaConformanceTest {
    private static final boolean ENFORCE = Boolean.getBoolean("athena.conformance.enforce");
    private static final String RESULTS = "s3://conformance-results/athena/";
    private static final List<Outcome> OUTCOMES = new CopyOnWriteArrayList<>();
    private static FakeAws aws;

    /** The verdict on one case. */
    record Outcome(ConformanceCase expected, AthenaAnswer actual, boolean passed) {
    }

    @BeforeAll
    static void world() {
        aws = FakeAws.create();
        aws.s3().createBucket(b -> b.bucket("conformance-results"));
        ConformanceLake.create(aws);
    }

    @AfterAll
    static void report() throws IOException {
        String report = ConformanceReport.render(OUTCOMES, ENFORCE);
        System.out.println(report);
        Path path = Path.of(System.getProperty("athena.conformance.report", "target/athena-conformance-report.txt"));
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        Files.writeString(path, report, StandardCharsets.UTF_8);
        aws.close();
    }

    @TestFactory
    Stream<DynamicContainer> athenaConformance() {
        String only = System.getProperty("athena.conformance.only", "").strip();
        Set<String> selected = only.isEmpty() ? Set.of() : Arrays.stream(only.split(",")).map(String::strip)
                .collect(Collectors.toSet());
        List<String> categories = ConformanceCase.categories().stream()
                .filter(c -> selected.isEmpty() || selected.contains(c)).toList();
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("athena.conformance.only=" + only + " names no category; the categories are "
                    + ConformanceCase.categories());
        }
        return categories.stream().map(category -> dynamicContainer(category, ConformanceCase.load(category).stream()
                .map(c -> dynamicTest(c.name(), () -> check(c)))));
    }

    private static void check(ConformanceCase expected) {
        AthenaAnswer actual;
        try {
            actual = AthenaAnswer.of(aws, ConformanceLake.DATABASE, RESULTS, expected.sql());
        } catch (RuntimeException e) {
            actual = new AthenaAnswer(null, null, "client threw " + e);
        }
        boolean passed = actual.matches(expected);
        OUTCOMES.add(new Outcome(expected, actual, passed));
        if (passed) {
            return;
        }
        String message = expected.category() + "/" + expected.name() + ": " + expected.sql().replace('\n', ' ')
                + "\n  expected: " + AthenaAnswer.describe(expected) + "\n  actual:   " + actual;
        if (ENFORCE) {
            throw new AssertionFailedError(message, AthenaAnswer.describe(expected), actual.toString());
        }
        Assumptions.abort("Not yet conformant (athena.conformance.enforce=false): " + message);
    }

    /** Per-category pass counts, then the failing cases. */
    static final class ConformanceReport {
        private ConformanceReport() {
        }

        static String render(List<Outcome> outcomes, boolean enforce) {
            Map<String, int[]> counts = new TreeMap<>();
            for (Outcome o : outcomes) {
                int[] c = counts.computeIfAbsent(o.expected().category(), k -> new int[2]);
                c[0] += o.passed() ? 1 : 0;
                c[1]++;
            }
            StringBuilder out = new StringBuilder("Athena conformance of the fake AthenaClient (enforce=" + enforce + ")\n");
            out.append(String.format("%-14s %6s %6s %6s%n", "category", "passed", "total", "rate"));
            int passed = 0;
            int total = 0;
            for (Map.Entry<String, int[]> e : counts.entrySet()) {
                out.append(line(e.getKey(), e.getValue()[0], e.getValue()[1]));
                passed += e.getValue()[0];
                total += e.getValue()[1];
            }
            out.append(line("all", passed, total)).append("\nFailing cases:\n");
            outcomes.stream().filter(o -> !o.passed())
                    .sorted(java.util.Comparator.comparing((Outcome o) -> o.expected().category())
                            .thenComparing(o -> o.expected().name()))
                    .forEach(o -> out.append("- ").append(o.expected().category()).append('/').append(o.expected().name())
                            .append("\n    expected: ").append(AthenaAnswer.describe(o.expected()))
                            .append("\n    actual:   ").append(o.actual()).append('\n'));
            return out.toString();
        }

        private static String line(String category, int passed, int total) {
            return String.format("%-14s %6d %6d %5.1f%%%n", category, passed, total, total == 0 ? 0.0 : 100.0 * passed / total);
        }
    }
}
