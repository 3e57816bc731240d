package io.dataplatform.testing.athena;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.testing.FakeAws;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;

/** GetQueryResults request validation of the raw fake AthenaClient. */
class FakeAthenaResultsPagingTest {
    private final FakeAws aws = FakeAws.create();
    private final AthenaClient athena = aws.athena();

    private String finishedQuery() {
        String id = athena.startQueryExecution(r -> r.queryString("SELECT 1 AS x")).queryExecutionId();
        aws.clock().advance(Duration.ofSeconds(5));
        return id;
    }

    @Test
    void getQueryResults_maxResultsZero_failsNamingTheLowerBound() {
        String id = finishedQuery();

        assertThatThrownBy(() -> athena.getQueryResults(r -> r.queryExecutionId(id).maxResults(0)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("1 validation error detected: Value '0' at 'maxResults' failed to satisfy "
                        + "constraint: Member must have value greater than or equal to 1");
    }
}
