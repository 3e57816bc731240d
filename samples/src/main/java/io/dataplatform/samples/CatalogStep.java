package io.dataplatform.samples;

import io.dataplatform.DataPlatform;
import io.dataplatform.glue.Column;
import io.dataplatform.glue.CrawlRecord;
import io.dataplatform.glue.Crawler;
import io.dataplatform.glue.CrawlerRun;
import io.dataplatform.glue.Partition;
import io.dataplatform.glue.Table;
import io.dataplatform.glue.TableInfo;
import io.dataplatform.s3.Bucket;
import java.time.Duration;
import java.util.List;

/**
 * Catalogs the uploaded sales data: creates a Glue database, crawls the bucket's {@code sales/}
 * prefix and prints the table the crawler discovered, its columns, types and partitions.
 */
final class CatalogStep {
    static final String DATABASE = "sales";

    private final DataPlatform platform;
    private final Report report;

    CatalogStep(DataPlatform platform, Report report) {
        this.platform = platform;
        this.report = report;
    }

    /** Crawls {@code bucket}'s sales prefix as {@code crawlerRole} and returns the discovered table. */
    TableInfo run(Bucket bucket, String crawlerRole) {
        platform.glue().database(DATABASE).create(d -> d.description("Sales orders, one CSV file per month"));
        Crawler crawler = platform.glue().crawler("sales-crawler")
                .target(bucket.prefix(SalesPipeline.PREFIX))
                .database(DATABASE)
                .role(crawlerRole)
                .create();
        report.step("Created Glue database '%s' and crawler '%s' over s3://%s/%s", DATABASE, crawler.name(),
                bucket.name(), SalesPipeline.PREFIX);

        CrawlerRun run = crawler.start()
                .onProgress(state -> report.detail("crawler is " + state))
                .await(Duration.ofMinutes(30));
        report.step("Crawl finished: %d table(s) created, %d updated, %d deleted", run.tablesCreated(),
                run.tablesUpdated(), run.tablesDeleted());
        CrawlRecord crawl = crawler.history().get(0);
        report.countCrawl(Duration.between(crawl.startTime(), crawl.endTime()));

        List<TableInfo> tables = platform.glue().database(DATABASE).tables().toList();
        TableInfo sales = tables.get(0);
        Table table = platform.glue().database(DATABASE).table(sales.name());
        List<Partition> partitions = table.partitions().list().toList();
        report.table(sales, partitions);
        return sales;
    }

    /** Renders a column as {@code name type}. */
    static String describe(Column column) {
        return column.name() + " " + column.type().toGlueString();
    }
}
