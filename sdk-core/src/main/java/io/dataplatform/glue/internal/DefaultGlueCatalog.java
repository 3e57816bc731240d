package io.dataplatform.glue.internal;

import io.dataplatform.internal.Pages;
import io.dataplatform.glue.Crawler;
import io.dataplatform.glue.CrawlerBuilder;
import io.dataplatform.glue.Database;
import io.dataplatform.glue.DatabaseInfo;
import io.dataplatform.glue.GlueCatalog;
import io.dataplatform.glue.Job;
import io.dataplatform.glue.JobBuilder;
import io.dataplatform.internal.AwsInvoker;
import io.dataplatform.internal.PlatformContext;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import software.amazon.awssdk.services.glue.GlueClient;

/** The catalog over one {@link GlueClient}; every call goes through the platform's invoker. */
public final class DefaultGlueCatalog implements GlueCatalog {
    /** GetDatabases and GetTables return at most 100 items per page. */
    static final int PAGE_SIZE = 100;
    /** ListJobs and GetJobRuns return at most 200 items per page. */
    static final int JOB_PAGE = 200;

    private final GlueAccess glue;
    private final JobServices jobs;

    /**
     * Creates the catalog over {@code client}, fetched on first use (the platform creates it lazily);
     * its jobs upload code and pass the cost guard through {@code jobs}.
     */
    public DefaultGlueCatalog(Supplier<GlueClient> client, PlatformContext context, JobServices jobs) {
        this.glue = new GlueAccess(client, context.invoker("Glue"), context);
        this.jobs = jobs;
    }

    @Override
    public Database database(String name) {
        return new DefaultDatabase(glue, GlueNames.checkDatabase(name));
    }

    @Override
    public Stream<DatabaseInfo> databases() {
        return Pages.<String, DatabaseInfo>stream(token -> {
            var response = glue.call("GetDatabases", "databases",
                    c -> c.getDatabases(r -> r.maxResults(PAGE_SIZE).nextToken(token)));
            return new Pages.Page<>(response.databaseList().stream().map(GlueMapping::database).toList(),
                    GlueMapping.token(response.nextToken()));
        });
    }

    @Override
    public CrawlerBuilder crawler(String name) {
        return new DefaultCrawlerBuilder(glue, GlueNames.checkCrawler(name));
    }

    @Override
    public Crawler existingCrawler(String name) {
        return new DefaultCrawler(glue, GlueNames.checkCrawler(name));
    }

    @Override
    public JobBuilder job(String name) {
        return new DefaultJobBuilder(glue, jobs, GlueNames.checkJob(name));
    }

    @Override
    public Job existingJob(String name) {
        return new DefaultJob(glue, jobs, GlueNames.checkJob(name), null);
    }

    @Override
    public io.dataplatform.glue.WorkflowBuilder workflow(String name) {
        return new DefaultWorkflowBuilder(glue, jobs, name);
    }

    @Override
    public io.dataplatform.glue.Workflow existingWorkflow(String name) {
        return new DefaultWorkflow(glue, jobs, DefaultWorkflowBuilder.checkName(name));
    }

    @Override
    public Stream<String> jobNames() {
        return Pages.<String, String>stream(token -> {
            var response = glue.call("ListJobs", "jobs", c -> c.listJobs(r -> r.maxResults(JOB_PAGE).nextToken(token)));
            return new Pages.Page<>(response.jobNames(), GlueMapping.token(response.nextToken()));
        });
    }

    /** The client, the invoker and the context, passed to every handle. */
    record GlueAccess(Supplier<GlueClient> client, AwsInvoker invoker, PlatformContext context) {
        <T> T call(String operation, String resource, Function<GlueClient, T> call) {
            return invoker.call(operation, resource, () -> call.apply(client.get()));
        }

        /** Calls a create or start operation; a retry that finds it done ({@code doneCode}) succeeds. */
        void create(String operation, String resource, String doneCode, Function<GlueClient, ?> call) {
            invoker.callCreating(operation, resource, () -> call.apply(client.get()), doneCode);
        }
    }
}
