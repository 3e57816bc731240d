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
import java.util.Comparator;
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
 *   <li>{@code athena.conformance.enforce} (default {@code false}): when {@code true} every mismatch
 *       fails its test. Otherwise the cases listed in {@code known-differences.txt} (what the fake
 *       knowingly does not match yet) are reported and aborted (shown as skipped), and only a case
 *       that is not listed fails: a regression, or a new difference to fix or list. A listed case
 *       that now passes fails too, so the list stays exact.</li>
 *   <li>{@code athena.conformance.only=dates,json}: runs only those categories (file names).</li>
 *   <li>{@code athena.conformance.report=path}: where the pass-rate table goes (default
 *       {@code target/athena-conformance-report.txt}; relative to the module).</li>
 * </ul>
 */
class AthenaConformanceTest {
    private static final boolean ENFORCE = Boolean.getBoolean("athena.conformance.enforce");
    private static final String RESULTS = "s3://conformance-results/athena/";
    private static final List<Outcome> OUTCOMES = new CopyOnWriteArrayList<>();
    private static final Set<String> KNOWN_DIFFERENCES = knownDifferences();
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
        String id = expected.category() + "/" + expected.name();
        boolean known = KNOWN_DIFFERENCES.contains(id);
        if (passed) {
            if (known && !ENFORCE) {
                throw new AssertionFailedError(id + " now gives Athena's answer: remove it from "
                        + "athena-conformance/known-differences.txt");
            }
            return;
        }
        String message = id + ": " + expected.sql().replace('\n', ' ')
                + "\n  expected: " + AthenaAnswer.describe(expected) + "\n  actual:   " + actual;
        if (ENFORCE || !known) {
            throw new AssertionFailedError(message + (known ? "" : "\n  (not in known-differences.txt: a regression, "
                    + "or a new difference to fix or to list there)"), AthenaAnswer.describe(expected), actual.toString());
        }
        Assumptions.abort("Known difference (athena-conformance/known-differences.txt): " + message);
    }

    /** The cases the fake knowingly does not match yet, as {@code category/name} lines ({@code #} comments). */
    private static Set<String> knownDifferences() {
        try (var in = AthenaConformanceTest.class.getResourceAsStream("/athena-conformance/known-differences.txt")) {
            if (in == null) {
                return Set.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.split("\\s+")[0])
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
                    .sorted(Comparator.comparing((Outcome o) -> o.expected().category())
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
