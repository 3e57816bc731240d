package io.dataplatform.athena.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.DataPlatform;
import io.dataplatform.cost.CostGuard;
import io.dataplatform.cost.CostLimit;
import io.dataplatform.cost.CostLimitExceededException;
import io.dataplatform.cost.DataSize;
import io.dataplatform.cost.LedgerEntry;
import io.dataplatform.cost.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every guard rule refuses before StartQueryExecution, with a message naming the limit, the estimate and the fix. */
class CostGuardTest {
    private final TestWorld world = new TestWorld();

    private DataPlatform platform(CostGuard guard) {
        return world.platform(guard);
    }

    @Test
    void perQueryLimit_refusesBeforeAnythingStarts() {
        DataPlatform platform = platform(CostGuard.builder().maxBytesScannedPerQuery(DataSize.ofMegabytes(50)).build());

        assertThatThrownBy(() -> platform.athena().query("SELECT * FROM sales WHERE year = '2024' LIMIT 10")
                .database("sales").run())
                .isInstanceOfSatisfying(CostLimitExceededException.class, e -> {
                    assertThat(e.limit()).isEqualTo(CostLimit.MAX_BYTES_SCANNED_PER_QUERY);
                    assertThat(e.estimate()).hasValueSatisfying(est -> assertThat(est.bytesScanned())
                            .isEqualTo(DataSize.ofMegabytes(55)));
                })
                .hasMessage("Query refused before it started: estimated 55.0 MB scanned ($0.000275) exceeds "
                        + "maxBytesScannedPerQuery 50.0 MB. Narrow it with partition predicates, or raise the limit with "
                        + "CostGuard.builder().maxBytesScannedPerQuery(..). Nothing was started.");
        assertThat(world.athena.calls).isEmpty();
        assertThat(platform.costLedger().entries()).isEmpty();
    }

    @Test
    void queryLimit_refusesBeforeAnythingStarts() {
        DataPlatform platform = platform(CostGuard.defaults());

        assertThatThrownBy(() -> platform.athena().query("SELECT * FROM sales WHERE month = '01' LIMIT 10")
                .database("sales").maxBytesScanned(DataSize.ofMegabytes(20)).submit())
                .isInstanceOfSatisfying(CostLimitExceededException.class,
                        e -> assertThat(e.limit()).isEqualTo(CostLimit.QUERY_MAX_BYTES_SCANNED))
                .hasMessage("Query refused before it started: estimated 50.0 MB scanned ($0.00025) exceeds the query's "
                        + "maxBytesScanned 20.0 MB. Narrow it with partition predicates, or raise the limit with "
                        + ".maxBytesScanned(..) on the query. Nothing was started.");
        assertThat(world.athena.calls).isEmpty();
    }

    @Test
    void budget_refusesOnceEarlierQueriesUsedIt() {
        DataPlatform platform = platform(CostGuard.builder().budget(Money.usd("0.0006")).build());
        world.athena.next.bytesScanned = 55_000_000;

        platform.athena().query("SELECT * FROM sales WHERE year = '2024' LIMIT 1").database("sales").run();
        platform.athena().query("SELECT * FROM sales WHERE year = '2024' LIMIT 1").database("sales").run();
        assertThatThrownBy(() -> platform.athena().query("SELECT * FROM sales WHERE year = '2024' LIMIT 1")
                .database("sales").run())
                .isInstanceOfSatisfying(CostLimitExceededException.class, e -> assertThat(e.limit()).isEqualTo(CostLimit.BUDGET))
                .hasMessage("Query refused before it started: its estimated $0.000275 (55.0 MB) on top of $0.00055 "
                        + "already spent or committed exceeds the budget $0.0006. Raise it with "
                        + "CostGuard.builder().budget(..) on a new DataPlatform. Nothing was started.");
        assertThat(world.athena.callCount("StartQueryExecution")).isEqualTo(2);
    }

    @Test
    void budget_countsEstimatesOfQueriesStillRunning() {
        DataPlatform platform = platform(CostGuard.builder().budget(Money.usd("0.0005")).build());
        world.athena.next.pollsUntilDone = 100;

        platform.athena().query("SELECT * FROM sales WHERE year = '2024' LIMIT 1").database("sales").submit();

        assertThatThrownBy(() -> platform.athena().query("SELECT * FROM sales WHERE year = '2024' LIMIT 1")
                .database("sales").submit()).isInstanceOf(CostLimitExceededException.class);
        assertThat(platform.costLedger().committedTotal()).isEqualTo(Money.usd("0.000275"));
    }

    @Test
    void unboundedSelectStar_overALargeTable_isRefused() {
        DataPlatform platform = platform(CostGuard.builder().maxUnboundedSelectStar(DataSize.ofMegabytes(40)).build());

        assertThatThrownBy(() -> platform.athena().query("SELECT * FROM sales WHERE year = '2024'").database("sales").run())
                .isInstanceOfSatisfying(CostLimitExceededException.class,
                        e -> assertThat(e.limit()).isEqualTo(CostLimit.UNBOUNDED_SELECT_STAR))
                .hasMessage("Query refused before it started: SELECT * without LIMIT over sales.sales (55.0 MB) exceeds "
                        + "maxUnboundedSelectStar 40.0 MB. Add a LIMIT, select only the columns needed, or raise the limit "
                        + "with CostGuard.builder().maxUnboundedSelectStar(..). Nothing was started.");
        assertThat(world.athena.calls).isEmpty();

        platform.athena().query("SELECT * FROM sales WHERE year = '2024' LIMIT 20").database("sales").run();
        platform.athena().query("SELECT region FROM sales WHERE year = '2024'").database("sales").run();
        platform.athena().query("SELECT * FROM regions").database("sales").run();
        assertThat(world.athena.callCount("StartQueryExecution")).isEqualTo(3);
    }

    @Test
    void fullScanOfAPartitionedTable_isRefusedUnlessAllowed() {
        DataPlatform platform = platform(CostGuard.defaults());

        assertThatThrownBy(() -> platform.athena().query("SELECT region, sum(amount) FROM sales GROUP BY region")
                .database("sales").run())
                .isInstanceOfSatisfying(CostLimitExceededException.class, e -> assertThat(e.limit()).isEqualTo(CostLimit.FULL_SCAN))
                .hasMessage("Query refused before it started: it scans partitioned table sales.sales in full (3 of 3 "
                        + "partitions, 95.0 MB): no condition on its partition keys [year, month] leaves a partition out. "
                        + "Filter on a partition key, or call .allowFullScan() on the query if a full scan is intended. Nothing was started.");
        assertThat(world.athena.calls).isEmpty();
        // The rule is about what is read: conditions that keep every partition do not narrow the scan.
        for (String where : List.of("year >= '0'", "year IN ('2023', '2024')", "year BETWEEN '0' AND '9999'")) {
            assertThatThrownBy(() -> platform.athena().query("SELECT region FROM sales WHERE " + where).database("sales").run())
                    .as(where).isInstanceOfSatisfying(CostLimitExceededException.class,
                            e -> assertThat(e.limit()).isEqualTo(CostLimit.FULL_SCAN));
        }
        assertThat(world.athena.calls).isEmpty();

        platform.athena().query("SELECT region, sum(amount) FROM sales GROUP BY region").database("sales").allowFullScan().run();
        platform.athena().preview("sales", "sales");
        assertThat(world.athena.callCount("StartQueryExecution")).isEqualTo(2);
    }

    @Test
    void noEstimatePossible_failsClosed_unlessTheGuardAllowsIt() {
        assertThatThrownBy(() -> platform(CostGuard.defaults()).athena().query("SELECT * FROM nope LIMIT 1").database("sales").run())
                .isInstanceOfSatisfying(CostLimitExceededException.class, e -> {
                    assertThat(e.limit()).isEqualTo(CostLimit.ESTIMATE_REQUIRED);
                    assertThat(e.estimate()).isEmpty();
                })
                .hasMessage("Query refused before it started: its cost cannot be estimated (Glue GetTable on 'sales.nope' "
                        + "failed: EntityNotFoundException (HTTP 400): Table nope not found.). Nothing was started. To run "
                        + "queries without an estimate, build the CostGuard with allowUnestimatedOperations().");
        assertThat(world.athena.calls).isEmpty();

        DataPlatform lenient = platform(CostGuard.builder().allowUnestimatedOperations().build());
        lenient.athena().query("SELECT * FROM nope LIMIT 1").database("sales").run();
        assertThat(lenient.costLedger().entries()).singleElement().extracting(LedgerEntry::estimated).isEqualTo(false);
    }

    @Test
    void guardNone_makesNoPreflightCalls() {
        platform(CostGuard.none()).athena().query("SELECT * FROM sales").database("sales").run();

        assertThat(world.glue.calls).isEmpty();
        assertThat(world.s3.calls).isEmpty();
        assertThat(world.athena.callCount("StartQueryExecution")).isEqualTo(1);
    }

    @Test
    void ledger_recordsEstimateAndActualPerQuery() {
        DataPlatform platform = platform(CostGuard.defaults());
        world.athena.next.bytesScanned = 31_400_000;

        platform.athena().query("SELECT region FROM sales WHERE year = '2024' AND month = '01'").database("sales").run();

        LedgerEntry entry = platform.costLedger().entries().get(0);
        assertThat(entry).isEqualTo(new LedgerEntry("Athena query", "query-1",
                "SELECT region FROM sales WHERE year = '2024' AND month = '01'", world.clock.instant().minusMillis(500),
                true, DataSize.ofMegabytes(50), Money.usd("0.00025"), true, DataSize.ofBytes(31_400_000),
                Money.usd("0.00016")));
        assertThat(platform.costLedger().estimatedTotal()).isEqualTo(Money.usd("0.00025"));
        assertThat(platform.costLedger().actualTotal()).isEqualTo(Money.usd("0.00016"));
        assertThat(platform.costLedger().actualBytesTotal()).isEqualTo(DataSize.ofBytes(31_400_000));
        assertThat(platform.costLedger().committedTotal()).isEqualTo(Money.usd("0.00016"));
    }

    @Test
    void estimateThenRun_changeNothingForEachOther() {
        DataPlatform platform = platform(CostGuard.defaults());
        var query = platform.athena().query("SELECT region FROM sales WHERE year = '2023'").database("sales");

        assertThat(query.estimate().bytesScanned()).isEqualTo(DataSize.ofMegabytes(40));
        assertThat(world.athena.calls).isEmpty();
        assertThat(platform.costLedger().entries()).isEmpty();
        query.run();
        assertThat(query.estimate().bytesScanned()).isEqualTo(DataSize.ofMegabytes(40));
        assertThat(platform.costLedger().entries()).hasSize(1);
    }
}
