package io.dataplatform.athena.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.DataPlatform;
import io.dataplatform.ResourceAlreadyExistsException;
import io.dataplatform.athena.QueryExecution;
import io.dataplatform.athena.QueryFailedException;
import io.dataplatform.athena.QueryResult;
import io.dataplatform.athena.QueryState;
import io.dataplatform.athena.QueryStatus;
import io.dataplatform.athena.QueryTimeoutException;
import io.dataplatform.athena.Row;
import io.dataplatform.athena.Workgroup;
import io.dataplatform.cost.CostGuard;
import io.dataplatform.cost.DataSize;
import io.dataplatform.cost.Money;
import io.dataplatform.s3.S3Location;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.StatementType;

/** Start, wait, read, fail, time out and cancel, through the real request mapping against scripted clients. */
class QueryFlowTest {
    private final TestWorld world = new TestWorld();
    private final DataPlatform platform = world.platform(CostGuard.none());

    @Test
    void run_sendsTheRequestAsBuilt_andWaitsThroughQueuedAndRunning() {
        QueryResult result = platform.athena().query("SELECT count(*) AS n FROM sales WHERE year = ? AND region = ?")
                .parameters("2024", "eu' OR '1'='1").database("sales").catalog("AwsDataCatalog").workgroup("analysts")
                .outputLocation(S3Location.parse("s3://results/athena/")).reuseResultsFor(Duration.ofMinutes(10))
                .run();

        StartQueryExecutionRequest start = world.athena.starts.get(0);
        assertThat(start.queryString()).isEqualTo("SELECT count(*) AS n FROM sales WHERE year = ? AND region = ?");
        assertThat(start.executionParameters()).containsExactly("'2024'", "'eu'' OR ''1''=''1'");
        assertThat(start.queryExecutionContext().database()).isEqualTo("sales");
        assertThat(start.queryExecutionContext().catalog()).isEqualTo("AwsDataCatalog");
        assertThat(start.workGroup()).isEqualTo("analysts");
        assertThat(start.resultConfiguration().outputLocation()).isEqualTo("s3://results/athena/");
        assertThat(start.resultReuseConfiguration().resultReuseByAgeConfiguration().maxAgeInMinutes()).isEqualTo(10);
        assertThat(start.clientRequestToken()).hasSize(32);
        assertThat(world.athena.calls).containsExactly("StartQueryExecution", "GetQueryExecution", "GetQueryExecution",
                "GetQueryExecution");
        assertThat(result.rows().map(r -> r.bigint("n")).toList()).containsExactly(1L);
        assertThat(result.statistics().bytesScanned()).isEqualTo(DataSize.ofBytes(1_234));
        assertThat(result.statistics().engineExecutionTime()).isEqualTo(Duration.ofMillis(1_500));
        assertThat(result.cost()).isEqualTo(Money.usd("0.00005"));
    }

    @Test
    void platformOutputLocation_appliesOnlyWhenTheQueryNamesNone() {
        DataPlatform withDefault = world.builder(CostGuard.none())
                .athenaOutputLocation(S3Location.parse("s3://results/default/")).build();

        withDefault.athena().query("SELECT 1").run();
        withDefault.athena().query("SELECT 2").outputLocation(S3Location.parse("s3://results/mine/")).run();
        platform.athena().query("SELECT 3").run();

        assertThat(world.athena.starts).extracting(s -> s.resultConfiguration() == null ? null
                : s.resultConfiguration().outputLocation())
                .containsExactly("s3://results/default/", "s3://results/mine/", null);
    }

    @Test
    void start_retriedAfterAthenaAcceptedIt_reusesTheTokenSoOnlyOneQueryExists() {
        world.athena.failStartsAfterAccepting = 1;

        QueryExecution execution = platform.athena().query("SELECT 1").submit();

        assertThat(world.athena.starts).hasSize(2);
        assertThat(world.athena.starts.get(1).clientRequestToken()).isEqualTo(world.athena.starts.get(0).clientRequestToken());
        assertThat(execution.id()).isEqualTo("query-1");
        assertThat(platform.costLedger().entries()).singleElement().extracting(e -> e.reference()).isEqualTo("query-1");
    }

    @Test
    void start_byAPlatformWithTheSameSeedLater_startsANewQuery() {
        // A job re-run with the same randomSeed must not mint the same token: Athena would hand back the old query.
        String first = platform.athena().query("SELECT 1").submit().id();
        world.clock.advance(Duration.ofDays(1));
        String second = world.platform(CostGuard.none()).athena().query("SELECT 1").submit().id();

        assertThat(second).isNotEqualTo(first);
        assertThat(world.athena.starts.get(1).clientRequestToken()).hasSize(32)
                .isNotEqualTo(world.athena.starts.get(0).clientRequestToken());
    }

    @Test
    void run_failedQuery_throwsWithAthenasReason() {
        world.athena.next.finalState = QueryExecutionState.FAILED;
        world.athena.next.reason = "COLUMN_NOT_FOUND: line 1:8: Column 'nope' cannot be resolved";

        assertThatThrownBy(() -> platform.athena().query("SELECT nope FROM sales").database("sales").run())
                .isInstanceOfSatisfying(QueryFailedException.class, e -> {
                    assertThat(e.state()).isEqualTo(QueryState.FAILED);
                    assertThat(e.queryExecutionId()).isEqualTo("query-1");
                })
                .hasMessage("Athena query query-1 failed: COLUMN_NOT_FOUND: line 1:8: Column 'nope' cannot be resolved");
        assertThat(platform.costLedger().actualTotal()).isEqualTo(Money.ZERO);
    }

    @Test
    void awaitWithTimeout_handsTheRunningQueryBack_withoutResubmittingOrCancelling() {
        world.athena.next.pollsUntilDone = 1_000;
        QueryExecution execution = platform.athena().query("SELECT 1").submit();

        assertThatThrownBy(() -> execution.await(Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(QueryTimeoutException.class, e -> assertThat(e.execution()).isSameAs(execution))
                .hasMessage("Athena query query-1 is still RUNNING after PT10S; it keeps running: call await() again "
                        + "or cancel() on QueryTimeoutException.execution()");
        assertThat(world.athena.callCount("StartQueryExecution")).isEqualTo(1);
        assertThat(world.athena.callCount("StopQueryExecution")).isZero();

        execution.cancel();
        assertThat(execution.status().state()).isEqualTo(QueryState.CANCELLED);
    }

    @Test
    void run_pastItsTimeout_cancelsTheQuery() {
        world.athena.next.pollsUntilDone = 1_000;

        assertThatThrownBy(() -> platform.athena().query("SELECT 1").timeout(Duration.ofMinutes(2)).run())
                .isInstanceOf(QueryTimeoutException.class)
                .hasMessage("Athena query query-1 did not finish within PT2M and was cancelled (StopQueryExecution); "
                        + "raise the limit with .timeout(..) on the query");
        assertThat(world.athena.callCount("StopQueryExecution")).isEqualTo(1);
        assertThat(world.athena.callCount("StartQueryExecution")).isEqualTo(1);
    }

    @Test
    void await_pollsWithGrowingPauses_andReportsProgress() {
        world.athena.next.pollsUntilDone = 6;
        List<QueryState> seen = new ArrayList<>();
        java.time.Instant before = world.clock.instant();

        platform.athena().query("SELECT 1").submit().onProgress(s -> seen.add(s.state())).await();

        assertThat(seen).containsExactly(QueryState.QUEUED, QueryState.RUNNING, QueryState.RUNNING, QueryState.RUNNING,
                QueryState.RUNNING, QueryState.SUCCEEDED);
        // 200 + 300 + 450 + 675 + 1012 ms of pauses
        assertThat(Duration.between(before, world.clock.instant())).isEqualTo(Duration.ofMillis(2_637));
    }

    @Test
    void rows_streamAcrossResultPages_skippingOnlyTheHeaderRow() {
        world.athena.next.columns = List.of("id", "name");
        world.athena.next.types = List.of("integer", "varchar");
        world.athena.next.rows = IntStream.range(0, 2_500).mapToObj(i -> List.of(String.valueOf(i), "n" + i)).toList();

        QueryResult result = platform.athena().query("SELECT id, name FROM t").run();

        List<Row> rows = result.rows().toList();
        assertThat(rows).hasSize(2_500);
        assertThat(rows.get(0).integer("id")).isZero();
        assertThat(rows.get(2_499).string("name")).isEqualTo("n2499");
        assertThat(world.athena.callCount("GetQueryResults")).isEqualTo(3);
    }

    @Test
    void rows_areFetchedOnlyAsFarAsConsumed() {
        world.athena.next.rows = IntStream.range(0, 2_500).mapToObj(i -> List.of(String.valueOf(i))).toList();
        QueryResult result = platform.athena().query("SELECT n FROM t").run();

        assertThat(result.rows().limit(10).count()).isEqualTo(10);
        assertThat(world.athena.callCount("GetQueryResults")).isEqualTo(1);
    }

    @Test
    void reusedResult_costsNothing() {
        world.athena.next.reused = true;
        QueryResult result = platform.athena().query("SELECT 1").reuseResultsFor(Duration.ofHours(1)).run();

        assertThat(result.statistics().reusedResult()).isTrue();
        assertThat(result.statistics().bytesScanned()).isEqualTo(DataSize.ZERO);
        assertThat(result.cost()).isEqualTo(Money.ZERO);
    }

    @Test
    void ddlStatement_costsNothing_evenBelowTheTenMegabyteMinimum() {
        world.athena.next.statementType = StatementType.DDL;
        world.athena.next.bytesScanned = 0;
        QueryResult result = platform.athena().query("ALTER TABLE sales ADD PARTITION (year = '2025')").run();

        assertThat(result.cost()).isEqualTo(Money.ZERO);
        assertThat(platform.costLedger().actualTotal()).isEqualTo(Money.ZERO);
    }

    @Test
    void execution_adoptsAQueryById() {
        String id = platform.athena().query("SELECT 1").submit().id();
        QueryStatus status = platform.athena().execution(id).status();
        assertThat(status.id()).isEqualTo(id);
        assertThat(status.state()).isEqualTo(QueryState.QUEUED);
    }

    @Test
    void preview_quotesValidatedNamesAndLimitsToTwentyRows() {
        platform.athena().preview("sales", "sales");

        assertThat(world.athena.starts.get(0).queryString()).isEqualTo("SELECT * FROM \"sales\".\"sales\" LIMIT 20");
    }

    @Test
    void workgroup_isCreatedWithItsCutoff_andOnlyOnce() {
        Workgroup created = platform.athena().workgroup("analysts").bytesScannedCutoffPerQuery(DataSize.ofGigabytes(1))
                .outputLocation(S3Location.parse("s3://results/analysts/")).enforceConfiguration().create();

        assertThat(created).isEqualTo(new Workgroup("analysts", DataSize.ofGigabytes(1), "s3://results/analysts/"));
        assertThat(world.athena.workgroups.get("analysts").bytesScannedCutoffPerQuery()).isEqualTo(1_000_000_000L);
        assertThat(world.athena.workgroups.get("analysts").enforceWorkGroupConfiguration()).isTrue();
        assertThatThrownBy(() -> platform.athena().workgroup("analysts").create())
                .isInstanceOf(ResourceAlreadyExistsException.class)
                .hasMessage("Athena workgroup 'analysts' already exists");
    }

    @Test
    void parameters_renderEveryTypeAsALiteral() {
        platform.athena().query("SELECT ?, ?, ?, ?, ?, ?").parameters("a'b", 7, 2.5, new java.math.BigDecimal("1.10"),
                true, LocalDate.of(2024, 1, 31)).run();

        assertThat(world.athena.starts.get(0).executionParameters())
                .containsExactly("'a''b'", "7", "2.5", "1.10", "true", "DATE '2024-01-31'");
    }
}
