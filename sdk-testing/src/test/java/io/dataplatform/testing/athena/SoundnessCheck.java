package io.dataplatform.testing.athena;

import io.dataplatform.DataPlatform;
import io.dataplatform.athena.QueryFailedException;
import io.dataplatform.athena.QueryResult;
import io.dataplatform.cost.CostEstimate;
import io.dataplatform.cost.CostLimit;
import io.dataplatform.cost.CostLimitExceededException;
import io.dataplatform.testing.AwsService;
import io.dataplatform.testing.FakeAws;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks statements against the guard's soundness property: the estimate is never below the bytes
 * the fake scans, and a statement the guard cannot size is refused with
 * {@link CostLimit#ESTIMATE_REQUIRED} before anything starts. Collects every violation so a run
 * reports them all at once.
 */
final class SoundnessCheck {
    /** What became of one statement. */
    enum Outcome { COMPARED, REFUSED, ENGINE_FAILED }

    /** A statement that broke the property; {@code seed} replays it ({@code -1} for a fixed case). */
    record Violation(String sql, String estimate, String scanned, String problem, long seed) {
        @Override
        public String toString() {
            return "- " + problem + "\n    sql:      " + sql.replace("\n", "\n              ") + "\n    estimate: " + estimate
                    + "\n    scanned:  " + scanned + (seed == -1 ? "" : "\n    replay:   -Dguard.seed=" + seed + " -Dguard.cases=1");
        }
    }

    private final FakeAws aws;
    private final DataPlatform estimating;
    private final DataPlatform unguarded;
    private final List<Violation> violations = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();
    private final List<String> engineFailures = new ArrayList<>();
    private int compared;
    private final List<String> slowest = new ArrayList<>();
    private final List<Long> slowestMillis = new ArrayList<>();

    /**
     * @param estimating a platform whose guard requires estimates (and sets no limit)
     * @param unguarded  a platform that runs anything, to measure the scan
     */
    SoundnessCheck(FakeAws aws, DataPlatform estimating, DataPlatform unguarded) {
        this.aws = aws;
        this.estimating = estimating;
        this.unguarded = unguarded;
    }

    /** Checks {@code sql}; violations are collected, not thrown. */
    Outcome check(String sql, long seed) {
        long start = System.nanoTime();
        Outcome outcome = checkTimed(sql, seed);
        keepIfSlow(sql, (System.nanoTime() - start) / 1_000_000);
        return outcome;
    }

    /** Keeps the three slowest statements, to show where the test's time goes. */
    private void keepIfSlow(String sql, long millis) {
        int at = 0;
        while (at < slowestMillis.size() && slowestMillis.get(at) >= millis) {
            at++;
        }
        if (at < 3) {
            slowest.add(at, millis + " ms: " + sql);
            slowestMillis.add(at, millis);
            if (slowest.size() > 3) {
                slowest.remove(3);
                slowestMillis.remove(3);
            }
        }
    }

    private Outcome checkTimed(String sql, long seed) {
        CostEstimate estimate;
        try {
            estimate = estimating.athena().query(sql).database(GuardLake.DATABASE).estimate();
        } catch (RuntimeException e) {
            checkRefused(sql, seed, e);
            refused.add(sql + "\n    (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            return Outcome.REFUSED;
        }
        QueryResult result;
        try {
            result = unguarded.athena().query(sql).database(GuardLake.DATABASE).run();
        } catch (QueryFailedException e) {
            engineFailures.add(sql + "\n    (" + e.reason() + ")");
            return Outcome.ENGINE_FAILED;
        } catch (RuntimeException e) {
            violations.add(new Violation(sql, estimate.bytesScanned().toString(), "-",
                    "estimated, but the unguarded platform threw " + e, seed));
            return Outcome.ENGINE_FAILED;
        }
        compared++;
        long scanned = result.statistics().bytesScanned().bytes();
        if (estimate.bytesScanned().bytes() < scanned) {
            violations.add(new Violation(sql, estimate.bytesScanned().bytes() + " bytes", scanned + " bytes",
                    "estimate below the bytes scanned" + (sql.toLowerCase(Locale.ROOT).contains("wide")
                            ? " (reads Parquet table wide: see fakeScanOfParquetTable_neverExceedsItsObjects)" : ""), seed));
        }
        return Outcome.COMPARED;
    }

    /** A statement estimate() cannot size must be refused by the guard as ESTIMATE_REQUIRED, with nothing started. */
    private void checkRefused(String sql, long seed, RuntimeException estimateFailure) {
        int started = aws.calls().count(AwsService.ATHENA, "StartQueryExecution");
        String estimate = "estimate() threw " + estimateFailure.getClass().getSimpleName() + ": " + estimateFailure.getMessage();
        try {
            estimating.athena().query(sql).database(GuardLake.DATABASE).run();
            violations.add(new Violation(sql, estimate, "-", "estimate() failed, yet the guarded run() ran it", seed));
        } catch (CostLimitExceededException e) {
            if (e.limit() != CostLimit.ESTIMATE_REQUIRED) {
                violations.add(new Violation(sql, estimate, "-", "refused as " + e.limit() + ", not ESTIMATE_REQUIRED", seed));
            }
        } catch (RuntimeException e) {
            violations.add(new Violation(sql, estimate, "-", "not refused by the guard: run() threw " + e, seed));
        }
        if (aws.calls().count(AwsService.ATHENA, "StartQueryExecution") != started) {
            violations.add(new Violation(sql, estimate, "-", "a refused statement started a query", seed));
        }
    }

    List<Violation> violations() {
        return List.copyOf(violations);
    }

    List<String> engineFailures() {
        return List.copyOf(engineFailures);
    }

    /** Cases, refused, compared, engine failures, and what was refused or failed. */
    String summary(int cases, long seed) {
        StringBuilder out = new StringBuilder("Guard soundness: ").append(cases).append(" cases from seed ").append(seed)
                .append(": ").append(compared).append(" compared, ").append(refused.size()).append(" refused, ")
                .append(engineFailures.size()).append(" engine failures, ").append(violations.size()).append(" violations");
        appendAll(out, "refused", refused);
        appendAll(out, "engine failures (not compared)", engineFailures);
        appendAll(out, "slowest", slowest);
        return out.toString();
    }

    private static void appendAll(StringBuilder out, String title, List<String> statements) {
        if (!statements.isEmpty()) {
            out.append("\n").append(title).append(":");
            statements.forEach(s -> out.append("\n  ").append(s.replace("\n", "\n  ")));
        }
    }
}
