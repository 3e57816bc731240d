package io.dataplatform.testing.internal.athena;

import io.dataplatform.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.ResultConfiguration;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.WorkGroupConfiguration;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The Athena side of one {@code FakeAws} world: workgroups ({@code primary} exists), query
 * executions and their results. A query runs on sdk-athena-engine (DuckDB) when it is started; it then reports
 * QUEUED for {@link #QUEUE_TIME} and RUNNING for {@link #RUN_TIME} of the world's clock before its
 * final state, so waiting, timeouts and cancellation behave as with Athena.
 */
public final class AthenaWorld {
    static final Duration QUEUE_TIME = Duration.ofMillis(100);
    static final Duration RUN_TIME = Duration.ofSeconds(1);
    static final String PRIMARY = "primary";
    private static final long SCRAMBLE = 0x9E3779B97F4A7C15L;
    /** Trino's parser's messages (ANTLR's), which the engine reports as SYNTAX_ERROR with the position. */
    private static final java.util.regex.Pattern PARSE_ERROR = java.util.regex.Pattern.compile("SYNTAX_ERROR: line \\d+:\\d+: "
            + "(mismatched input|extraneous input|no viable alternative at input|missing '|token recognition error at)");
    /** WorkGroupName's pattern (Athena API reference), for every request that names a workgroup. */
    static final java.util.regex.Pattern WORKGROUP = java.util.regex.Pattern.compile("[a-zA-Z0-9._-]{1,128}");
    private static final java.util.regex.Pattern QUERY_EXECUTION_ID = java.util.regex.Pattern.compile("\\S+");

    private final FakeClock clock;
    private final S3Client s3;
    private final Supplier<SqlEngine> engine;
    private final SqlEngine[] createdEngine = new SqlEngine[1];
    private final AthenaErrors errors = new AthenaErrors();
    private final Map<String, Execution> executions = new LinkedHashMap<>();
    private final Map<String, String> tokens = new HashMap<>();
    /** Queries running on the engine (outside this world's lock), by client request token. */
    private final Map<String, Execution> running = new HashMap<>();
    private final Map<String, WorkGroupConfiguration> workgroups = new TreeMap<>();
    private final Map<String, String> descriptions = new HashMap<>();
    private final Map<String, Instant> created = new HashMap<>();
    private final String resultsBucket;
    /** The account that owns every bucket of the world, the results bucket included (ExpectedBucketOwner). */
    private final String accountId;
    private long counter;

    /**
     * Creates Athena over the world's catalog ({@code glue}) and buckets ({@code s3}), timed by
     * {@code clock}. The {@code primary} workgroup writes results to {@code resultsBucket} (the
     * bucket the Athena console proposes, {@code aws-athena-query-results-ACCOUNT-REGION}), which
     * is created on the first result written to it; {@code accountId} owns the world's buckets.
     */
    public AthenaWorld(FakeClock clock, GlueClient glue, S3Client s3, String resultsBucket, String accountId) {
        this.clock = clock;
        this.s3 = s3;
        this.resultsBucket = resultsBucket;
        this.accountId = accountId;
        SqlEngine[] created = createdEngine;
        this.engine = () -> {
            synchronized (created) {
                if (created[0] == null) {
                    requireEngineArtifact();
                    created[0] = new SqlEngine(glue, s3, clock);
                }
                return created[0];
            }
        };
    }

    /**
     * The engine is an artifact of its own (DuckDB's jar alone is 80 MB), which a test that fakes only
     * S3 or the catalog does not need: without it, the first query says which dependency to add.
     */
    private static void requireEngineArtifact() {
        try {
            Class.forName("io.dataplatform.athena.engine.AthenaEngine", false, AthenaWorld.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The fake Athena runs queries on the artifact dataplatform-sdk-athena-engine, "
                    + "which is not on the classpath: add <dependency><groupId>io.dataplatform</groupId><artifactId>"
                    + "dataplatform-sdk-athena-engine</artifactId><scope>test</scope></dependency> next to "
                    + "dataplatform-sdk-testing", e);
        }
    }

    /** Closes the query engine if a query started it (DuckDB's connection and staged files). */
    public void close() {
        synchronized (createdEngine) {
            if (createdEngine[0] != null) {
                createdEngine[0].close();
            }
        }
    }

    AthenaErrors errors() {
        return errors;
    }

    Instant now() {
        return clock.instant();
    }

    /** The workgroups; {@code primary} is made on first use, so a world that never runs a query loads no Athena model. */
    synchronized Map<String, WorkGroupConfiguration> workgroups() {
        if (!workgroups.containsKey(PRIMARY)) {
            workgroups.put(PRIMARY, WorkGroupConfiguration.builder().enforceWorkGroupConfiguration(false)
                    .resultConfiguration(r -> r.outputLocation("s3://" + resultsBucket + "/")).build());
            created.put(PRIMARY, clock.instant());
        }
        return workgroups;
    }

    Map<String, String> descriptions() {
        return descriptions;
    }

    /** When each workgroup was created (GetWorkGroup's CreationTime). */
    Map<String, Instant> created() {
        return created;
    }

    /** A workgroup name outside WorkGroupName's pattern fails validation before any lookup. */
    void requireWorkgroupName(String name) {
        RuntimeException invalid = errors.lengthOrPattern("workGroup", name, 0, Integer.MAX_VALUE, WORKGROUP);
        if (invalid != null) {
            throw invalid;
        }
    }

    Execution execution(String id) {
        RuntimeException invalid = errors.lengthOrPattern("queryExecutionId", id, 1, 128, QUERY_EXECUTION_ID);
        if (invalid != null) {
            throw invalid;
        }
        Execution execution = executions.get(id);
        if (execution == null) {
            throw errors.invalid("QueryExecution " + id + " was not found");
        }
        return execution;
    }

    List<Execution> executions() {
        return new ArrayList<>(executions.values());
    }

    /**
     * Starts (or, for a token seen before, finds) a query execution. The query runs on the engine outside
     * this world's lock, so queries run side by side and other Athena calls do not wait for them; the
     * engine reads a consistent view (it copies the objects a query reads before running it).
     */
    Execution start(StartQueryExecutionRequest request) {
        Execution execution;
        WorkGroupConfiguration configuration;
        synchronized (this) {
            execution = register(request);
            if (execution.outcome != null || execution.finalState != null) {
                return execution;
            }
            configuration = workgroups().get(execution.workgroup);
        }
        try {
            run(execution, configuration);
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                if (execution.token != null) {
                    running.remove(execution.token);
                }
                notifyAll();
            }
            throw e;
        }
        synchronized (this) {
            executions.put(execution.id, execution);
            if (execution.token != null) {
                running.remove(execution.token);
                tokens.put(execution.token, execution.id);
            }
            notifyAll();
        }
        return execution;
    }

    /** Validates a start and returns its execution: a finished one (repeated token, reused result) or one to run. */
    private Execution register(StartQueryExecutionRequest request) {
        // The request's lengths (QueryString, ClientRequestToken, ExecutionParameters, Database) were checked against
        // Athena's model before the call reached the world (RequestConstraints).
        String query = request.queryString();
        String token = request.clientRequestToken();
        while (token != null && running.containsKey(token)) {
            // The same token while its query runs: Athena answers with that query, so wait for it.
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw errors.error(500, "InternalServerException", "Interrupted while waiting for the query started with the same token");
            }
        }
        if (token != null && tokens.containsKey(token)) {
            // Athena: a repeated token returns the same query; a changed request under it is an error.
            // "An error is returned if a parameter, such as QueryString, has changed" (API reference).
            Execution earlier = executions.get(tokens.get(token));
            String workgroup = request.workGroup() == null ? PRIMARY : request.workGroup();
            List<String> parameters = request.hasExecutionParameters() ? request.executionParameters() : List.of();
            StartQueryExecutionRequest first = earlier.request;
            if (!earlier.query.equals(query) || !earlier.workgroup.equals(workgroup)
                    || !earlier.database.equals(database(request)) || !earlier.parameters.equals(parameters)
                    || !java.util.Objects.equals(first.resultConfiguration(), request.resultConfiguration())
                    || !java.util.Objects.equals(first.resultReuseConfiguration(), request.resultReuseConfiguration())
                    || !java.util.Objects.equals(catalog(first), catalog(request))) {
                throw errors.invalid("Idempotent parameters do not match");
            }
            return earlier;
        }
        String workgroup = request.workGroup() == null ? PRIMARY : request.workGroup();
        requireWorkgroupName(workgroup);
        WorkGroupConfiguration configuration = workgroups().get(workgroup);
        if (configuration == null) {
            throw errors.invalid("WorkGroup " + workgroup + " is not found.");
        }
        ResultConfiguration results = resultConfiguration(request, configuration);
        String output = results.outputLocation();
        String bucket = output.substring("s3://".length()).split("/", 2)[0];
        if (bucket.isEmpty() || !bucket.equals(resultsBucket) && !bucketExists(bucket)) {
            // Athena checks the output bucket before it accepts the query: the call fails, no query is created
            // ("InvalidRequestException when calling the StartQueryExecution operation: Unable to verify/create
            // output bucket ...", pyathena-dev/PyAthena#67). The console's default results bucket is created instead.
            throw errors.invalid("Unable to verify/create output bucket " + bucket);
        }
        String database = database(request);
        String catalog = catalog(request);
        // The engine reads the world's Glue catalog whatever the name: another catalog (a Lambda connector, a
        // federated or S3 Tables catalog) would be answered from the wrong tables.
        if (!catalog.equalsIgnoreCase("AwsDataCatalog")) {
            throw unsupported("QueryExecutionContext.Catalog '" + catalog + "' (only AwsDataCatalog, the world's Glue "
                    + "Data Catalog, is modelled)");
        }
        if (request.engineConfiguration() != null) {
            throw unsupported("EngineConfiguration");
        }
        Integer reuse = reuseMaxAge(request);
        Instant now = clock.instant();
        String id = newId();
        Execution execution = new Execution(id, token, query, database, catalog, workgroup, results,
                request.hasExecutionParameters() ? request.executionParameters() : List.of(),
                reuse == null ? null : reuse, now, now.plus(QUEUE_TIME), now.plus(QUEUE_TIME).plus(RUN_TIME));
        execution.request = request;
        Execution reusable = reuse == null ? null : reusable(execution, Duration.ofMinutes(reuse));
        if (reusable != null) {
            execution.outcome = reusable.outcome;
            execution.reused = true;
            execution.reusedFrom = reusable;
            execution.finalState = QueryExecutionState.SUCCEEDED;
            executions.put(id, execution);
            if (token != null) {
                tokens.put(token, id);
            }
        } else if (token != null) {
            running.put(token, execution);
        }
        return execution;
    }

    /**
     * The maximum age of a result to reuse, or null when reuse is off: MaxAgeInMinutes "the default is 60",
     * valid from 0 to 10080 (API_ResultReuseByAgeConfiguration). A MaxAgeInMinutes without Enabled reuses nothing.
     */
    private Integer reuseMaxAge(StartQueryExecutionRequest request) {
        var byAge = request.resultReuseConfiguration() == null ? null
                : request.resultReuseConfiguration().resultReuseByAgeConfiguration();
        if (byAge == null) {
            return null;
        }
        Integer age = byAge.maxAgeInMinutes();
        if (age != null && (age < 0 || age > 10_080)) {
            throw errors.invalid("1 validation error detected: Value '" + age + "' at 'resultReuseConfiguration."
                    + "resultReuseByAgeConfiguration.maxAgeInMinutes' failed to satisfy constraint: Member must have value "
                    + (age < 0 ? "greater than or equal to 0" : "less than or equal to 10080"));
        }
        if (!Boolean.TRUE.equals(byAge.enabled())) {
            return null;
        }
        return age == null ? 60 : age;
    }

    private static String catalog(StartQueryExecutionRequest request) {
        return request.queryExecutionContext() == null || request.queryExecutionContext().catalog() == null
                ? "AwsDataCatalog" : request.queryExecutionContext().catalog();
    }

    private static String database(StartQueryExecutionRequest request) {
        return request.queryExecutionContext() == null || request.queryExecutionContext().database() == null
                ? "default" : request.queryExecutionContext().database().toLowerCase(Locale.ROOT);
    }

    private void run(Execution execution, WorkGroupConfiguration configuration) {
        SqlEngine.Outcome outcome = engine.get().run(execution.query, execution.parameters, execution.database);
        execution.outcome = outcome;
        execution.bytesScanned = outcome.bytesScanned();
        Long cutoff = configuration.bytesScannedCutoffPerQuery();
        if (outcome.error() != null && (Statements.substatementType(execution.query) != null
                || Statements.isEmpty(execution.query))
                && PARSE_ERROR.matcher(outcome.error()).lookingAt()) {
            // Athena parses a query before it accepts it: one that does not parse fails the call, and no query is
            // created ("InvalidRequestException when calling the StartQueryExecution operation: line 1:190: mismatched
            // input ...", awslabs/aws-well-architected-labs#502, guardian/athena-cli#39, dbt-labs/dbt-adapters#1599).
            throw errors.invalid(outcome.error().substring("SYNTAX_ERROR: ".length()));
        }
        if (outcome.error() != null) {
            execution.finalState = QueryExecutionState.FAILED;
            execution.reason = outcome.error();
        } else if (cutoff != null && outcome.bytesScanned() > cutoff) {
            // Athena cancels a query that exceeds its workgroup's per-query cutoff, billing what it read up to it.
            execution.finalState = QueryExecutionState.CANCELLED;
            execution.reason = "Query cancelled: the workgroup's per-query data usage control (BytesScannedCutoffPerQuery "
                    + cutoff + ") was exceeded";
            execution.bytesScanned = cutoff;
        } else {
            execution.finalState = QueryExecutionState.SUCCEEDED;
            writeResults(execution);
        }
    }

    /**
     * The latest earlier result Athena would reuse: "Athena looks for a previous execution of the query
     * within the same workgroup", with the same query string, database and catalog names and result
     * configuration, not older than the maximum age (Athena User Guide, "Reuse query results").
     */
    private Execution reusable(Execution query, Duration maxAge) {
        Instant oldest = query.submitted.minus(maxAge);
        List<Execution> candidates = new ArrayList<>(executions.values());
        for (int i = candidates.size() - 1; i >= 0; i--) {
            Execution earlier = candidates.get(i);
            if (earlier.isDone(query.submitted) && earlier.state(query.submitted) == QueryExecutionState.SUCCEEDED
                    && !earlier.completedAt().isBefore(oldest) && earlier.query.equals(query.query)
                    && earlier.parameters.equals(query.parameters) && earlier.database.equals(query.database)
                    && earlier.catalog.equals(query.catalog) && earlier.workgroup.equals(query.workgroup)
                    && earlier.results.equals(query.results)) {
                return earlier;
            }
        }
        return null;
    }

    /**
     * Athena writes each result as CSV (every value quoted, a header line) to the output location, with the
     * result configuration's canned ACL. An ExpectedBucketOwner that does not own the bucket fails the write:
     * "the call fails with a permissions error" (API_ResultConfiguration).
     */
    private void writeResults(Execution execution) {
        String owner = execution.results.expectedBucketOwner();
        if (owner != null && !owner.equals(accountId)) {
            execution.finalState = QueryExecutionState.FAILED;
            execution.reason = "Access denied when writing output to url: " + execution.resultFile()
                    + ". The bucket is not owned by the expected bucket owner " + owner + ".";
            return;
        }
        StringBuilder csv = new StringBuilder();
        csv.append(csvLine(execution.outcome.columns()));
        execution.outcome.rows().forEach(row -> csv.append(csvLine(row)));
        String rest = execution.resultFile().substring("s3://".length());
        String bucket = rest.substring(0, rest.indexOf('/'));
        String key = rest.substring(rest.indexOf('/') + 1);
        try {
            if (bucket.equals(resultsBucket) && !s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(bucket))) {
                s3.createBucket(r -> r.bucket(bucket));
            }
            String acl = execution.results.aclConfiguration() == null ? null
                    : execution.results.aclConfiguration().s3AclOptionAsString().toLowerCase(Locale.ROOT).replace('_', '-');
            s3.putObject(r -> r.bucket(bucket).key(key).contentType("text/csv").acl(acl),
                    RequestBody.fromString(csv.toString()));
        } catch (S3Exception e) {
            execution.finalState = QueryExecutionState.FAILED;
            execution.reason = "Unable to verify/create output bucket " + bucket + ": "
                    + (e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage());
        }
    }

    private boolean bucketExists(String bucket) {
        try {
            s3.headBucket(r -> r.bucket(bucket));
            return true;
        } catch (S3Exception e) {
            return false;
        }
    }

    private static String csvLine(List<String> values) {
        List<String> quoted = new ArrayList<>();
        for (String value : values) {
            quoted.add(value == null ? "" : "\"" + value.replace("\"", "\"\"") + "\"");
        }
        return String.join(",", quoted) + "\n";
    }

    /**
     * The result configuration a query runs with: each setting from the request, else from the workgroup,
     * and the workgroup's where it enforces its configuration ("client-side settings are overridden").
     * Results encrypted with KMS are refused: the fake S3 stores objects with SSE-S3 only, so the result
     * would not be what Athena writes; SSE_S3 is what the fake writes anyway.
     */
    private ResultConfiguration resultConfiguration(StartQueryExecutionRequest request, WorkGroupConfiguration configuration) {
        ResultConfiguration none = ResultConfiguration.builder().build();
        ResultConfiguration workgroup = configuration.resultConfiguration() == null ? none : configuration.resultConfiguration();
        ResultConfiguration client = request.resultConfiguration() == null ? none : request.resultConfiguration();
        boolean enforce = Boolean.TRUE.equals(configuration.enforceWorkGroupConfiguration());
        ResultConfiguration results = ResultConfiguration.builder()
                .outputLocation(pick(enforce, workgroup.outputLocation(), client.outputLocation()))
                .encryptionConfiguration(pick(enforce, workgroup.encryptionConfiguration(), client.encryptionConfiguration()))
                .expectedBucketOwner(pick(enforce, workgroup.expectedBucketOwner(), client.expectedBucketOwner()))
                .aclConfiguration(pick(enforce, workgroup.aclConfiguration(), client.aclConfiguration()))
                .build();
        String output = results.outputLocation();
        if (output == null || !output.startsWith("s3://") || output.length() <= "s3://".length()) {
            throw errors.invalid("No output location provided. An output location is required either through the "
                    + "Workgroup result configuration setting or as an API input.");
        }
        if (results.encryptionConfiguration() != null) {
            String option = results.encryptionConfiguration().encryptionOptionAsString();
            if (option == null) {
                throw errors.invalid("1 validation error detected: Value null at 'resultConfiguration.encryptionConfiguration"
                        + ".encryptionOption' failed to satisfy constraint: Member must not be null");
            }
            if (!option.equals("SSE_S3")) {
                throw unsupported("ResultConfiguration.EncryptionConfiguration " + option + " (the fake S3 stores results "
                        + "with SSE-S3 only)");
            }
        }
        if (results.aclConfiguration() != null
                && !"BUCKET_OWNER_FULL_CONTROL".equals(results.aclConfiguration().s3AclOptionAsString())) {
            // API_AclConfiguration: S3AclOption is required, and BUCKET_OWNER_FULL_CONTROL its only valid value.
            throw errors.invalid("1 validation error detected: Value '" + results.aclConfiguration().s3AclOptionAsString()
                    + "' at 'resultConfiguration.aclConfiguration.s3AclOption' failed to satisfy constraint: Member must "
                    + "satisfy enum value set: [BUCKET_OWNER_FULL_CONTROL]");
        }
        return results;
    }

    private static <T> T pick(boolean enforce, T workgroup, T client) {
        return enforce && workgroup != null ? workgroup : client != null ? client : workgroup;
    }

    /** The 501 for a StartQueryExecution member the fake does not model. */
    private RuntimeException unsupported(String member) {
        return errors.error(501, "NotImplemented", "StartQueryExecution with " + member
                + " is not supported by the fake Athena");
    }

    /** Stops a query that is still queued or running; a finished one stays as it is. */
    synchronized void stop(Execution execution) {
        Instant now = clock.instant();
        if (!execution.isDone(now)) {
            execution.scannedWhenCancelled = now.isBefore(execution.runningAt) ? 0 : execution.bytesScanned;
            execution.cancelledAt = now;
            execution.reason = "Query was cancelled by user";
        }
    }

    /** Mints an id shaped like Athena's (a UUID), deterministic so that test runs repeat exactly. */
    private String newId() {
        long n = ++counter;
        long scrambled = n * SCRAMBLE;
        return String.format(Locale.ROOT, "%08x-%04x-4%03x-8%03x-%012x", (int) (scrambled >>> 32),
                (int) (scrambled >>> 16) & 0xffff, (int) scrambled & 0xfff, (int) (n >>> 12) & 0xfff, n);
    }
}
