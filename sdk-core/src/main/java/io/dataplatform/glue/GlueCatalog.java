package io.dataplatform.glue;

import java.util.stream.Stream;

/**
 * The Glue Data Catalog and its crawlers.
 *
 * <pre>{@code
 * GlueCatalog glue = platform.glue();
 * glue.database("sales").create(d -> d.description("Sales data").locationUri("s3://acme-raw/sales/"));
 * Crawler crawler = glue.crawler("sales-crawler")
 *         .target(S3Target.of("s3://acme-raw/sales/"))
 *         .database("sales")
 *         .role("AWSGlueServiceRole-sales")
 *         .create();
 * CrawlerRun run = crawler.start().await();
 * }</pre>
 */
public interface GlueCatalog {

    /**
     * Returns a handle on the database {@code name}; nothing is called until a method of it is.
     *
     * @throws IllegalArgumentException if the name breaks Glue's naming rules
     */
    Database database(String name);

    /** Returns the databases, fetching pages of GetDatabases lazily as the stream is consumed. */
    Stream<DatabaseInfo> databases();

    /**
     * Starts defining the crawler {@code name}; the builder's {@link CrawlerBuilder#create()} or
     * {@link CrawlerBuilder#update()} calls Glue.
     *
     * @throws IllegalArgumentException if the name breaks Glue's naming rules
     */
    CrawlerBuilder crawler(String name);

    /** Returns a handle on an existing crawler {@code name}; nothing is called yet. */
    Crawler existingCrawler(String name);

    /**
     * Starts defining the ETL job {@code name}; the builder's {@link JobBuilder#create()} calls Glue.
     *
     * @throws IllegalArgumentException if the name is empty or longer than 255 characters
     */
    JobBuilder job(String name);

    /** Returns a handle on an existing job {@code name}; nothing is called yet. */
    Job existingJob(String name);

    /** Returns the names of the account's jobs, fetching pages of ListJobs lazily as the stream is consumed. */
    Stream<String> jobNames();

    /**
     * Starts defining the workflow {@code name}: crawlers and jobs run in dependency order by its
     * triggers; the builder's {@link WorkflowBuilder#create()} calls Glue.
     *
     * @throws IllegalArgumentException if the name is empty or longer than 255 characters
     */
    WorkflowBuilder workflow(String name);

    /** Returns a handle on an existing workflow {@code name}; nothing is called yet. */
    Workflow existingWorkflow(String name);
}
