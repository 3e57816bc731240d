package io.dataplatform.athena.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.CreateWorkGroupRequest;
import software.amazon.awssdk.services.athena.model.CreateWorkGroupResponse;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionResponse;
import software.amazon.awssdk.services.athena.model.GetQueryResultsRequest;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.InternalServerException;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.Row;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionResponse;
import software.amazon.awssdk.services.athena.model.StatementType;
import software.amazon.awssdk.services.athena.model.StopQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.StopQueryExecutionResponse;
import software.amazon.awssdk.services.athena.model.WorkGroupConfiguration;

/**
 * A scripted in-memory AthenaClient for sdk-core's own tests (the real fake lives in sdk-testing):
 * each started query follows {@link #next}: QUEUED on the first poll, RUNNING until
 * {@code pollsUntilDone}, then its final state, with its rows paged like GetQueryResults.
 */
final class TestAthena implements AthenaClient {
    /** What the next started query does. */
    static final class Script {
        QueryExecutionState finalState = QueryExecutionState.SUCCEEDED;
        int pollsUntilDone = 3;
        long bytesScanned = 1_234;
        boolean reused;
        StatementType statementType = StatementType.DML;
        String reason;
        List<String> columns = List.of("n");
        List<String> types = List.of("bigint");
        List<List<String>> rows = List.of(List.of("1"));
    }

    private static final class Running {
        final String id;
        final StartQueryExecutionRequest request;
        final Script script;
        int polls;
        boolean cancelled;

        Running(String id, StartQueryExecutionRequest request, Script script) {
            this.id = id;
            this.request = request;
            this.script = script;
        }
    }

    Script next = new Script();
    int failStartsAfterAccepting;
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<StartQueryExecutionRequest> starts = new CopyOnWriteArrayList<>();
    final Map<String, WorkGroupConfiguration> workgroups = new HashMap<>();
    private final Map<String, Running> queries = new HashMap<>();
    private final Map<String, String> tokens = new HashMap<>();

    long callCount(String operation) {
        return calls.stream().filter(operation::equals).count();
    }

    @Override
    public synchronized StartQueryExecutionResponse startQueryExecution(StartQueryExecutionRequest request) {
        calls.add("StartQueryExecution");
        starts.add(request);
        String id = tokens.get(request.clientRequestToken());
        if (id == null) {
            id = "query-" + (queries.size() + 1);
            queries.put(id, new Running(id, request, next));
            tokens.put(request.clientRequestToken(), id);
        }
        if (failStartsAfterAccepting > 0) {
            failStartsAfterAccepting--;
            throw InternalServerException.builder().statusCode(500).awsErrorDetails(AwsErrorDetails.builder()
                    .errorCode("InternalServerException").errorMessage("connection reset after accepting").build()).build();
        }
        return StartQueryExecutionResponse.builder().queryExecutionId(id).build();
    }

    @Override
    public synchronized GetQueryExecutionResponse getQueryExecution(GetQueryExecutionRequest request) {
        calls.add("GetQueryExecution");
        Running query = queries.get(request.queryExecutionId());
        query.polls++;
        QueryExecutionState state = query.cancelled ? QueryExecutionState.CANCELLED
                : query.polls >= query.script.pollsUntilDone ? query.script.finalState
                : query.polls == 1 ? QueryExecutionState.QUEUED : QueryExecutionState.RUNNING;
        boolean done = state != QueryExecutionState.QUEUED && state != QueryExecutionState.RUNNING;
        String reason = query.cancelled ? "Query cancelled by user" : done ? query.script.reason : null;
        return GetQueryExecutionResponse.builder().queryExecution(q -> q.queryExecutionId(query.id)
                .query(query.request.queryString()).statementType(query.script.statementType)
                .status(s -> s.state(state).stateChangeReason(reason))
                .statistics(s -> s.dataScannedInBytes(done && !query.script.reused ? query.script.bytesScanned : 0L)
                        .engineExecutionTimeInMillis(done ? 1_500L : 0L)
                        .resultReuseInformation(r -> r.reusedPreviousResult(query.script.reused)))).build();
    }

    @Override
    public synchronized GetQueryResultsResponse getQueryResults(GetQueryResultsRequest request) {
        calls.add("GetQueryResults");
        Script script = queries.get(request.queryExecutionId()).script;
        List<List<String>> all = new ArrayList<>();
        all.add(script.columns);   // Athena's header row, on the first page only
        all.addAll(script.rows);
        int from = request.nextToken() == null ? 0 : Integer.parseInt(request.nextToken());
        int to = Math.min(all.size(), from + request.maxResults());
        List<Row> rows = all.subList(from, to).stream()
                .map(values -> Row.builder().data(values.stream().map(v -> Datum.builder().varCharValue(v).build()).toList()).build())
                .toList();
        List<ColumnInfo> columns = new ArrayList<>();
        for (int i = 0; i < script.columns.size(); i++) {
            columns.add(ColumnInfo.builder().name(script.columns.get(i)).label(script.columns.get(i)).type(script.types.get(i)).build());
        }
        return GetQueryResultsResponse.builder().nextToken(to < all.size() ? String.valueOf(to) : null)
                .resultSet(r -> r.rows(rows).resultSetMetadata(m -> m.columnInfo(columns))).build();
    }

    @Override
    public synchronized StopQueryExecutionResponse stopQueryExecution(StopQueryExecutionRequest request) {
        calls.add("StopQueryExecution");
        queries.get(request.queryExecutionId()).cancelled = true;
        return StopQueryExecutionResponse.builder().build();
    }

    @Override
    public synchronized CreateWorkGroupResponse createWorkGroup(CreateWorkGroupRequest request) {
        calls.add("CreateWorkGroup");
        if (workgroups.containsKey(request.name())) {
            throw InvalidRequestException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                    .errorCode("InvalidRequestException").errorMessage("WorkGroup is already created").build()).build();
        }
        workgroups.put(request.name(), request.configuration());
        return CreateWorkGroupResponse.builder().build();
    }

    @Override
    public String serviceName() {
        return "athena";
    }

    @Override
    public void close() {
    }
}
