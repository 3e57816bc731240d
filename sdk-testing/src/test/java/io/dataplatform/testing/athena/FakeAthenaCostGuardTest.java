package io.dataplatform.testing.athena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.DataPlatform;
import io.dataplatform.athena.QueryResult;
import io.dataplatform.cost.CostGuard;
import io.dataplatform.cost.CostLimit;
import io.dataplatform.cost.CostLimitExceededException;
import io.dataplatform.cost.DataSize;
import io.dataplatform.cost.LedgerEntry;
import io.dataplatform.cost.Money;
import io.dataplatform.testing.AwsService;
import io.dataplatform.testing.FakeAws;
import org.junit.jupiter.api.Test;

/** The guard against the fake: refusals start nothing (the call record proves it), budgets add up, the ledger matches. */
class FakeAthenaCostGuardTest {
    private final FakeAws aws = FakeAws.create();
    private final SalesLake lake = new SalesLake(aws);

    private DataPlatform platform(CostGuard guard) {
        return aws.dataPlatformBuilder().costGuard(guard).build();
    }

    @Test
    void perQueryLimit_blocksBeforeStartQueryExecution() {
        DataPlatform platform = platform(CostGuard.builder().maxBytesScannedPerQuery(DataSize.ofBytes(50)).build());

        assertThatThrownBy(() -> platform.athena().query("SELECT count(*) FROM sales WHERE year = '2024'")
                .database("sales").run())
                .isInstanceOfSatisfying(CostLimitExceededException.class,
                        e -> assertThat(e.limit()).isEqualTo(CostLimit.MAX_BYTES_SCANNED_PER_QUERY));
        assertThat(aws.calls().operations(AwsService.ATHENA)).isEmpty();
    }

    @Test
    void budget_blocksOnceEarlierQueriesSpentIt() {
        // Each query is billed the 10 MB minimum: $0.00005.
        DataPlatform platform = platform(CostGuard.builder().budget(Money.usd("0.0001")).build());
        String sql = "SELECT count(*) FROM sales WHERE year = '2024'";

        platform.athena().query(sql).database("sales").run();
        platform.athena().query(sql).database("sales").run();

        assertThatThrownBy(() -> platform.athena().query(sql).database("sales").run())
                .isInstanceOfSatisfying(CostLimitExceededException.class, e -> assertThat(e.limit()).isEqualTo(CostLimit.BUDGET));
        assertThat(aws.calls().count(AwsService.ATHENA, "StartQueryExecution")).isEqualTo(2);
        assertThat(platform.costLedger().actualTotal()).isEqualTo(Money.usd("0.0001"));
    }

    @Test
    void unboundedSelectStar_isRefused_whileALimitedOneRuns() {
        DataPlatform platform = platform(CostGuard.builder().maxUnboundedSelectStar(DataSize.ofBytes(50)).build());

        assertThatThrownBy(() -> platform.athena().query("SELECT * FROM regions").database("sales").run())
                .isInstanceOfSatisfying(CostLimitExceededException.class,
                        e -> assertThat(e.limit()).isEqualTo(CostLimit.UNBOUNDED_SELECT_STAR));
        assertThat(aws.calls().operations(AwsService.ATHENA)).isEmpty();

        assertThat(platform.athena().query("SELECT * FROM regions LIMIT 2").database("sales").run().rows().count()).isEqualTo(2);
    }

    @Test
    void fullScanOfPartitionedTable_isRefusedByDefault() {
        assertThatThrownBy(() -> platform(CostGuard.defaults()).athena().query("SELECT count(*) FROM sales")
                .database("sales").run())
                .isInstanceOfSatisfying(CostLimitExceededException.class, e -> assertThat(e.limit()).isEqualTo(CostLimit.FULL_SCAN));
        assertThat(aws.calls().operations(AwsService.ATHENA)).isEmpty();
    }

    @Test
    void ledger_totalsMatchTheQueries() {
        DataPlatform platform = platform(CostGuard.defaults());
        QueryResult first = platform.athena().query("SELECT count(*) FROM sales WHERE year = '2023'").database("sales").run();
        QueryResult second = platform.athena().query("SELECT sum(amount) FROM sales WHERE month IN ('01', '02')")
                .database("sales").run();

        assertThat(platform.costLedger().entries()).extracting(LedgerEntry::reference)
                .containsExactly(first.queryExecutionId(), second.queryExecutionId());
        assertThat(platform.costLedger().entries()).allSatisfy(e ->
                assertThat(e.estimatedBytes()).isGreaterThanOrEqualTo(e.actualBytes()));
        assertThat(platform.costLedger().actualTotal()).isEqualTo(first.cost().plus(second.cost()));
        assertThat(platform.costLedger().actualBytesTotal())
                .isEqualTo(first.statistics().bytesScanned().plus(second.statistics().bytesScanned()));
    }
}
