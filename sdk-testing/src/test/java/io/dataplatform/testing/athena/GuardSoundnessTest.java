package io.dataplatform.testing.athena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.dataplatform.DataPlatform;
import io.dataplatform.DataPlatformException;
import io.dataplatform.athena.QueryFailedException;
import io.dataplatform.athena.QueryResult;
import io.dataplatform.cost.CostEstimate;
import io.dataplatform.cost.CostGuard;
import io.dataplatform.cost.CostLimit;
import io.dataplatform.cost.CostLimitExceededException;
import io.dataplatform.cost.DataSize;
import io.dataplatform.testing.AwsService;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cost guard is sound: for generated statements over {@link GuardLake}, the estimate is never
 * below the bytes the fake Athena scans, and every statement the guard cannot size is refused
 * ({@link CostLimit#ESTIMATE_REQUIRED}) before anything starts. Fixed regression cases follow.
 *
 * <p>{@code -Dguard.cases=N} runs more generated cases (default 500), {@code -Dguard.seed=S} another
 * sequence; a violation names the seed that replays it alone ({@code -Dguard.seed=S -Dguard.cases=1}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuardSoundnessTest {
    private static final long DEFAULT_SEED = 20240103L;
    private static final int DEFAULT_CASES = 500;

    private GuardLake world;
    private DataPlatform estimating;
    private DataPlatform unguarded;

    @BeforeAll
    void createWorld() {
        world = new GuardLake();
        estimating = world.estimating();
        unguarded = world.unguarded();
    }

    @Test
    void generatedStatements_estimateCoversScan_orAreRefused() {
        long seed = Long.getLong("guard.seed", DEFAULT_SEED);
        int cases = Integer.getInteger("guard.cases", DEFAULT_CASES);
        SoundnessCheck check = new SoundnessCheck(world.aws, estimating, unguarded);
        for (int i = 0; i < cases; i++) {
            check.check(new GuardStatements(seed + i).next(), seed + i);
        }
        String summary = check.summary(cases, seed);
        System.out.println(summary);
        if (!check.violations().isEmpty()) {
            fail(check.violations().size() + " of " + cases + " generated statements (seed " + seed + ") break the guard's "
                    + "soundness:\n" + check.violations().stream().map(Object::toString).collect(Collectors.joining("\n"))
                    + "\n\n" + summary);
        }
    }

    /** Statements whose scan the guard cannot know: it must refuse them as ESTIMATE_REQUIRED, starting nothing. */
    @ParameterizedTest
    @ValueSource(strings = {
        "EXECUTE stmt",
        "EXECUTE stmt USING 1",
        "EXECUTE stmt USING '2024', 2",
        "SELECT * FROM TABLE(sequence(start => 1, stop => 3))",
        "SELECT * FROM TABLE(system.sequence(1, 2))",
        "SELECT * FROM other_catalog.sales.big",
        "SELECT count(*) FROM big b JOIN other_catalog.sales.big o ON b.id = o.id",
        "SELECT * FROM no_such_table",
    })
    void unsizableStatements_areRefusedBeforeAnythingStarts(String sql) {
        int started = world.aws.calls().count(AwsService.ATHENA, "StartQueryExecution");

        assertThatThrownBy(() -> estimating.athena().query(sql).database(GuardLake.DATABASE).estimate())
                .as("estimate() of %s", sql).isInstanceOf(DataPlatformException.class);
        assertThatThrownBy(() -> estimating.athena().query(sql).database(GuardLake.DATABASE).run())
                .as("guarded run() of %s", sql).isInstanceOfSatisfying(CostLimitExceededException.class,
                        e -> assertThat(e.limit()).isEqualTo(CostLimit.ESTIMATE_REQUIRED));
        assertThat(world.aws.calls().count(AwsService.ATHENA, "StartQueryExecution")).isEqualTo(started);
    }

    /** Reproduced defects: each must be estimated at least at what the fake scans, or refused as ESTIMATE_REQUIRED. */
    @ParameterizedTest
    @ValueSource(strings = {
        "TABLE big",
        "SELECT count(*) FROM (TABLE big)",
        "SELECT 1 FROM big WHERE EXISTS (TABLE big)",
        "SELECT 1 AS x, * FROM big",
        "SELECT id, * FROM big",
        "SELECT name, big.* FROM big",
        "SELECT * FROM sales a FULL JOIN sales b USING (year) WHERE year = '2024'",
        "SELECT count(*) FROM events_by_date WHERE dt = TIMESTAMP '2024-01-01 00:00:00'",
        "SELECT count(*) FROM events_by_date WHERE dt = DATE '2024-01-03'",
        "SELECT count(*) FROM sales WHERE year >= '0'",
        "SELECT count(*) FROM sales WHERE year IN ('2023', '2024')",
        "SELECT count(*) FROM sales WHERE year BETWEEN '0' AND '9999'",
        "WITH big AS (SELECT * FROM big) SELECT count(*) FROM big",
    })
    void reproducedDefects_estimateCoversScan_orAreRefused(String sql) {
        SoundnessCheck check = new SoundnessCheck(world.aws, estimating, unguarded);

        SoundnessCheck.Outcome outcome = check.check(sql, -1);

        assertThat(check.violations()).as("soundness of %s", sql).isEmpty();
        assertThat(outcome).as("%s must run on the fake (engine failures: %s)", sql, check.engineFailures())
                .isNotEqualTo(SoundnessCheck.Outcome.ENGINE_FAILED);
    }

    /** Athena (Trino) has no NATURAL join: the query fails analysis with NOT_SUPPORTED and scans nothing. */
    @Test
    void naturalJoin_failsAsAthenaDoes_withNotSupported() {
        String sql = "SELECT * FROM sales a NATURAL FULL JOIN sales b WHERE year = '2024'";

        assertThatThrownBy(() -> unguarded.athena().query(sql).database("sales").run())
                .isInstanceOfSatisfying(QueryFailedException.class,
                        e -> assertThat(e.reason()).startsWith("NOT_SUPPORTED: ").containsIgnoringCase("natural join"));
    }

    /** A * beside other select items still returns every column of every row. */
    @ParameterizedTest
    @ValueSource(strings = {"SELECT 1 AS x, * FROM big", "SELECT id, * FROM big", "SELECT name, big.* FROM big"})
    void starBesideOtherItems_isAnUnboundedSelectStar(String sql) {
        DataPlatform platform = world.platform(CostGuard.builder().maxUnboundedSelectStar(DataSize.ofBytes(1000)).build());

        assertRefused(platform, sql, CostLimit.UNBOUNDED_SELECT_STAR);
    }

    /** A predicate that keeps every partition is no filter: the default guard refuses the full scan. */
    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT count(*) FROM sales WHERE year >= '0'",
        "SELECT count(*) FROM sales WHERE year IN ('2023', '2024')",
        "SELECT count(*) FROM sales WHERE year BETWEEN '0' AND '9999'",
        "SELECT count(*) FROM events WHERE day >= 0",
        "SELECT count(*) FROM events_by_date WHERE dt >= DATE '1970-01-01'",
    })
    void predicateKeepingEveryPartition_isAFullScan(String sql) {
        assertRefused(world.platform(CostGuard.defaults()), sql, CostLimit.FULL_SCAN);
    }

    /** The counterpart: a predicate that prunes passes the full-scan rule and runs. */
    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT count(*) FROM sales WHERE year = '2024'",
        "SELECT count(*) FROM events WHERE day BETWEEN 1 AND 2",
        "SELECT count(*) FROM events_by_date WHERE dt = DATE '2024-01-02'",
    })
    void predicateThatPrunes_passesTheFullScanRule(String sql) {
        QueryResult result = world.platform(CostGuard.defaults()).athena().query(sql).database(GuardLake.DATABASE).run();

        assertThat(result.statistics().bytesScanned().bytes()).isPositive();
    }

    @Test
    void withQueryShadowingItsCatalogTable_runsAndIsEstimated() {
        String sql = "WITH big AS (SELECT * FROM big) SELECT count(*) FROM big";
        long bigBytes = world.lake.size("big/big.csv");

        CostEstimate estimate = estimating.athena().query(sql).database(GuardLake.DATABASE).estimate();
        QueryResult result = unguarded.athena().query(sql).database(GuardLake.DATABASE).run();

        assertThat(estimate.bytesScanned().bytes()).isGreaterThanOrEqualTo(bigBytes)
                .isGreaterThanOrEqualTo(result.statistics().bytesScanned().bytes());
        assertThat(result.rows().map(r -> r.string(0)).toList()).containsExactly(String.valueOf(GuardLake.BIG_ROWS));
    }

    /**
     * The oracle itself: one scan of a Parquet table never reads more than the table's objects hold
     * (Athena bills at most the bytes stored), else an estimate could be exact and still look low.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * FROM wide",
        "SELECT * FROM wide WHERE id BETWEEN 2 AND 40",
        "SELECT id, digest FROM wide WHERE region = '1' AND id < 100",
    })
    void fakeScanOfParquetTable_neverExceedsItsObjects(String sql) {
        long stored = world.aws.s3().listObjectsV2(b -> b.bucket("lake").prefix("wide/")).contents().stream()
                .mapToLong(o -> o.size()).sum();

        QueryResult result = unguarded.athena().query(sql).database(GuardLake.DATABASE).run();

        assertThat(result.statistics().bytesScanned().bytes()).as(sql).isLessThanOrEqualTo(stored);
    }

    private void assertRefused(DataPlatform platform, String sql, CostLimit limit) {
        int started = world.aws.calls().count(AwsService.ATHENA, "StartQueryExecution");

        assertThatThrownBy(() -> platform.athena().query(sql).database(GuardLake.DATABASE).run()).as(sql)
                .isInstanceOfSatisfying(CostLimitExceededException.class, e -> assertThat(e.limit()).isEqualTo(limit));
        assertThat(world.aws.calls().count(AwsService.ATHENA, "StartQueryExecution")).isEqualTo(started);
    }
}
