package io.dataplatform.testing.internal.athena;

import io.dataplatform.testing.AwsService;
import io.dataplatform.testing.internal.Caller;
import io.dataplatform.testing.internal.NotImplemented;
import io.dataplatform.testing.internal.ServiceCalls;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.AthenaError;
import software.amazon.awssdk.services.athena.model.BatchGetQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.BatchGetQueryExecutionResponse;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.CreateWorkGroupRequest;
import software.amazon.awssdk.services.athena.model.CreateWorkGroupResponse;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.EngineVersion;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionResponse;
import software.amazon.awssdk.services.athena.model.GetQueryResultsRequest;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.GetWorkGroupRequest;
import software.amazon.awssdk.services.athena.model.GetWorkGroupResponse;
import software.amazon.awssdk.services.athena.model.ListQueryExecutionsRequest;
import software.amazon.awssdk.services.athena.model.ListQueryExecutionsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.ResultReuseConfiguration;
import software.amazon.awssdk.services.athena.model.Row;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionResponse;
import software.amazon.awssdk.services.athena.model.StopQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.UnprocessedQueryExecutionId;
import software.amazon.awssdk.services.athena.model.StopQueryExecutionResponse;
import software.amazon.awssdk.services.athena.model.WorkGroupConfiguration;
import software.amazon.awssdk.services.athena.model.WorkGroupState;

/**
 * An {@link AthenaClient} over one world's {@link AthenaWorld}: query executions with Athena's
 * states, results paged like GetQueryResults (header row first, at most 1,000 rows a page) and
 * workgroups with their bytes-scanned cutoff. Every call is recorded and subject to the world's
 * faults. Users get it through {@link #create}; operations
 * not implemented here fail with a 501 NotImplemented error naming the operation, through the
 * generated {@link UnimplementedAthenaOperations}.
 */
public final class FakeAthenaClient extends UnimplementedAthenaOperations {
    private static final java.util.function.Supplier<io.dataplatform.testing.internal.RequestConstraints> CONSTRAINTS =
            () -> io.dataplatform.testing.internal.RequestConstraints.of("athena");
    private static final int MAX_RESULTS = 1000;
    /** ListQueryExecutions' and BatchGetQueryExecution's limit. */
    private static final int MAX_LISTED = 50;
    /** What GetQueryExecution reports of a workgroup that never chose its engine: Athena picks version 3. */
    private static final EngineVersion ENGINE_VERSION = EngineVersion.builder().selectedEngineVersion("AUTO")
            .effectiveEngineVersion("Athena engine version 3").build();

    private final AthenaWorld world;
    private final ServiceCalls calls;
    private final Caller caller;

    /** Returns a client acting as {@code caller}; operations this fake does not implement fail with 501. */
    public static AthenaClient create(AthenaWorld world, ServiceCalls calls, Caller caller) {
        return new FakeAthenaClient(world, calls, caller);
    }

    /** Returns the names of the operations this fake does not implement. */
    public static java.util.Set<String> unimplementedOperations() {
        return OPERATIONS;
    }

    private FakeAthenaClient(AthenaWorld world, ServiceCalls calls, Caller caller) {
        this.world = world;
        this.calls = calls;
        this.caller = caller;
    }

    /**
     * Runs {@code operation} after the service's own request validation (its API model's required members,
     * lengths, ranges, patterns and enum values), which refuses a request before any operation runs.
     */
    private <T> T invoke(String operation, software.amazon.awssdk.core.SdkPojo request, Supplier<T> body) {
        return invoke(operation, () -> {
            CONSTRAINTS.get().check(operation, request, world.errors()::invalid);
            return body.get();
        });
    }

    private <T> T invoke(String operation, Supplier<T> body) {
        return calls.invoke(AwsService.ATHENA, operation, caller.arn(), world.errors(), () -> {
            synchronized (world) {
                return body.get();
            }
        });
    }

    @Override
    public StartQueryExecutionResponse startQueryExecution(StartQueryExecutionRequest request) {
        // Not under the world's lock: the query runs on the engine while other calls go on (AthenaWorld.start).
        return calls.invoke(AwsService.ATHENA, "StartQueryExecution", caller.arn(), world.errors(),
                () -> {
                    CONSTRAINTS.get().check("StartQueryExecution", request, world.errors()::invalid);
                    return StartQueryExecutionResponse.builder().queryExecutionId(world.start(request).id).build();
                });
    }

    @Override
    public GetQueryExecutionResponse getQueryExecution(GetQueryExecutionRequest request) {
        return invoke("GetQueryExecution", request, () -> GetQueryExecutionResponse.builder()
                .queryExecution(describe(world.execution(request.queryExecutionId()))).build());
    }

    /** The workgroup's executions, newest first, 50 a page at most (ListQueryExecutions API reference). */
    @Override
    public ListQueryExecutionsResponse listQueryExecutions(ListQueryExecutionsRequest request) {
        return invoke("ListQueryExecutions", request, () -> {
            String workgroup = request.workGroup() == null ? AthenaWorld.PRIMARY : request.workGroup();
            world.requireWorkgroupName(workgroup);
            if (!world.workgroups().containsKey(workgroup)) {
                throw world.errors().invalid("WorkGroup " + workgroup + " is not found.");
            }
            int max = request.maxResults() == null ? MAX_LISTED : request.maxResults();
            if (max < 0 || max > MAX_LISTED) {
                throw world.errors().invalid("1 validation error detected: Value '" + max + "' at 'maxResults' failed to "
                        + "satisfy constraint: Member must have value " + (max < 0 ? "greater than or equal to 0"
                        : "less than or equal to " + MAX_LISTED));
            }
            List<String> ids = new ArrayList<>();
            for (Execution execution : world.executions()) {
                if (execution.workgroup.equals(workgroup)) {
                    ids.add(0, execution.id);
                }
            }
            int from = ids.isEmpty() && request.nextToken() == null ? 0
                    : PageTokens.offset(request.nextToken(), "list:" + workgroup, ids.size(), world.errors());
            int to = Math.min(ids.size(), from + max);
            return ListQueryExecutionsResponse.builder().queryExecutionIds(ids.subList(from, to))
                    .nextToken(to < ids.size() ? PageTokens.token("list:" + workgroup, to) : null).build();
        });
    }

    /** Up to 50 executions; ids the world does not know come back as unprocessed (BatchGetQueryExecution API reference). */
    @Override
    public BatchGetQueryExecutionResponse batchGetQueryExecution(BatchGetQueryExecutionRequest request) {
        return invoke("BatchGetQueryExecution", request, () -> {
            List<String> ids = request.queryExecutionIds();
            if (ids.isEmpty() || ids.size() > MAX_LISTED) {
                throw world.errors().invalid("1 validation error detected: Value at 'queryExecutionIds' failed to satisfy "
                        + "constraint: Member must have length less than or equal to " + MAX_LISTED
                        + " and greater than or equal to 1");
            }
            List<QueryExecution> found = new ArrayList<>();
            List<UnprocessedQueryExecutionId> unprocessed = new ArrayList<>();
            for (String id : ids) {
                try {
                    found.add(describe(world.execution(id)));
                } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
                    unprocessed.add(UnprocessedQueryExecutionId.builder().queryExecutionId(id)
                            .errorCode("InvalidRequestException").errorMessage(e.awsErrorDetails().errorMessage()).build());
                }
            }
            return BatchGetQueryExecutionResponse.builder().queryExecutions(found).unprocessedQueryExecutionIds(unprocessed)
                    .build();
        });
    }

    @Override
    public StopQueryExecutionResponse stopQueryExecution(StopQueryExecutionRequest request) {
        return invoke("StopQueryExecution", request, () -> {
            world.stop(world.execution(request.queryExecutionId()));
            return StopQueryExecutionResponse.builder().build();
        });
    }

    @Override
    public GetQueryResultsResponse getQueryResults(GetQueryResultsRequest request) {
        return invoke("GetQueryResults", request, () -> results(request));
    }

    @Override
    public CreateWorkGroupResponse createWorkGroup(CreateWorkGroupRequest request) {
        return invoke("CreateWorkGroup", request, () -> {
            String name = request.name();
            if (name == null || !AthenaWorld.WORKGROUP.matcher(name).matches()) {
                throw world.errors().invalid("1 validation error detected: Value '" + name + "' at 'name' failed to "
                        + "satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9._-]{1,128}");
            }
            if (world.workgroups().containsKey(name)) {
                throw world.errors().invalid("WorkGroup is already created");
            }
            // API_CreateWorkGroup: Description has at most 1024 characters.
            RuntimeException description = world.errors().lengthOrPattern("description", request.description() == null
                    ? "" : request.description(), 0, 1024, null);
            if (description != null) {
                throw description;
            }
            WorkGroupConfiguration configuration = request.configuration() == null
                    ? WorkGroupConfiguration.builder().build() : request.configuration();
            refuseUnmodelled(configuration);
            Long cutoff = configuration.bytesScannedCutoffPerQuery();
            if (cutoff != null && cutoff < 10_000_000L) {
                throw world.errors().invalid("1 validation error detected: Value '" + cutoff + "' at "
                        + "'configuration.bytesScannedCutoffPerQuery' failed to satisfy constraint: Member must have value "
                        + "greater than or equal to 10000000");
            }
            world.workgroups().put(name, configuration);
            world.created().put(name, world.now());
            if (request.description() != null) {
                world.descriptions().put(name, request.description());
            }
            return CreateWorkGroupResponse.builder().build();
        });
    }

    @Override
    public GetWorkGroupResponse getWorkGroup(GetWorkGroupRequest request) {
        return invoke("GetWorkGroup", request, () -> {
            world.requireWorkgroupName(request.workGroup());
            WorkGroupConfiguration configuration = world.workgroups().get(request.workGroup());
            if (configuration == null) {
                throw world.errors().invalid("WorkGroup " + request.workGroup() + " is not found.");
            }
            return GetWorkGroupResponse.builder().workGroup(w -> w.name(request.workGroup()).state(WorkGroupState.ENABLED)
                    .description(world.descriptions().get(request.workGroup())).configuration(configuration)
                    .creationTime(world.created().get(request.workGroup()))).build();
        });
    }

    /**
     * Refuses the workgroup settings that would change how its queries run or what they report, which
     * the fake does not model; metrics publishing and requester-pays reads change neither and are kept.
     */
    private void refuseUnmodelled(WorkGroupConfiguration configuration) {
        String version = configuration.engineVersion() == null ? null : configuration.engineVersion().selectedEngineVersion();
        if (version != null && !version.equals("AUTO") && !version.equals(ENGINE_VERSION.effectiveEngineVersion())) {
            throw unsupported("CreateWorkGroup", "Configuration.EngineVersion '" + version + "' (the fake runs Athena "
                    + "engine version 3)");
        }
        if (configuration.managedQueryResultsConfiguration() != null
                && Boolean.TRUE.equals(configuration.managedQueryResultsConfiguration().enabled())) {
            throw unsupported("CreateWorkGroup", "Configuration.ManagedQueryResultsConfiguration (managed query results)");
        }
        var results = configuration.resultConfiguration();
        if (results != null && results.encryptionConfiguration() != null
                && !"SSE_S3".equals(results.encryptionConfiguration().encryptionOptionAsString())) {
            throw unsupported("CreateWorkGroup", "ResultConfiguration.EncryptionConfiguration "
                    + results.encryptionConfiguration().encryptionOptionAsString() + " (the fake S3 stores results with "
                    + "SSE-S3 only)");
        }
        if (Boolean.TRUE.equals(configuration.enableMinimumEncryptionConfiguration())) {
            throw unsupported("CreateWorkGroup", "Configuration.EnableMinimumEncryptionConfiguration");
        }
        java.util.Map<String, Object> others = new java.util.LinkedHashMap<>();
        others.put("AdditionalConfiguration", configuration.additionalConfiguration());
        others.put("ExecutionRole", configuration.executionRole());
        others.put("CustomerContentEncryptionConfiguration", configuration.customerContentEncryptionConfiguration());
        others.put("EngineConfiguration", configuration.engineConfiguration());
        others.put("IdentityCenterConfiguration", configuration.identityCenterConfiguration());
        others.put("QueryResultsS3AccessGrantsConfiguration", configuration.queryResultsS3AccessGrantsConfiguration());
        others.put("MonitoringConfiguration", configuration.monitoringConfiguration());
        others.forEach((member, value) -> {
            if (value != null) {
                throw unsupported("CreateWorkGroup", "Configuration." + member);
            }
        });
    }

    /**
     * The AthenaError of a query the engine failed: a user error (ErrorCategory 2) that fails again if resubmitted,
     * its message without the error name. Real Athena answers a parameter count mismatch with ErrorCategory 2,
     * ErrorType 1006, Retryable false (aws/aws-sdk-js-v3#3837); the ErrorType of the other engine errors is not
     * documented by name, so it is left out rather than guessed.
     */
    private static AthenaError athenaError(Execution execution) {
        String failure = execution.outcome == null ? null : execution.outcome.error();
        if (failure == null) {
            return null;
        }
        int colon = failure.indexOf(": ");
        String name = colon < 0 ? "" : failure.substring(0, colon);
        return AthenaError.builder().errorCategory(2).retryable(false)
                .errorType(name.equals("INVALID_PARAMETER_USAGE") ? 1006 : null)
                .errorMessage(colon < 0 ? failure : failure.substring(colon + 2)).build();
    }

    /** The engine a workgroup's queries report: the one it selected (AUTO unless it chose one), version 3 in effect. */
    private EngineVersion engineVersion(String workgroup) {
        WorkGroupConfiguration configuration = world.workgroups().get(workgroup);
        return configuration == null || configuration.engineVersion() == null
                || configuration.engineVersion().selectedEngineVersion() == null ? ENGINE_VERSION
                : ENGINE_VERSION.toBuilder().selectedEngineVersion(configuration.engineVersion().selectedEngineVersion()).build();
    }

    private RuntimeException unsupported(String operation, String member) {
        return world.errors().error(501, "NotImplemented", operation + " with " + member
                + " is not supported by the fake Athena");
    }

    private QueryExecution describe(Execution execution) {
        Instant now = world.now();
        QueryExecutionState state = execution.state(now);
        boolean done = execution.isDone(now);
        Instant end = done ? execution.completedAt() : now;
        long engineMillis = end.isAfter(execution.runningAt) ? Duration.between(execution.runningAt, end).toMillis() : 0;
        long queueMillis = Duration.between(execution.submitted, end.isBefore(execution.runningAt) ? end
                : execution.runningAt).toMillis();
        String reason = state == QueryExecutionState.FAILED || state == QueryExecutionState.CANCELLED ? execution.reason : null;
        return QueryExecution.builder()
                .queryExecutionId(execution.id)
                .query(execution.query)
                .statementType(Statements.statementType(execution.query))
                .substatementType(Statements.substatementType(execution.query))
                .engineVersion(engineVersion(execution.workgroup))
                .workGroup(execution.workgroup)
                .executionParameters(execution.parameters.isEmpty() ? null : execution.parameters)
                .queryExecutionContext(c -> c.database(execution.database).catalog(execution.catalog))
                .resultConfiguration(execution.results.toBuilder().outputLocation(execution.resultFile()).build())
                .resultReuseConfiguration(execution.reuseMaxAgeMinutes == null ? null : ResultReuseConfiguration.builder()
                        .resultReuseByAgeConfiguration(a -> a.enabled(true).maxAgeInMinutes(execution.reuseMaxAgeMinutes))
                        .build())
                .status(s -> s.state(state).stateChangeReason(reason).submissionDateTime(execution.submitted)
                        .completionDateTime(done ? execution.completedAt() : null)
                        .athenaError(state == QueryExecutionState.FAILED ? athenaError(execution) : null))
                .statistics(s -> s.dataScannedInBytes(execution.reportedBytes(now))
                        .engineExecutionTimeInMillis(execution.reused ? 0 : engineMillis)
                        .queryQueueTimeInMillis(queueMillis)
                        .totalExecutionTimeInMillis(Duration.between(execution.submitted, end).toMillis())
                        .resultReuseInformation(r -> r.reusedPreviousResult(execution.reused)))
                .build();
    }

    private GetQueryResultsResponse results(GetQueryResultsRequest request) {
        Execution execution = world.execution(request.queryExecutionId());
        QueryExecutionState state = execution.state(world.now());
        if (state == QueryExecutionState.QUEUED || state == QueryExecutionState.RUNNING) {
            throw world.errors().invalid("Query has not yet finished. Current state: " + state);
        }
        if (state != QueryExecutionState.SUCCEEDED) {
            throw world.errors().invalid("Query did not finish successfully. Final query state: " + state);
        }
        // DATA_MANIFEST answers with the files an UNLOAD or CTAS wrote, which the fake does not list.
        if (request.queryResultType() != null && !"DATA_ROWS".equals(request.queryResultTypeAsString())) {
            throw unsupported("GetQueryResults", "QueryResultType " + request.queryResultTypeAsString());
        }
        int max = request.maxResults() == null ? MAX_RESULTS : request.maxResults();
        if (max < 1 || max > MAX_RESULTS) {
            throw world.errors().invalid("1 validation error detected: Value '" + max + "' at 'maxResults' failed to "
                    + "satisfy constraint: Member must have value " + (max < 1 ? "greater than or equal to 1"
                    : "less than or equal to " + MAX_RESULTS));
        }
        SqlEngine.Outcome outcome = execution.outcome;
        List<List<String>> all = new ArrayList<>();
        all.add(outcome.columns());   // the first row of a SELECT's results holds the column names
        all.addAll(outcome.rows());
        int from = PageTokens.offset(request.nextToken(), execution.id, all.size(), world.errors());
        int to = Math.min(all.size(), from + max);
        List<Row> rows = new ArrayList<>();
        for (List<String> values : all.subList(from, to)) {
            rows.add(Row.builder().data(values.stream().map(v -> Datum.builder().varCharValue(v).build()).toList()).build());
        }
        List<ColumnInfo> columns = new ArrayList<>();
        for (int i = 0; i < outcome.columns().size(); i++) {
            columns.add(ColumnInfo.builder().catalogName("hive").name(outcome.columns().get(i))
                    .label(outcome.columns().get(i)).type(outcome.types().get(i)).precision(outcome.precisions().get(i))
                    .scale(outcome.scales().get(i)).nullable("UNKNOWN")
                    // Athena marks string columns case-sensitive, others not.
                    .caseSensitive(outcome.types().get(i).equals("varchar") || outcome.types().get(i).equals("char")).build());
        }
        return GetQueryResultsResponse.builder()
                .resultSet(r -> r.rows(rows).resultSetMetadata(m -> m.columnInfo(columns)))
                .nextToken(to < all.size() ? PageTokens.token(execution.id, to) : null)
                .updateCount(0L)
                .build();
    }

    @Override
    public String serviceName() {
        return "athena";
    }

    @Override
    public void close() {
    }

    @Override
    protected <T> T unimplemented(String operation) {
        return NotImplemented.fail(calls, AwsService.ATHENA, caller.arn(), world.errors(), operation);
    }
}
