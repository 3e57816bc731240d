package io.dataplatform.testing.athena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.DataPlatform;
import io.dataplatform.athena.QueryResult;
import io.dataplatform.athena.QueryTimeoutException;
import io.dataplatform.cost.CostGuard;
import io.dataplatform.cost.LedgerEntry;
import io.dataplatform.testing.AwsService;
import io.dataplatform.testing.FakeAws;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Waiting for a query survives what does not end it, and never leaves one running unseen. */
class FakeAthenaWaitTest {
    private static final String SQL = "SELECT count(*) AS n FROM sales WHERE year = '2024'";

    private final FakeAws aws = FakeAws.create();
    private final SalesLake lake = new SalesLake(aws);
    private final DataPlatform platform = aws.dataPlatformBuilder().costGuard(CostGuard.defaults()).build();

    @Test
    void run_statusPollsThrottledBeyondTheRetryPolicy_keepsWaitingAndReturnsTheResult() {
        // More throttled polls than one call's retries allow: the query still runs, so run() waits on.
        aws.faults().on(AwsService.ATHENA, "GetQueryExecution").throttle(12);

        QueryResult result = platform.athena().query(SQL).database("sales").run();

        assertThat(result.rows().findFirst().orElseThrow().bigint("n")).isEqualTo(6);
        assertThat(aws.calls().count(AwsService.ATHENA, "StartQueryExecution")).isEqualTo(1);
        assertThat(aws.calls().count(AwsService.ATHENA, "StopQueryExecution")).isZero();
        assertThat(platform.costLedger().entries()).singleElement().satisfies(entry -> {
            assertThat(entry.reference()).isEqualTo(result.queryExecutionId());
            assertThat(entry.settled()).isTrue();
        });
    }

    @Test
    void run_statusUnreadableUntilTheTimeout_stopsTheQueryAndSaysSo() {
        aws.faults().on(AwsService.ATHENA, "GetQueryExecution").failAlways(503);

        assertThatThrownBy(() -> platform.athena().query(SQL).database("sales").timeout(Duration.ofMinutes(2)).run())
                .isInstanceOf(QueryTimeoutException.class)
                .hasMessageContaining("did not finish within PT2M and was cancelled (StopQueryExecution)");

        assertThat(aws.calls().count(AwsService.ATHENA, "StopQueryExecution")).isEqualTo(1);
        assertThat(platform.costLedger().entries()).extracting(LedgerEntry::operation).containsExactly("Athena query");
    }

    @Test
    void await_statusUnreadableUntilTheTimeout_handsTheQueryBackStillRunning() {
        aws.faults().on(AwsService.ATHENA, "GetQueryExecution").failAlways(503);
        var execution = platform.athena().query(SQL).database("sales").submit();

        assertThatThrownBy(() -> execution.await(Duration.ofMinutes(1)))
                .isInstanceOfSatisfying(QueryTimeoutException.class, e -> assertThat(e.execution()).isSameAs(execution))
                .hasMessageContaining("status could not be read within PT1M");
        assertThat(aws.calls().count(AwsService.ATHENA, "StopQueryExecution")).isZero();

        aws.faults().clear();
        assertThat(execution.await().rows().findFirst().orElseThrow().bigint("n")).isEqualTo(6);
    }
}
