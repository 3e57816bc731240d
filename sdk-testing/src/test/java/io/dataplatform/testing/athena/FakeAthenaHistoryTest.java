package io.dataplatform.testing.athena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.testing.FakeAws;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.StatementType;

/** The query history (ListQueryExecutions, BatchGetQueryExecution) and what GetQueryExecution and GetQueryResults describe. */
class FakeAthenaHistoryTest {
    private final FakeAws aws = FakeAws.create();
    private final AthenaClient athena = aws.athena();

    private String run(String sql) {
        String id = athena.startQueryExecution(r -> r.queryString(sql)).queryExecutionId();
        aws.clock().advance(Duration.ofSeconds(5));
        return id;
    }

    @Test
    void listQueryExecutions_pagesTheWorkgroupsHistoryNewestFirst() {
        List<String> started = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            started.add(0, run("SELECT " + i));
        }
        var first = athena.listQueryExecutions(r -> r.maxResults(2));
        var second = athena.listQueryExecutions(r -> r.maxResults(2).nextToken(first.nextToken()));

        assertThat(first.queryExecutionIds()).containsExactly(started.get(0), started.get(1));
        assertThat(second.queryExecutionIds()).containsExactly(started.get(2));
        assertThat(second.nextToken()).isNull();
        assertThatThrownBy(() -> athena.listQueryExecutions(r -> r.maxResults(51))).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> athena.listQueryExecutions(r -> r.workGroup("nope"))).isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("WorkGroup nope is not found.");
    }

    @Test
    void batchGetQueryExecution_describesKnownIds_andReturnsUnknownOnesUnprocessed() {
        String id = run("SELECT 1");
        var got = athena.batchGetQueryExecution(r -> r.queryExecutionIds(id, "00000000-0000-0000-0000-000000000000"));

        assertThat(got.queryExecutions()).extracting(QueryExecution::queryExecutionId).containsExactly(id);
        assertThat(got.unprocessedQueryExecutionIds()).singleElement()
                .satisfies(u -> assertThat(u.queryExecutionId()).isEqualTo("00000000-0000-0000-0000-000000000000"));
    }

    @Test
    void aQuery_reportsItsEngineAndSubstatement_andStringColumnsAreCaseSensitive() {
        String id = run("SELECT 1 AS n, 'x' AS s");
        QueryExecution execution = athena.getQueryExecution(r -> r.queryExecutionId(id)).queryExecution();

        assertThat(execution.engineVersion().effectiveEngineVersion()).isEqualTo("Athena engine version 3");
        assertThat(execution.substatementType()).isEqualTo("SELECT");
        assertThat(athena.getQueryResults(r -> r.queryExecutionId(id)).resultSet().resultSetMetadata().columnInfo())
                .extracting(ColumnInfo::caseSensitive).containsExactly(false, true);
    }
    @Test
    void statementType_isTheApiReferences_whateverComesBeforeTheStatement() {
        // API_QueryExecution: DML "such as CREATE TABLE AS SELECT"; UTILITY "such as SHOW CREATE TABLE, or DESCRIBE TABLE".
        String commented = run("-- daily count\n/* owner: data */ SELECT 1");
        String ctas = run("CREATE TABLE copy WITH (format = 'PARQUET') AS SELECT 1 AS x");
        String show = run("SHOW CREATE TABLE sales");
        String describe = run("DESCRIBE sales");
        String external = run("CREATE EXTERNAL TABLE t (a int) LOCATION 's3://lake/t/'");

        assertThat(execution(commented).statementType()).isEqualTo(StatementType.DML);
        assertThat(execution(commented).substatementType()).isEqualTo("SELECT");
        assertThat(execution(ctas).statementType()).isEqualTo(StatementType.DML);
        assertThat(execution(show).statementType()).isEqualTo(StatementType.UTILITY);
        assertThat(execution(describe).statementType()).isEqualTo(StatementType.UTILITY);
        assertThat(execution(external).statementType()).isEqualTo(StatementType.DDL);
    }

    @Test
    void failedQuery_reportsAnAthenaError_aUserErrorThatIsNotRetryable() {
        // Real Athena, a parameter count mismatch (aws/aws-sdk-js-v3#3837): ErrorCategory 2, ErrorType 1006,
        // Retryable false, the message without the error name.
        String id = athena.startQueryExecution(r -> r.queryString("SELECT ?, ?").executionParameters("1"))
                .queryExecutionId();
        aws.clock().advance(Duration.ofSeconds(5));
        String succeeded = run("SELECT 1");

        var status = execution(id).status();
        assertThat(status.state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(status.athenaError().errorCategory()).isEqualTo(2);
        assertThat(status.athenaError().errorType()).isEqualTo(1006);
        assertThat(status.athenaError().retryable()).isFalse();
        assertThat(status.athenaError().errorMessage()).contains("Incorrect number of parameters")
                .doesNotStartWith("INVALID_PARAMETER_USAGE");
        assertThat(execution(succeeded).status().athenaError()).isNull();
    }

    private QueryExecution execution(String id) {
        return athena.getQueryExecution(r -> r.queryExecutionId(id)).queryExecution();
    }
}
