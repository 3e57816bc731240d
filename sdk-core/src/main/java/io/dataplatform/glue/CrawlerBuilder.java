package io.dataplatform.glue;

import io.dataplatform.internal.Checks;

/**
 * Defines a crawler. Setters check their argument at once; {@link #create()} and {@link #update()}
 * check that the required fields (a target, the database, the role) are set and then call Glue.
 *
 * <pre>{@code
 * Crawler crawler = glue.crawler("sales-crawler")
 *         .target(S3Target.of("s3://acme-raw/sales/").exclude("**.tmp"))
 *         .database("sales").tablePrefix("raw_")
 *         .schemaChangePolicy(SchemaChangePolicy.defaults())
 *         .schedule(Schedule.cron("0 2 * * ? *"))
 *         .role("AWSGlueServiceRole-sales")
 *         .create();
 * }</pre>
 */
public interface CrawlerBuilder {

    /** Adds an S3 target. */
    CrawlerBuilder target(S3Target target);

    /** Adds an S3 target without exclusions, {@code s3://bucket/prefix/}. */
    default CrawlerBuilder target(String s3Path) {
        return target(S3Target.of(s3Path));
    }

    /** Adds an S3 target without exclusions from a location, e.g. {@code bucket.prefix("sales/")}. */
    default CrawlerBuilder target(io.dataplatform.s3.S3Location location) {
        return target(S3Target.of(Checks.notNull(location, "location").uri()));
    }

    /** Sets the database the crawler writes its tables to (required). */
    CrawlerBuilder database(String database);

    /** Sets a prefix for the names of the tables it creates. */
    CrawlerBuilder tablePrefix(String prefix);

    /** Sets what happens on schema changes and deletions; Glue's default is {@link SchemaChangePolicy#defaults()}. */
    CrawlerBuilder schemaChangePolicy(SchemaChangePolicy policy);

    /** Sets whether reruns crawl everything or only new folders. */
    CrawlerBuilder recrawlPolicy(RecrawlPolicy policy);

    /** Runs the crawler on a schedule as well as on demand. */
    CrawlerBuilder schedule(Schedule schedule);

    /** Sets the IAM role (name or ARN) the crawler reads S3 as (required). */
    CrawlerBuilder role(String role);

    /** Sets a description. */
    CrawlerBuilder description(String description);

    /**
     * Creates the crawler.
     *
     * @throws IllegalStateException if a target, the database or the role is missing
     * @throws io.dataplatform.ResourceAlreadyExistsException if a crawler of that name exists
     */
    Crawler create();

    /**
     * Replaces the definition of the existing crawler with this one.
     *
     * @throws io.dataplatform.ResourceNotFoundException if there is no such crawler
     * @throws io.dataplatform.ResourceConflictException if it is running
     */
    Crawler update();
}
