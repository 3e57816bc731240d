package io.dataplatform.testing.internal.glue;

import io.dataplatform.testing.AwsService;
import io.dataplatform.testing.internal.Caller;
import io.dataplatform.testing.internal.NotImplemented;
import io.dataplatform.testing.internal.ServiceCalls;
import java.util.function.Supplier;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.*;

/**
 * A {@link GlueClient} over one world's {@link GlueWorld}: every operation the SDK uses, recorded and
 * subject to the world's faults. Users get it through {@link #create}; operations
 * not implemented here fail with a 501 NotImplemented error naming the operation, through the
 * generated {@link UnimplementedGlueOperations}.
 */
public final class FakeGlueClient extends UnimplementedGlueOperations {
    private static final java.util.function.Supplier<io.dataplatform.testing.internal.RequestConstraints> CONSTRAINTS =
            () -> io.dataplatform.testing.internal.RequestConstraints.of("glue");
    private final GlueWorld world;
    private final ServiceCalls calls;
    private final Caller caller;
    private final CatalogOperations catalog;
    private final PartitionOperations partitions;
    private final TableVersionOperations versions;
    private final CrawlerOperations crawlers;
    private final JobOperations jobs;
    private final io.dataplatform.testing.internal.glue.workflows.WorkflowOperations workflows;
    private final io.dataplatform.testing.internal.glue.workflows.TriggerOperations triggers;

    /** Returns a client acting as {@code caller}; operations this fake does not implement fail with 501. */
    public static GlueClient create(GlueWorld world, ServiceCalls calls, Caller caller) {
        return new FakeGlueClient(world, calls, caller);
    }

    /** Returns the names of the operations this fake does not implement. */
    public static java.util.Set<String> unimplementedOperations() {
        return OPERATIONS;
    }

    private FakeGlueClient(GlueWorld world, ServiceCalls calls, Caller caller) {
        this.world = world;
        this.calls = calls;
        this.caller = caller;
        CatalogLookup lookup = new CatalogLookup(world);
        this.catalog = new CatalogOperations(world, lookup);
        this.partitions = new PartitionOperations(world, lookup);
        this.versions = new TableVersionOperations(world, lookup);
        this.crawlers = new CrawlerOperations(world);
        this.jobs = new JobOperations(world.jobs());
        this.workflows = new io.dataplatform.testing.internal.glue.workflows.WorkflowOperations(world.workflows());
        this.triggers = new io.dataplatform.testing.internal.glue.workflows.TriggerOperations(world.workflows());
    }

    /**
     * Runs {@code operation} after the service's own request validation (its API model's required members,
     * lengths, ranges, patterns and enum values), which refuses a request before any operation runs.
     */
    private <T> T invoke(String operation, software.amazon.awssdk.core.SdkPojo request, Supplier<T> body) {
        return invoke(operation, () -> {
            CONSTRAINTS.get().check(operation, request, world.errors()::validation);
            return body.get();
        });
    }

    private <T> T invoke(String operation, Supplier<T> body) {
        return calls.invoke(AwsService.GLUE, operation, caller, world.errors(), () -> {
            synchronized (world) {
                return body.get();
            }
        });
    }

    @Override
    public CreateDatabaseResponse createDatabase(CreateDatabaseRequest request) {
        return invoke("CreateDatabase", request, () -> catalog.createDatabase(request));
    }

    @Override
    public GetDatabaseResponse getDatabase(GetDatabaseRequest request) {
        return invoke("GetDatabase", request, () -> catalog.getDatabase(request));
    }

    @Override
    public GetDatabasesResponse getDatabases(GetDatabasesRequest request) {
        return invoke("GetDatabases", request, () -> catalog.getDatabases(request));
    }

    @Override
    public DeleteDatabaseResponse deleteDatabase(DeleteDatabaseRequest request) {
        return invoke("DeleteDatabase", request, () -> catalog.deleteDatabase(request));
    }

    @Override
    public CreateTableResponse createTable(CreateTableRequest request) {
        return invoke("CreateTable", request, () -> catalog.createTable(request));
    }

    @Override
    public GetTableResponse getTable(GetTableRequest request) {
        return invoke("GetTable", request, () -> catalog.getTable(request));
    }

    @Override
    public GetTablesResponse getTables(GetTablesRequest request) {
        return invoke("GetTables", request, () -> catalog.getTables(request));
    }

    @Override
    public UpdateTableResponse updateTable(UpdateTableRequest request) {
        return invoke("UpdateTable", request, () -> catalog.updateTable(request));
    }

    @Override
    public DeleteTableResponse deleteTable(DeleteTableRequest request) {
        return invoke("DeleteTable", request, () -> catalog.deleteTable(request));
    }

    @Override
    public BatchCreatePartitionResponse batchCreatePartition(BatchCreatePartitionRequest request) {
        return invoke("BatchCreatePartition", request, () -> partitions.batchCreatePartition(request));
    }

    @Override
    public GetPartitionsResponse getPartitions(GetPartitionsRequest request) {
        return invoke("GetPartitions", request, () -> partitions.getPartitions(request));
    }

    @Override
    public BatchDeletePartitionResponse batchDeletePartition(BatchDeletePartitionRequest request) {
        return invoke("BatchDeletePartition", request, () -> partitions.batchDeletePartition(request));
    }

    @Override
    public UpdateDatabaseResponse updateDatabase(UpdateDatabaseRequest request) {
        return invoke("UpdateDatabase", request, () -> catalog.updateDatabase(request));
    }

    @Override
    public BatchDeleteTableResponse batchDeleteTable(BatchDeleteTableRequest request) {
        return invoke("BatchDeleteTable", request, () -> catalog.batchDeleteTable(request));
    }

    @Override
    public CreatePartitionResponse createPartition(CreatePartitionRequest request) {
        return invoke("CreatePartition", request, () -> partitions.createPartition(request));
    }

    @Override
    public GetPartitionResponse getPartition(GetPartitionRequest request) {
        return invoke("GetPartition", request, () -> partitions.getPartition(request));
    }

    @Override
    public UpdatePartitionResponse updatePartition(UpdatePartitionRequest request) {
        return invoke("UpdatePartition", request, () -> partitions.updatePartition(request));
    }

    @Override
    public DeletePartitionResponse deletePartition(DeletePartitionRequest request) {
        return invoke("DeletePartition", request, () -> partitions.deletePartition(request));
    }

    @Override
    public BatchGetPartitionResponse batchGetPartition(BatchGetPartitionRequest request) {
        return invoke("BatchGetPartition", request, () -> partitions.batchGetPartition(request));
    }

    @Override
    public BatchUpdatePartitionResponse batchUpdatePartition(BatchUpdatePartitionRequest request) {
        return invoke("BatchUpdatePartition", request, () -> partitions.batchUpdatePartition(request));
    }

    @Override
    public GetTableVersionsResponse getTableVersions(GetTableVersionsRequest request) {
        return invoke("GetTableVersions", request, () -> versions.getTableVersions(request));
    }

    @Override
    public GetTableVersionResponse getTableVersion(GetTableVersionRequest request) {
        return invoke("GetTableVersion", request, () -> versions.getTableVersion(request));
    }

    @Override
    public DeleteTableVersionResponse deleteTableVersion(DeleteTableVersionRequest request) {
        return invoke("DeleteTableVersion", request, () -> versions.deleteTableVersion(request));
    }

    @Override
    public CreateCrawlerResponse createCrawler(CreateCrawlerRequest request) {
        return invoke("CreateCrawler", request, () -> crawlers.createCrawler(request));
    }

    @Override
    public GetCrawlerResponse getCrawler(GetCrawlerRequest request) {
        return invoke("GetCrawler", request, () -> crawlers.getCrawler(request));
    }

    @Override
    public UpdateCrawlerResponse updateCrawler(UpdateCrawlerRequest request) {
        return invoke("UpdateCrawler", request, () -> crawlers.updateCrawler(request));
    }

    @Override
    public DeleteCrawlerResponse deleteCrawler(DeleteCrawlerRequest request) {
        return invoke("DeleteCrawler", request, () -> crawlers.deleteCrawler(request));
    }

    @Override
    public StartCrawlerResponse startCrawler(StartCrawlerRequest request) {
        return invoke("StartCrawler", request, () -> crawlers.startCrawler(request));
    }

    @Override
    public StopCrawlerResponse stopCrawler(StopCrawlerRequest request) {
        return invoke("StopCrawler", request, () -> crawlers.stopCrawler(request));
    }

    @Override
    public GetCrawlerMetricsResponse getCrawlerMetrics(GetCrawlerMetricsRequest request) {
        return invoke("GetCrawlerMetrics", request, () -> crawlers.getCrawlerMetrics(request));
    }

    @Override
    public ListCrawlsResponse listCrawls(ListCrawlsRequest request) {
        return invoke("ListCrawls", request, () -> crawlers.listCrawls(request));
    }

    @Override
    public CreateJobResponse createJob(CreateJobRequest request) {
        return invoke("CreateJob", request, () -> jobs.createJob(request));
    }

    @Override
    public GetJobResponse getJob(GetJobRequest request) {
        return invoke("GetJob", request, () -> jobs.getJob(request));
    }

    @Override
    public GetJobsResponse getJobs(GetJobsRequest request) {
        return invoke("GetJobs", request, () -> jobs.getJobs(request));
    }

    @Override
    public ListJobsResponse listJobs(ListJobsRequest request) {
        return invoke("ListJobs", request, () -> jobs.listJobs(request));
    }

    @Override
    public UpdateJobResponse updateJob(UpdateJobRequest request) {
        return invoke("UpdateJob", request, () -> jobs.updateJob(request));
    }

    @Override
    public DeleteJobResponse deleteJob(DeleteJobRequest request) {
        return invoke("DeleteJob", request, () -> jobs.deleteJob(request));
    }

    @Override
    public StartJobRunResponse startJobRun(StartJobRunRequest request) {
        return invoke("StartJobRun", request, () -> jobs.startJobRun(request));
    }

    @Override
    public GetJobRunResponse getJobRun(GetJobRunRequest request) {
        return invoke("GetJobRun", request, () -> jobs.getJobRun(request));
    }

    @Override
    public GetJobRunsResponse getJobRuns(GetJobRunsRequest request) {
        return invoke("GetJobRuns", request, () -> jobs.getJobRuns(request));
    }

    @Override
    public BatchStopJobRunResponse batchStopJobRun(BatchStopJobRunRequest request) {
        return invoke("BatchStopJobRun", request, () -> jobs.batchStopJobRun(request));
    }

    @Override
    public CreateWorkflowResponse createWorkflow(CreateWorkflowRequest request) {
        return invoke("CreateWorkflow", request, () -> workflows.createWorkflow(request));
    }

    @Override
    public GetWorkflowResponse getWorkflow(GetWorkflowRequest request) {
        return invoke("GetWorkflow", request, () -> workflows.getWorkflow(request));
    }

    @Override
    public UpdateWorkflowResponse updateWorkflow(UpdateWorkflowRequest request) {
        return invoke("UpdateWorkflow", request, () -> workflows.updateWorkflow(request));
    }

    @Override
    public DeleteWorkflowResponse deleteWorkflow(DeleteWorkflowRequest request) {
        return invoke("DeleteWorkflow", request, () -> workflows.deleteWorkflow(request));
    }

    @Override
    public ListWorkflowsResponse listWorkflows(ListWorkflowsRequest request) {
        return invoke("ListWorkflows", request, () -> workflows.listWorkflows(request));
    }

    @Override
    public CreateTriggerResponse createTrigger(CreateTriggerRequest request) {
        return invoke("CreateTrigger", request, () -> triggers.createTrigger(request));
    }

    @Override
    public GetTriggerResponse getTrigger(GetTriggerRequest request) {
        return invoke("GetTrigger", request, () -> triggers.getTrigger(request));
    }

    @Override
    public GetTriggersResponse getTriggers(GetTriggersRequest request) {
        return invoke("GetTriggers", request, () -> triggers.getTriggers(request));
    }

    @Override
    public UpdateTriggerResponse updateTrigger(UpdateTriggerRequest request) {
        return invoke("UpdateTrigger", request, () -> triggers.updateTrigger(request));
    }

    @Override
    public DeleteTriggerResponse deleteTrigger(DeleteTriggerRequest request) {
        return invoke("DeleteTrigger", request, () -> triggers.deleteTrigger(request));
    }

    @Override
    public StartTriggerResponse startTrigger(StartTriggerRequest request) {
        return invoke("StartTrigger", request, () -> triggers.startTrigger(request));
    }

    @Override
    public StopTriggerResponse stopTrigger(StopTriggerRequest request) {
        return invoke("StopTrigger", request, () -> triggers.stopTrigger(request));
    }

    @Override
    public StartWorkflowRunResponse startWorkflowRun(StartWorkflowRunRequest request) {
        return invoke("StartWorkflowRun", request, () -> workflows.startWorkflowRun(request));
    }

    @Override
    public GetWorkflowRunResponse getWorkflowRun(GetWorkflowRunRequest request) {
        return invoke("GetWorkflowRun", request, () -> workflows.getWorkflowRun(request));
    }

    @Override
    public GetWorkflowRunsResponse getWorkflowRuns(GetWorkflowRunsRequest request) {
        return invoke("GetWorkflowRuns", request, () -> workflows.getWorkflowRuns(request));
    }

    @Override
    public GetWorkflowRunPropertiesResponse getWorkflowRunProperties(GetWorkflowRunPropertiesRequest request) {
        return invoke("GetWorkflowRunProperties", request, () -> workflows.getWorkflowRunProperties(request));
    }

    @Override
    public PutWorkflowRunPropertiesResponse putWorkflowRunProperties(PutWorkflowRunPropertiesRequest request) {
        return invoke("PutWorkflowRunProperties", request, () -> workflows.putWorkflowRunProperties(request));
    }

    @Override
    public ResumeWorkflowRunResponse resumeWorkflowRun(ResumeWorkflowRunRequest request) {
        return invoke("ResumeWorkflowRun", request, () -> workflows.resumeWorkflowRun(request));
    }

    @Override
    public StopWorkflowRunResponse stopWorkflowRun(StopWorkflowRunRequest request) {
        return invoke("StopWorkflowRun", request, () -> workflows.stopWorkflowRun(request));
    }

    @Override
    public ListTriggersResponse listTriggers(ListTriggersRequest request) {
        return invoke("ListTriggers", request, () -> triggers.listTriggers(request));
    }

    @Override
    public BatchGetTriggersResponse batchGetTriggers(BatchGetTriggersRequest request) {
        return invoke("BatchGetTriggers", request, () -> triggers.batchGetTriggers(request));
    }

    @Override
    public BatchGetWorkflowsResponse batchGetWorkflows(BatchGetWorkflowsRequest request) {
        return invoke("BatchGetWorkflows", request, () -> workflows.batchGetWorkflows(request));
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    /** Nothing to release: the world lives in memory. */
    @Override
    public void close() {
    }

    @Override
    protected <T> T unimplemented(String operation) {
        return NotImplemented.fail(calls, AwsService.GLUE, caller.arn(), world.errors(), operation);
    }
}
