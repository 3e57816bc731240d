package io.dataplatform.testing.athena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.testing.FakeAws;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;

/** Request validation of the raw fake AthenaClient: StartQueryExecution and GetQueryResults. */
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

    @Test
    void getQueryResults_tokenOutsideTheResult_failsAsAnInvalidToken() {
        String id = finishedQuery();
        String negative = Base64.getUrlEncoder().encodeToString((id + ":-1").getBytes(StandardCharsets.UTF_8));
        String pastTheEnd = Base64.getUrlEncoder().encodeToString((id + ":99").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> athena.getQueryResults(r -> r.queryExecutionId(id).nextToken(negative)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("The token is not valid for this query");
        assertThatThrownBy(() -> athena.getQueryResults(r -> r.queryExecutionId(id).nextToken(pastTheEnd)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("The token is not valid for this query");
    }

    @Test
    void startQueryExecution_clientRequestTokenShorterThan32_fails() {
        assertThatThrownBy(() -> athena.startQueryExecution(r -> r.queryString("SELECT 1").clientRequestToken("retry-1")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("1 validation error detected: Value 'retry-1' at 'clientRequestToken' failed to "
                        + "satisfy constraint: Member must have length greater than or equal to 32");
    }

    @Test
    void startQueryExecution_sameTokenInAnotherWorkgroup_failsInsteadOfReturningTheEarlierQuery() {
        String token = "0123456789abcdef0123456789abcdef";
        athena.createWorkGroup(r -> r.name("analysts").configuration(c -> c.resultConfiguration(
                o -> o.outputLocation("s3://aws-athena-query-results-123456789012-us-east-1/analysts/"))));
        athena.startQueryExecution(r -> r.queryString("SELECT 1").clientRequestToken(token));

        // Athena API reference, ClientRequestToken: "An error is returned if a parameter, such as QueryString, has changed."
        assertThatThrownBy(() -> athena.startQueryExecution(r -> r.queryString("SELECT 1").clientRequestToken(token)
                .workGroup("analysts")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("Idempotent parameters do not match");
    }

    @Test
    void startQueryExecution_sameTokenWithAnotherOutputLocationOrResultReuse_failsInsteadOfReturningTheEarlierQuery() {
        // API reference, ClientRequestToken: "An error is returned if a parameter, such as QueryString, has changed."
        String token = "fedcba9876543210fedcba9876543210";
        String results = "s3://aws-athena-query-results-" + aws.accountId() + "-us-east-1/";
        String id = athena.startQueryExecution(r -> r.queryString("SELECT 1").clientRequestToken(token)
                .resultConfiguration(c -> c.outputLocation(results + "a/"))).queryExecutionId();

        assertThat(athena.startQueryExecution(r -> r.queryString("SELECT 1").clientRequestToken(token)
                .resultConfiguration(c -> c.outputLocation(results + "a/"))).queryExecutionId()).isEqualTo(id);
        assertThatThrownBy(() -> athena.startQueryExecution(r -> r.queryString("SELECT 1").clientRequestToken(token)
                .resultConfiguration(c -> c.outputLocation(results + "b/"))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("Idempotent parameters do not match");
        assertThatThrownBy(() -> athena.startQueryExecution(r -> r.queryString("SELECT 1").clientRequestToken(token)
                .resultConfiguration(c -> c.outputLocation(results + "a/"))
                .resultReuseConfiguration(c -> c.resultReuseByAgeConfiguration(a -> a.enabled(true)))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("Idempotent parameters do not match");
    }

    @Test
    void getQueryResults_decimalColumn_reportsPrecisionAndScale() {
        String id = athena.startQueryExecution(r -> r.queryString("SELECT CAST(1.5 AS DECIMAL(10,2)) AS d")).queryExecutionId();
        aws.clock().advance(Duration.ofSeconds(5));

        ColumnInfo column = athena.getQueryResults(r -> r.queryExecutionId(id)).resultSet().resultSetMetadata().columnInfo().get(0);

        // Athena API reference, ColumnInfo: Precision and Scale give the digits of DECIMAL columns.
        assertThat(column.type()).isEqualTo("decimal");
        assertThat(column.precision()).isEqualTo(10);
        assertThat(column.scale()).isEqualTo(2);
    }
    @Test
    void queryExecutionId_outsideItsModelledLengthOrPattern_isAValidationError_notAnUnknownQuery() {
        // Athena API reference: QueryExecutionId has 1 to 128 characters matching \S+.
        String tooLong = "q".repeat(129);

        assertThatThrownBy(() -> athena.getQueryExecution(r -> r.queryExecutionId("")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("1 validation error detected: Value '' at 'queryExecutionId' failed to satisfy "
                        + "constraint: Member must have length greater than or equal to 1");
        assertThatThrownBy(() -> athena.getQueryResults(r -> r.queryExecutionId("an id")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("at 'queryExecutionId' failed to satisfy constraint: Member must satisfy regular "
                        + "expression pattern: \\S+");
        assertThatThrownBy(() -> athena.stopQueryExecution(r -> r.queryExecutionId(tooLong)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Member must have length less than or equal to 128");
        assertThatThrownBy(() -> athena.getQueryExecution(r -> r.queryExecutionId("0123-unknown")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("QueryExecution 0123-unknown was not found");
    }

    @Test
    void startQueryExecution_emptyParameterListOrParameter_orEmptyDatabase_failsValidationAndStartsNothing() {
        // Athena API reference: ExecutionParameters has at least 1 item, each of 1 to 1024 characters;
        // QueryExecutionContext.Database has 1 to 255 characters.
        assertThatThrownBy(() -> athena.startQueryExecution(r -> r.queryString("SELECT 1").executionParameters(List.of())))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("at 'executionParameters' failed to satisfy constraint: Member must have length "
                        + "greater than or equal to 1");
        assertThatThrownBy(() -> athena.startQueryExecution(r -> r.queryString("SELECT ?, ?").executionParameters("1", "")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Value '[1, ]' at 'executionParameters' failed to satisfy constraint: Member must "
                        + "satisfy constraint: [Member must have length greater than or equal to 1]");
        assertThatThrownBy(() -> athena.startQueryExecution(r -> r.queryString("SELECT ?")
                        .executionParameters("'" + "x".repeat(1023) + "'")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Member must have length less than or equal to 1024");
        assertThatThrownBy(() -> athena.startQueryExecution(r -> r.queryString("SELECT 1")
                        .queryExecutionContext(c -> c.database(""))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("at 'queryExecutionContext.database' failed to satisfy constraint");
        assertThat(athena.listQueryExecutions(r -> r.maxResults(50)).queryExecutionIds()).isEmpty();
    }
}
