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

    private <T> T invoke(String operation, Supplier<T> body) {
        return calls.invoke(AwsService.GLUE, operation, caller, world.errors(), () -> {
            synchronized (world) {
                return body.get();
            }
        });
    }

    @Override
    public CreateDatabaseResponse createDatabase(CreateDatabaseRequest request) {
        return invoke("CreateDatabase", () -> catalog.createDatabase(request));
    }

    @Override
    public GetDatabaseResponse getDatabase(GetDatabaseRequest request) {
        return invoke("GetDatabase", () -> catalog.getDatabase(request));
    }

    @Override
    public GetDatabasesResponse getDatabases(GetDatabasesRequest request) {
        return invoke("GetDatabases", () -> catalog.getDatabases(request));
    }

    @Override
    public DeleteDatabaseResponse deleteDatabase(DeleteDatabaseRequest request) {
        return invoke("DeleteDatabase", () -> catalog.deleteDatabase(request));
    }

    @Override
    public CreateTableResponse createTable(CreateTableRequest request) {
        return invoke("CreateTable", () -> catalog.createTable(request));
    }

    @Override
    public GetTableResponse getTable(GetTableRequest request) {
        return invoke("GetTable", () -> catalog.getTable(request));
    }

    @Override
    public GetTablesResponse getTables(GetTablesRequest request) {
        return invoke("GetTables", () -> catalog.getTables(request));
    }

    @Override
    public UpdateTableResponse updateTable(UpdateTableRequest request) {
        return invoke("UpdateTable", () -> catalog.updateTable(request));
    }

    @Override
    public DeleteTableResponse deleteTable(DeleteTableRequest request) {
        return invoke("DeleteTable", () -> catalog.deleteTable(request));
    }

    @Override
    public BatchCreatePartitionResponse batchCreatePartition(BatchCreatePartitionRequest request) {
        return invoke("BatchCreatePartition", () -> partitions.batchCreatePartition(request));
    }

    @Override
    public GetPartitionsResponse getPartitions(GetPartitionsRequest request) {
        return invoke("GetPartitions", () -> partitions.getPartitions(request));
    }

    @Override
    public BatchDeletePartitionResponse batchDeletePartition(BatchDeletePartitionRequest request) {
        return invoke("BatchDeletePartition", () -> partitions.batchDeletePartition(request));
    }

    @Override
    public UpdateDatabaseResponse updateDatabase(UpdateDatabaseRequest request) {
        return invoke("UpdateDatabase", () -> catalog.updateDatabase(request));
    }

    @Override
    public BatchDeleteTableResponse batchDeleteTable(BatchDeleteTableRequest request) {
        return invoke("BatchDeleteTable", () -> catalog.batchDeleteTable(request));
    }

    @Override
    public CreatePartitionResponse createPartition(CreatePartitionRequest request) {
        return invoke("CreatePartition", () -> partitions.createPartition(request));
    }

    @Override
    public GetPartitionResponse getPartition(GetPartitionRequest request) {
        return invoke("GetPartition", () -> partitions.getPartition(request));
    }

    @Override
    public UpdatePartitionResponse updatePartition(UpdatePartitionRequest request) {
        return invoke("UpdatePartition", () -> partitions.updatePartition(request));
    }

    @Override
    public DeletePartitionResponse deletePartition(DeletePartitionRequest request) {
        return invoke("DeletePartition", () -> partitions.deletePartition(request));
    }

    @Override
    public BatchGetPartitionResponse batchGetPartition(BatchGetPartitionRequest request) {
        return invoke("BatchGetPartition", () -> partitions.batchGetPartition(request));
    }

    @Override
    public BatchUpdatePartitionResponse batchUpdatePartition(BatchUpdatePartitionRequest request) {
        return invoke("BatchUpdatePartition", () -> partitions.batchUpdatePartition(request));
    }

    @Override
    public GetTableVersionsResponse getTableVersions(GetTableVersionsRequest request) {
        return invoke("GetTableVersions", () -> versions.getTableVersions(request));
    }

    @Override
    public GetTableVersionResponse getTableVersion(GetTableVersionRequest request) {
        return invoke("GetTableVersion", () -> versions.getTableVersion(request));
    }

    @Override
    public DeleteTableVersionResponse deleteTableVersion(DeleteTableVersionRequest request) {
        return invoke("DeleteTableVersion", () -> versions.deleteTableVersion(request));
    }

    @Override
    public CreateCrawlerResponse createCrawler(CreateCrawlerRequest request) {
        return invoke("CreateCrawler", () -> crawlers.createCrawler(request));
    }

    @Override
    public GetCrawlerResponse getCrawler(GetCrawlerRequest request) {
        return invoke("GetCrawler", () -> crawlers.getCrawler(request));
    }

    @Override
    public UpdateCrawlerResponse updateCrawler(UpdateCrawlerRequest request) {
        return invoke("UpdateCrawler", () -> crawlers.updateCrawler(request));
    }

    @Override
    public DeleteCrawlerResponse deleteCrawler(DeleteCrawlerRequest request) {
        return invoke("DeleteCrawler", () -> crawlers.deleteCrawler(request));
    }

    @Override
    public StartCrawlerResponse startCrawler(StartCrawlerRequest request) {
        return invoke("StartCrawler", () -> crawlers.startCrawler(request));
    }

    @Override
    public StopCrawlerResponse stopCrawler(StopCrawlerRequest request) {
        return invoke("StopCrawler", () -> crawlers.stopCrawler(request));
    }

    @Override
    public GetCrawlerMetricsResponse getCrawlerMetrics(GetCrawlerMetricsRequest request) {
        return invoke("GetCrawlerMetrics", () -> crawlers.getCrawlerMetrics(request));
    }

    @Override
    public ListCrawlsResponse listCrawls(ListCrawlsRequest request) {
        return invoke("ListCrawls", () -> crawlers.listCrawls(request));
    }

    @Override
    public CreateJobResponse createJob(CreateJobRequest request) {
        return invoke("CreateJob", () -> jobs.createJob(request));
    }

    @Override
    public GetJobResponse getJob(GetJobRequest request) {
        return invoke("GetJob", () -> jobs.getJob(request));
    }

    @Override
    public GetJobsResponse getJobs(GetJobsRequest request) {
        return invoke("GetJobs", () -> jobs.getJobs(request));
    }

    @Override
    public ListJobsResponse listJobs(ListJobsRequest request) {
        return invoke("ListJobs", () -> jobs.listJobs(request));
    }

    @Override
    public UpdateJobResponse updateJob(UpdateJobRequest request) {
        return invoke("UpdateJob", () -> jobs.updateJob(request));
    }

    @Override
    public DeleteJobResponse deleteJob(DeleteJobRequest request) {
        return invoke("DeleteJob", () -> jobs.deleteJob(request));
    }

    @Override
    public StartJobRunResponse startJobRun(StartJobRunRequest request) {
        return invoke("StartJobRun", () -> jobs.startJobRun(request));
    }

    @Override
    public GetJobRunResponse getJobRun(GetJobRunRequest request) {
        return invoke("GetJobRun", () -> jobs.getJobRun(request));
    }

    @Override
    public GetJobRunsResponse getJobRuns(GetJobRunsRequest request) {
        return invoke("GetJobRuns", () -> jobs.getJobRuns(request));
    }

    @Override
    public BatchStopJobRunResponse batchStopJobRun(BatchStopJobRunRequest request) {
        return invoke("BatchStopJobRun", () -> jobs.batchStopJobRun(request));
    }

    @Override
    public CreateWorkflowResponse createWorkflow(CreateWorkflowRequest request) {
        return invoke("CreateWorkflow", () -> workflows.createWorkflow(request));
    }

    @Override
    public GetWorkflowResponse getWorkflow(GetWorkflowRequest request) {
        return invoke("GetWorkflow", () -> workflows.getWorkflow(request));
    }

    @Override
    public UpdateWorkflowResponse updateWorkflow(UpdateWorkflowRequest request) {
        return invoke("UpdateWorkflow", () -> workflows.updateWorkflow(request));
    }

    @Override
    public DeleteWorkflowResponse deleteWorkflow(DeleteWorkflowRequest request) {
        return invoke("DeleteWorkflow", () -> workflows.deleteWorkflow(request));
    }

    @Override
    public ListWorkflowsResponse listWorkflows(ListWorkflowsRequest request) {
        return invoke("ListWorkflows", () -> workflows.listWorkflows(request));
    }

    @Override
    public CreateTriggerResponse createTrigger(CreateTriggerRequest request) {
        return invoke("CreateTrigger", () -> triggers.createTrigger(request));
    }

    @Override
    public GetTriggerResponse getTrigger(GetTriggerRequest request) {
        return invoke("GetTrigger", () -> triggers.getTrigger(request));
    }

    @Override
    public GetTriggersResponse getTriggers(GetTriggersRequest request) {
        return invoke("GetTriggers", () -> triggers.getTriggers(request));
    }

    @Override
    public UpdateTriggerResponse updateTrigger(UpdateTriggerRequest request) {
        return invoke("UpdateTrigger", () -> triggers.updateTrigger(request));
    }

    @Override
    public DeleteTriggerResponse deleteTrigger(DeleteTriggerRequest request) {
        return invoke("DeleteTrigger", () -> triggers.deleteTrigger(request));
    }

    @Override
    public StartTriggerResponse startTrigger(StartTriggerRequest request) {
        return invoke("StartTrigger", () -> triggers.startTrigger(request));
    }

    @Override
    public StopTriggerResponse stopTrigger(StopTriggerRequest request) {
        return invoke("StopTrigger", () -> triggers.stopTrigger(request));
    }

    @Override
    public StartWorkflowRunResponse startWorkflowRun(StartWorkflowRunRequest request) {
        return invoke("StartWorkflowRun", () -> workflows.startWorkflowRun(request));
    }

    @Override
    public GetWorkflowRunResponse getWorkflowRun(GetWorkflowRunRequest request) {
        return invoke("GetWorkflowRun", () -> workflows.getWorkflowRun(request));
    }

    @Override
    public GetWorkflowRunsResponse getWorkflowRuns(GetWorkflowRunsRequest request) {
        return invoke("GetWorkflowRuns", () -> workflows.getWorkflowRuns(request));
    }

    @Override
    public GetWorkflowRunPropertiesResponse getWorkflowRunProperties(GetWorkflowRunPropertiesRequest request) {
        return invoke("GetWorkflowRunProperties", () -> workflows.getWorkflowRunProperties(request));
    }

    @Override
    public PutWorkflowRunPropertiesResponse putWorkflowRunProperties(PutWorkflowRunPropertiesRequest request) {
        return invoke("PutWorkflowRunProperties", () -> workflows.putWorkflowRunProperties(request));
    }

    @Override
    public ResumeWorkflowRunResponse resumeWorkflowRun(ResumeWorkflowRunRequest request) {
        return invoke("ResumeWorkflowRun", () -> workflows.resumeWorkflowRun(request));
    }

    @Override
    public StopWorkflowRunResponse stopWorkflowRun(StopWorkflowRunRequest request) {
        return invoke("StopWorkflowRun", () -> workflows.stopWorkflowRun(request));
    }

    @Override
    public ListTriggersResponse listTriggers(ListTriggersRequest request) {
        return invoke("ListTriggers", () -> triggers.listTriggers(request));
    }

    @Override
    public BatchGetTriggersResponse batchGetTriggers(BatchGetTriggersRequest request) {
        return invoke("BatchGetTriggers", () -> triggers.batchGetTriggers(request));
    }

    @Override
    public BatchGetWorkflowsResponse batchGetWorkflows(BatchGetWorkflowsRequest request) {
        return invoke("BatchGetWorkflows", () -> workflows.batchGetWorkflows(request));
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
