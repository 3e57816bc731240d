package io.dataplatform.testing.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.DataPlatform;
import io.dataplatform.DataPlatformException;
import io.dataplatform.ResourceConflictException;
import io.dataplatform.ResourceNotFoundException;
import io.dataplatform.glue.Column;
import io.dataplatform.glue.CrawlRecord;
import io.dataplatform.glue.Crawler;
import io.dataplatform.glue.CrawlerBuilder;
import io.dataplatform.glue.CrawlerRun;
import io.dataplatform.glue.CrawlerState;
import io.dataplatform.glue.DataFormat;
import io.dataplatform.glue.GlueCatalog;
import io.dataplatform.glue.GlueType;
import io.dataplatform.glue.Partition;
import io.dataplatform.glue.RecrawlPolicy;
import io.dataplatform.glue.S3Target;
import io.dataplatform.glue.Schedule;
import io.dataplatform.glue.SchemaChangePolicy;
import io.dataplatform.glue.SchemaChangePolicy.DeleteBehavior;
import io.dataplatform.glue.SchemaChangePolicy.UpdateBehavior;
import io.dataplatform.glue.TableDefinition;
import io.dataplatform.glue.TableInfo;
import io.dataplatform.s3.Bucket;
import io.dataplatform.testing.AwsService;
import io.dataplatform.testing.FakeAws;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.GetTableRequest;

/** Acceptance 1 of issue 4: crawlers through DataPlatform on FakeAws discover tables and schemas. */
class CrawlerTest {
    private final FakeAws aws = FakeAws.create();
    private final DataPlatform platform = aws.dataPlatform();
    private final GlueCatalog glue = platform.glue();
    private final Bucket raw = platform.bucket("acme-raw").create();

    CrawlerTest() {
        glue.database("sales").create();
    }

    private Crawler crawler(String target, Consumer<CrawlerBuilder> config) {
        CrawlerBuilder builder = glue.crawler("sales-crawler").target(target).database("sales")
                .role("AWSGlueServiceRole-sales");
        config.accept(builder);
        return builder.create();
    }

    private CrawlerRun crawl(String target) {
        return crawler(target, b -> { }).start().await();
    }

    private static List<String> columns(TableInfo table) {
        return table.definition().schema().columns().stream().map(c -> c.name() + " " + c.type().toGlueString()).toList();
    }

    @Test
    void csvWithHeader_createsTypedTableWithLazySimpleSerDe() {
        raw.put("sales/sales.csv", "id,amount,sold_on,paid,note\n1,9.5,2024-01-02,true,first\n2,10,2024-01-03,false,\n");

        CrawlerRun run = crawl("s3://acme-raw/sales/");

        assertThat(run.succeeded()).isTrue();
        assertThat(run.tablesCreated()).isEqualTo(1);
        TableInfo table = glue.database("sales").table("sales").info();
        assertThat(columns(table)).containsExactly("id bigint", "amount double", "sold_on date", "paid boolean", "note string");
        TableDefinition definition = table.definition();
        assertThat(definition.location()).isEqualTo("s3://acme-raw/sales/");
        assertThat(definition.format().serializationLibrary()).isEqualTo("org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe");
        assertThat(definition.format().inputFormat()).isEqualTo("org.apache.hadoop.mapred.TextInputFormat");
        assertThat(definition.format().outputFormat()).isEqualTo("org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat");
        assertThat(definition.format().serdeParameters()).isEqualTo(Map.of("field.delim", ","));
        assertThat(definition.parameters()).containsEntry("classification", "csv")
                .containsEntry("skip.header.line.count", "1").containsEntry("delimiter", ",")
                .containsEntry("compressionType", "none").containsEntry("UPDATED_BY_CRAWLER", "sales-crawler")
                .containsEntry("objectCount", "1").containsEntry("typeOfData", "file");
        assertThat(definition.schema().partitionKeys()).isEmpty();
    }

    @Test
    void malformedLine_crawlStillSucceedsAndTheTableIsRight() {
        raw.put("sales/a.csv", "id,amount,region\n1,10,north\n<html>oops</html>\n2,11.5,south\n3,12,east,extra,junk\n");

        CrawlerRun run = crawl("s3://acme-raw/sales/");

        assertThat(run.succeeded()).isTrue();
        assertThat(run.errors()).isEmpty();
        assertThat(columns(glue.database("sales").table("sales").info()))
                .containsExactly("id bigint", "amount double", "region string");
    }

    @Test
    void veryWideRows_widerThanTheFirstSample_areStillClassified() {
        int width = 4000;
        String header = java.util.stream.IntStream.range(0, width).mapToObj(i -> "column_" + i)
                .collect(java.util.stream.Collectors.joining(","));
        String row = java.util.stream.IntStream.range(0, width).mapToObj(i -> i % 3 == 0 ? "12345.5" : "value" + i)
                .collect(java.util.stream.Collectors.joining(","));
        raw.put("wide/a.csv", header + "\n" + row + "\n" + row + "\n" + row + "\n");

        crawl("s3://acme-raw/wide/");

        var columns = glue.database("sales").table("wide").schema().columns();
        assertThat(columns).hasSize(width);
        assertThat(columns.get(3999)).isEqualTo(Column.of("column_3999", GlueType.DOUBLE));
        assertThat(columns.get(3998)).isEqualTo(Column.of("column_3998", GlueType.STRING));
    }

    @Test
    void pipeDelimitedCsvWithoutHeader_namesColumnsCol0ToColN() {
        raw.put("events/part-1.txt", "1|alice|2024-01-02 10:00:00\n2|bob|2024-01-03 11:30:15.250\n3|carol|2024-01-04 09:00:00\n");

        crawl("s3://acme-raw/events/");

        TableInfo table = glue.database("sales").table("events").info();
        assertThat(columns(table)).containsExactly("col0 bigint", "col1 string", "col2 timestamp");
        assertThat(table.definition().format().serdeParameters()).isEqualTo(Map.of("field.delim", "|"));
        assertThat(table.definition().parameters()).doesNotContainKey("skip.header.line.count");
    }

    @Test
    void ctrlADelimitedText_isClassifiedAsCsv() {
        // Hive's default field delimiter, one of the five the built-in CSV classifier checks for.
        raw.put("hive/000000_0", "1\u0001alice\u00019.5\n2\u0001bob\u000110\n3\u0001carol\u000111.25\n");

        CrawlerRun run = crawl("s3://acme-raw/hive/");

        assertThat(run.tablesCreated()).isEqualTo(1);
        TableInfo table = glue.database("sales").table("hive").info();
        assertThat(columns(table)).containsExactly("col0 bigint", "col1 string", "col2 double");
        assertThat(table.definition().format().serdeParameters()).isEqualTo(Map.of("field.delim", "\u0001"));
        assertThat(table.definition().parameters()).containsEntry("delimiter", "\u0001").containsEntry("classification", "csv");
    }

    @Test
    void folderNameLongerThan128Characters_tableNameIsTruncatedTo128() {
        String folder = "Daily-Export_" + "x".repeat(150);
        raw.put("exports/" + folder + "/a.csv", "id,amount\n1,10\n2,11\n");
        raw.put("exports/other/a.json", "{\"k\":\"v\"}\n");

        crawl("s3://acme-raw/exports/");

        String expected = ("daily_export_" + "x".repeat(150)).substring(0, 128);
        assertThat(glue.database("sales").tables().map(TableInfo::name)).contains(expected);
    }

    @Test
    void jsonLines_nestedObjectsAndArrays_becomeStructsAndArrays() {
        raw.put("orders/orders.json", TestFiles.lines(List.of(
                "{\"id\":1,\"customer\":{\"name\":\"Ann\",\"address\":{\"city\":\"Leeds\"}},\"items\":[{\"sku\":\"A1\",\"qty\":2}],\"total\":9.5}",
                "{\"id\":2,\"customer\":{\"name\":\"Bo\",\"address\":{\"city\":\"York\",\"zip\":\"Y1\"}},\"items\":[],\"total\":12,\"gift\":true}")));

        crawl("s3://acme-raw/orders/");

        TableInfo table = glue.database("sales").table("orders").info();
        assertThat(columns(table)).containsExactly(
                "id int",
                "customer struct<name:string,address:struct<city:string,zip:string>>",
                "items array<struct<sku:string,qty:int>>",
                "total double",
                "gift boolean");
        assertThat(table.definition().format().serializationLibrary()).isEqualTo("org.openx.data.jsonserde.JsonSerDe");
        assertThat(table.definition().format().serdeParameters()).containsEntry("paths", "id,customer,items,total,gift");
        assertThat(table.classification()).isEqualTo("json");
    }

    @Test
    void prettyPrintedJsonObjects_spanningLines_areClassifiedFromTheWholeObjects() {
        // The Glue guide's "Writing JSON custom classifiers" example: objects over several lines, built-in classifier.
        raw.put("areas/areas.json", "{\n  \"type\": \"constituency\",\n  \"id\": \"ocd-division/country:us/state:ak\",\n"
                + "  \"name\": \"Alaska\"\n}\n{\n  \"type\": \"constituency\",\n  \"identifiers\": [\n"
                + "    {\n      \"scheme\": \"dmoz\",\n      \"identifier\": \"Regional/North_America\"\n    }\n  ],\n"
                + "  \"id\": \"ocd-division/country:us/state:al\",\n  \"name\": \"Alabama\"\n}\n");

        CrawlerRun run = crawl("s3://acme-raw/areas/");

        assertThat(run.tablesCreated()).isEqualTo(1);
        TableInfo table = glue.database("sales").table("areas").info();
        assertThat(table.classification()).isEqualTo("json");
        assertThat(columns(table)).containsExactly("type string", "id string", "name string",
                "identifiers array<struct<scheme:string,identifier:string>>");
        assertThat(table.definition().parameters()).containsEntry("recordCount", "2");
    }

    @Test
    void jsonFileThatIsOneTopLevelArray_isReportedNotReadAsCsv() {
        raw.put("areas/areas.json", "[\n  {\"type\": \"constituency\", \"id\": \"ak\", \"name\": \"Alaska\"},\n"
                + "  {\"type\": \"constituency\", \"id\": \"al\", \"name\": \"Alabama\"},\n"
                + "  {\"type\": \"constituency\", \"id\": \"ar\", \"name\": \"Arkansas\"}\n]\n");

        CrawlerRun run = crawl("s3://acme-raw/areas/");

        assertThat(run.tablesCreated()).isZero();
        assertThat(run.errors()).singleElement().asString().contains("s3://acme-raw/areas/areas.json").contains("array");
    }

    @Test
    void parquet_schemaComesFromTheFooter() {
        byte[] file = TestFiles.parquet("message sale { required int64 id; optional binary name (STRING); "
                        + "optional int32 sold_on (DATE); optional int64 amount (DECIMAL(10,2)); "
                        + "optional group tags (LIST) { repeated group list { optional binary element (STRING); } } }",
                3, (row, i) -> row.append("id", (long) i).append("name", "n" + i).append("sold_on", 19000 + i)
                        .append("amount", 1234L + i));
        raw.put("curated/sales/part-0.parquet", file);

        crawl("s3://acme-raw/curated/sales/");

        TableInfo table = glue.database("sales").table("sales").info();
        assertThat(columns(table)).containsExactly("id bigint", "name string", "sold_on date", "amount decimal(10,2)",
                "tags array<string>");
        DataFormat format = table.definition().format();
        assertThat(format.serializationLibrary()).isEqualTo("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe");
        assertThat(format.inputFormat()).isEqualTo("org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat");
        assertThat(format.outputFormat()).isEqualTo("org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat");
        assertThat(table.definition().parameters()).containsEntry("classification", "parquet").containsEntry("recordCount", "3");
    }

    @Test
    void gzipCsv_isUnwrappedAndMarkedCompressed() {
        raw.put("sales/2024.csv.gz", TestFiles.gzip("region,amount\nnorth,10\nsouth,12.5\n"));

        crawl("s3://acme-raw/sales/");

        TableInfo table = glue.database("sales").table("sales").info();
        assertThat(columns(table)).containsExactly("region string", "amount double");
        assertThat(table.definition().parameters()).containsEntry("compressionType", "gzip");
    }

    @Test
    void bzip2File_isNotReadAsText_theCrawlNamesTheFileAndTheCompression() {
        // Glue classifies bzip2 files (and ZIP, LZ4, Snappy); this fake cannot inflate them, so it says so.
        raw.put("logs/a.csv.bz2", java.util.Base64.getDecoder().decode("QlpoOTFBWSZTWWJcZBQAASvZgAAQAAR4ACbjngAwALgKZMTIMjCmTEyDIwKV"
                + "TUegho0OSeRPpNSbE3J4JgnBMkyJuTQnBVgmCaEwTyTkmCdE7E1EyT2T2TomxPxOCdE+k/EyTUmhNidiZJ6JuTUT+LuSKcKEgxLjIKA="));

        CrawlerRun run = crawl("s3://acme-raw/logs/");

        assertThat(run.tablesCreated()).isZero();
        assertThat(run.errors()).singleElement().asString().contains("s3://acme-raw/logs/a.csv.bz2").contains("bzip2");
    }

    @Test
    void hiveStyleFolders_becomeNamedPartitionKeys() {
        raw.put("sales/year=2024/month=01/a.csv", "id,amount\n1,10\n");
        raw.put("sales/year=2024/month=02/b.csv", "id,amount\n2,11\n");
        raw.put("sales/year=2023/month=12/c.csv", "id,amount\n3,12\n");

        crawl("s3://acme-raw/sales/");

        var table = glue.database("sales").table("sales");
        assertThat(table.schema().partitionKeys()).containsExactly(Column.of("year", GlueType.STRING), Column.of("month", GlueType.STRING));
        assertThat(table.partitions().list().map(Partition::values))
                .containsExactlyInAnyOrder(List.of("2024", "01"), List.of("2024", "02"), List.of("2023", "12"));
        assertThat(table.partitions().list("year = '2024' AND month IN ('01','02')").map(Partition::location))
                .containsExactlyInAnyOrder("s3://acme-raw/sales/year=2024/month=01/", "s3://acme-raw/sales/year=2024/month=02/");
    }

    @Test
    void plainFolders_becomePartition0AndPartition1() {
        raw.put("logs/2024/01/a.json", "{\"level\":\"info\",\"ms\":3}\n");
        raw.put("logs/2024/02/b.json", "{\"level\":\"warn\",\"ms\":5}\n");

        crawl("s3://acme-raw/logs/");

        var table = glue.database("sales").table("logs");
        assertThat(table.schema().partitionKeyNames()).containsExactly("partition_0", "partition_1");
        assertThat(table.partitions().list().map(Partition::values)).containsExactly(List.of("2024", "01"), List.of("2024", "02"));
    }

    @Test
    void siblingFoldersWithDifferentSchemas_becomeSeparateTables() {
        raw.put("shop/orders/2024-01.csv", "order_id,customer_id,amount,ordered_on\n1,7,9.5,2024-01-02\n2,8,3,2024-01-05\n");
        raw.put("shop/customers/all.csv", "customer_id,name,email,signed_up\n7,Ann,ann@example.com,2023-05-01\n8,Bo,bo@example.com,2023-06-01\n");

        CrawlerRun run = crawler("s3://acme-raw/shop/", b -> b.tablePrefix("raw_")).start().await();

        assertThat(run.tablesCreated()).isEqualTo(2);
        assertThat(glue.database("sales").tables().map(TableInfo::name)).containsExactly("raw_customers", "raw_orders");
        assertThat(glue.database("sales").table("raw_orders").definition().location()).isEqualTo("s3://acme-raw/shop/orders/");
        assertThat(columns(glue.database("sales").table("raw_customers").info()))
                .containsExactly("customer_id bigint", "name string", "email string", "signed_up date");
    }

    @Test
    void twoTargetsWhoseFoldersGiveTheSameName_makeTwoTables_theSecondWithAHashSuffix() {
        raw.put("eu/data/a.csv", "order_id,amount\n1,9.5\n2,3\n");
        raw.put("us/data/a.json", "{\"user\":\"ann\",\"visits\":3}\n");
        Crawler crawler = crawler("s3://acme-raw/eu/data/", b -> b.target("s3://acme-raw/us/data/"));

        CrawlerRun run = crawler.start().await();

        // "If duplicate table names are encountered, the crawler adds a hash string suffix to the name."
        assertThat(run.tablesCreated()).isEqualTo(2);
        List<String> names = glue.database("sales").tables().map(TableInfo::name).toList();
        assertThat(names).hasSize(2).contains("data");
        String other = names.stream().filter(n -> !n.equals("data")).findFirst().orElseThrow();
        assertThat(other).matches("data_[0-9a-f]{32}");
        assertThat(glue.database("sales").table(other).definition().location()).isEqualTo("s3://acme-raw/us/data/");
        CrawlerRun again = crawler.start().await();
        assertThat(again.tablesCreated()).isZero();
        assertThat(again.tablesUpdated()).isZero();
    }

    @Test
    void recrawl_newColumnInNewFiles_updatesTheTable() {
        raw.put("sales/year=2024/month=01/a.csv", "id,amount,region\n1,10,north\n");
        Crawler crawler = crawler("s3://acme-raw/sales/", b -> { });
        crawler.start().await();
        raw.put("sales/year=2024/month=02/b.csv", "id,amount,region,channel\n2,11,south,web\n");

        CrawlerRun rerun = crawler.start().await();

        assertThat(rerun.tablesUpdated()).isEqualTo(1);
        assertThat(rerun.tablesCreated()).isZero();
        var table = glue.database("sales").table("sales");
        assertThat(table.schema().columnNames()).containsExactly("id", "amount", "region", "channel");
        assertThat(table.partitions().list().count()).isEqualTo(2);
    }

    private List<String> partitionColumns(String... values) {
        return aws.glue().getPartition(r -> r.databaseName("sales").tableName("sales").partitionValues(values))
                .partition().storageDescriptor().columns().stream().map(c -> c.name() + " " + c.type()).toList();
    }

    @Test
    void partitions_carryTheirOwnFilesSchema_andAChangedPartitionIsUpdatedOnRecrawl() {
        // Glue's guide: without InheritFromTable partitions have their own schema; "by default, new
        // partitions are added and existing partitions are updated if they have changed".
        raw.put("sales/year=2024/month=01/a.csv", "id,amount\n1,10\n2,11\n");
        raw.put("sales/year=2024/month=02/b.csv", "id,amount,channel\n3,12,web\n4,13,shop\n");
        Crawler crawler = crawler("s3://acme-raw/sales/", b -> { });
        crawler.start().await();
        assertThat(partitionColumns("2024", "01")).containsExactly("id bigint", "amount bigint");
        assertThat(partitionColumns("2024", "02")).containsExactly("id bigint", "amount bigint", "channel string");

        raw.put("sales/year=2024/month=01/a.csv", "id,amount\n1,10.5\n2,11\n");
        crawler.start().await();

        assertThat(partitionColumns("2024", "01")).containsExactly("id bigint", "amount double");
        assertThat(glue.database("sales").table("sales").schema().columnNames()).containsExactly("id", "amount", "channel");
    }

    @Test
    void recrawl_newColumnWithLogPolicy_leavesTheSchemaButAddsPartitions() {
        raw.put("sales/year=2024/month=01/a.csv", "id,amount,region\n1,10,north\n");
        Crawler crawler = crawler("s3://acme-raw/sales/",
                b -> b.schemaChangePolicy(SchemaChangePolicy.of(UpdateBehavior.LOG, DeleteBehavior.LOG)));
        crawler.start().await();
        raw.put("sales/year=2024/month=02/b.csv", "id,amount,region,channel\n2,11,south,web\n");

        CrawlerRun rerun = crawler.start().await();

        assertThat(rerun.tablesUpdated()).isZero();
        var table = glue.database("sales").table("sales");
        assertThat(table.schema().columnNames()).containsExactly("id", "amount", "region");
        assertThat(table.partitions().list().count()).isEqualTo(2);
    }

    @Test
    void crawlNewFoldersOnly_readsOnlyFoldersAddedSinceTheLastCrawl() {
        raw.put("sales/year=2023/a.csv", "id,amount\n1,10\n");
        raw.put("sales/year=2024/b.csv", "id,amount\n2,11\n");
        Crawler crawler = crawler("s3://acme-raw/sales/", b -> b.recrawlPolicy(RecrawlPolicy.CRAWL_NEW_FOLDERS_ONLY)
                .schemaChangePolicy(SchemaChangePolicy.of(UpdateBehavior.LOG, DeleteBehavior.LOG)));
        crawler.start().await();
        raw.put("sales/year=2025/c.csv", "id,amount,extra\n3,12,x\n");
        aws.calls().clear();

        CrawlerRun rerun = crawler.start().await();

        assertThat(aws.calls().internalCalls("glue crawler sales-crawler")).filteredOn(c -> c.operation().equals("GetObject"))
                .hasSize(1);
        assertThat(rerun.tablesCreated()).isZero();
        var table = glue.database("sales").table("sales");
        assertThat(table.partitions().list().map(Partition::values))
                .containsExactly(List.of("2023"), List.of("2024"), List.of("2025"));
        assertThat(table.schema().columnNames()).containsExactly("id", "amount");
    }

    @Test
    void fileRemoved_deleteFromDatabase_deletesTableAndPartition() {
        Crawler crawler = twoTablesThenRemoveCustomers(DeleteBehavior.DELETE_FROM_DATABASE);
        raw.delete("shop/orders/year=2024/b.csv");

        CrawlerRun rerun = crawler.start().await();

        assertThat(rerun.tablesDeleted()).isEqualTo(1);
        assertThat(glue.database("sales").table("customers").exists()).isFalse();
        assertThat(glue.database("sales").table("orders").partitions().list().map(Partition::values))
                .containsExactly(List.of("2023"));
    }

    @Test
    void recrawl_fileThatCouldNotBeReadThisTime_keepsItsTableAndPartition() {
        raw.put("shop/orders/year=2023/a.csv", "order_id,amount\n1,9.5\n");
        raw.put("shop/orders/year=2024/b.csv", "order_id,amount\n2,3.5\n");
        Crawler crawler = crawler("s3://acme-raw/shop/orders/", b -> b.schemaChangePolicy(
                SchemaChangePolicy.of(UpdateBehavior.UPDATE_IN_DATABASE, DeleteBehavior.DELETE_FROM_DATABASE)));
        crawler.start().await();
        aws.faults().on(AwsService.S3, "GetObject").fail(500, 1);

        CrawlerRun rerun = crawler.start().await();

        // The file is still there: a failed read is not a deletion.
        assertThat(rerun.tablesDeleted()).isZero();
        assertThat(glue.database("sales").table("orders").partitions().list().map(Partition::values))
                .containsExactlyInAnyOrder(List.of("2023"), List.of("2024"));
    }

    @Test
    void fileRemoved_deprecateInDatabase_marksTableDeprecated() {
        Crawler crawler = twoTablesThenRemoveCustomers(DeleteBehavior.DEPRECATE_IN_DATABASE);

        CrawlerRun rerun = crawler.start().await();

        assertThat(rerun.tablesDeleted()).isZero();
        assertThat(rerun.tablesUpdated()).isEqualTo(1);
        assertThat(glue.database("sales").table("customers").definition().parameters())
                .containsEntry("DEPRECATED_BY_CRAWLER", "1");
    }

    @Test
    void fileRemoved_log_leavesTheTableAsItWas() {
        Crawler crawler = twoTablesThenRemoveCustomers(DeleteBehavior.LOG);
        TableInfo before = glue.database("sales").table("customers").info();

        CrawlerRun rerun = crawler.start().await();

        assertThat(rerun.tablesDeleted()).isZero();
        assertThat(rerun.tablesUpdated()).isZero();
        assertThat(glue.database("sales").table("customers").info()).isEqualTo(before);
    }

    private Crawler twoTablesThenRemoveCustomers(DeleteBehavior behavior) {
        raw.put("shop/orders/year=2023/a.csv", "order_id,customer_id,amount\n1,7,9.5\n");
        raw.put("shop/orders/year=2024/b.csv", "order_id,customer_id,amount\n2,8,3.5\n");
        raw.put("shop/customers/all.csv", "customer_id,name,email\n7,Ann,ann@example.com\n");
        raw.put("shop/products/all.csv", "sku,title,price\nA1,Mug,4.5\n");
        Crawler crawler = crawler("s3://acme-raw/shop/",
                b -> b.schemaChangePolicy(SchemaChangePolicy.of(UpdateBehavior.UPDATE_IN_DATABASE, behavior)));
        assertThat(crawler.start().await().tablesCreated()).isEqualTo(3);
        raw.delete("shop/customers/all.csv");
        return crawler;
    }

    @Test
    void exclusions_skipMatchingKeys() {
        raw.put("sales/a.csv", "id,amount\n1,10\n");
        raw.put("sales/tmp/b.tmp", "junk|junk\nx|y\n");
        raw.put("sales/_SUCCESS", "");

        crawler("s3://acme-raw/sales/", b -> b.target(S3Target.of("s3://acme-raw/other/").exclude("**"))).start().await();
        glue.crawler("c2").target(S3Target.of("s3://acme-raw/sales/").exclude("**.tmp")).database("sales")
                .role("AWSGlueServiceRole-sales").tablePrefix("x_").create().start().await();

        assertThat(glue.database("sales").table("x_sales").definition().schema().columnNames()).containsExactly("id", "amount");
        assertThat(glue.database("sales").tables().map(TableInfo::name)).doesNotContain("x_tmp");
    }

    @Test
    void scheduledCrawler_runsWhenTheClockPassesItsSchedule() {
        raw.put("sales/a.csv", "id,amount\n1,10\n");
        Crawler crawler = crawler("s3://acme-raw/sales/", b -> b.schedule(Schedule.cron("0 2 * * ? *")));

        aws.clock().advance(Duration.ofHours(1));
        assertThat(glue.database("sales").table("sales").exists()).isFalse();
        aws.clock().advance(Duration.ofHours(2));

        assertThat(glue.database("sales").table("sales").exists()).isTrue();
        List<CrawlRecord> history = crawler.history();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).state()).isEqualTo("COMPLETED");
        assertThat(history.get(0).startTime()).isEqualTo(FakeAws.DEFAULT_START.plus(Duration.ofHours(2)));
        assertThat(history.get(0).tablesCreated()).isEqualTo(1);
    }

    @Test
    void await_reportsStateChangesAndStatus() {
        raw.put("sales/a.csv", "id,amount\n1,10\n");
        List<CrawlerState> seen = new ArrayList<>();

        CrawlerRun run = glue.crawler("sales-crawler").target(raw.prefix("sales/")).database("sales")
                .role("AWSGlueServiceRole-sales").create().start().onProgress(seen::add).await();

        assertThat(seen).containsExactly(CrawlerState.RUNNING, CrawlerState.STOPPING, CrawlerState.READY);
        assertThat(run.status().state()).isEqualTo(CrawlerState.READY);
        assertThat(run.status().lastCrawlStatus()).contains("SUCCEEDED");
        assertThat(run.errors()).isEmpty();
    }

    @Test
    void await_withShortTimeout_namesCrawlerStateAndWait() {
        raw.put("sales/a.csv", "id,amount\n1,10\n");
        CrawlerRun run = crawler("s3://acme-raw/sales/", b -> { }).start();

        assertThatThrownBy(() -> run.await(Duration.ofSeconds(10)))
                .isInstanceOf(DataPlatformException.class)
                .isInstanceOf(io.dataplatform.OperationTimeoutException.class)
                .hasMessage("Crawler 'sales-crawler' did not finish within PT10S: last state RUNNING; it keeps running: "
                        + "call await() again on OperationTimeoutException.handle()");
        assertThatThrownBy(run::tablesCreated)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The crawl of 'sales-crawler' has not finished: call await() first");
    }

    @Test
    void start_whileRunning_failsWithConflict() {
        raw.put("sales/a.csv", "id,amount\n1,10\n");
        Crawler crawler = crawler("s3://acme-raw/sales/", b -> { });
        crawler.start();

        assertThatThrownBy(crawler::start)
                .isInstanceOf(ResourceConflictException.class)
                .hasMessageContaining("Glue StartCrawler on 'sales-crawler' failed: CrawlerRunningException (HTTP 400): "
                        + "Crawler with name sales-crawler has already started");
    }

    @Test
    void create_missingDatabase_failsNamingTheFix() {
        assertThatThrownBy(() -> glue.crawler("c").target("s3://acme-raw/x/").database("nope").role("r").create())
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("Database 'nope' does not exist: create it with glue().database(\"nope\").create() "
                        + "before defining crawler 'c'");
    }

    @Test
    void crawl_databaseDroppedMeanwhile_failsWithGluesError() {
        raw.put("sales/a.csv", "id,amount\n1,10\n");
        Crawler crawler = crawler("s3://acme-raw/sales/", b -> { });
        glue.database("sales").delete();

        assertThatThrownBy(() -> crawler.start().await())
                .isInstanceOf(DataPlatformException.class)
                .hasMessage("Crawler 'sales-crawler' failed: Database sales not found.");
        assertThat(crawler.history().get(0).state()).isEqualTo("FAILED");
    }

    /** A crawler on a bucket deleted after it was defined: Glue checks the bucket only when the crawler is defined. */
    private Crawler crawlerOnADeletedBucket(Consumer<CrawlerBuilder> config) {
        Bucket gone = platform.bucket("no-such-bucket").create();
        Crawler crawler = crawler("s3://no-such-bucket/sales/", config);
        gone.delete();
        return crawler;
    }

    @Test
    void crawl_targetBucketMissing_startSucceedsAndTheCrawlFailsNamingTheTarget() {
        Crawler crawler = crawlerOnADeletedBucket(b -> { });

        CrawlerRun run = crawler.start();

        assertThatThrownBy(run::await)
                .isInstanceOf(DataPlatformException.class)
                .hasMessage("Crawler 'sales-crawler' failed: Unable to list s3://no-such-bucket/sales/: "
                        + "NoSuchBucket: The specified bucket does not exist");
        assertThat(crawler.history().get(0).state()).isEqualTo("FAILED");
    }

    @Test
    void scheduledCrawl_targetBucketMissing_clockAdvancesAndTheCrawlFails() {
        Crawler crawler = crawlerOnADeletedBucket(b -> b.schedule(Schedule.cron("0 2 * * ? *")));

        aws.clock().advance(Duration.ofHours(3));

        assertThat(crawler.history()).extracting(CrawlRecord::state).containsExactly("FAILED");
        assertThat(crawler.status().lastCrawlStatus()).contains("FAILED");
    }

    @Test
    void stop_cancelsTheCrawlWithoutTouchingTheCatalog() {
        raw.put("sales/a.csv", "id,amount\n1,10\n");
        Crawler crawler = crawler("s3://acme-raw/sales/", b -> { });
        CrawlerRun run = crawler.start();

        crawler.stop();
        run.await();

        assertThat(run.succeeded()).isFalse();
        assertThat(run.status().lastCrawlStatus()).contains("CANCELLED");
        assertThat(glue.database("sales").table("sales").exists()).isFalse();
        assertThat(crawler.history().get(0).state()).isEqualTo("STOPPED");
    }

    @Test
    void update_changesTargetsAndDelete_removesTheCrawler() {
        raw.put("a/x.csv", "id,amount\n1,10\n");
        raw.put("b/y.csv", "id,amount\n1,10\n");
        crawler("s3://acme-raw/a/", b -> { });

        Crawler updated = glue.crawler("sales-crawler").target("s3://acme-raw/b/").database("sales")
                .role("AWSGlueServiceRole-sales").update();
        updated.start().await();
        updated.delete();

        assertThat(glue.database("sales").tables().map(TableInfo::name)).containsExactly("b");
        assertThatThrownBy(updated::status).isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("Glue GetCrawler on 'sales-crawler' failed: EntityNotFoundException (HTTP 400): "
                        + "Crawler entry with name sales-crawler does not exist");
    }

    @Test
    void history_listsEveryCrawlNewestFirst() {
        raw.put("sales/a.csv", "id,amount\n1,10\n");
        Crawler crawler = crawler("s3://acme-raw/sales/", b -> { });
        crawler.start().await();
        crawler.start().await();

        List<CrawlRecord> history = crawler.history();

        assertThat(history).hasSize(2);
        assertThat(history).extracting(CrawlRecord::state).containsExactly("COMPLETED", "COMPLETED");
        assertThat(history.get(0).startTime()).isAfter(history.get(1).startTime());
        assertThat(history).extracting(CrawlRecord::tablesCreated).containsExactly(0, 1);
    }

    @Test
    void crawl_readsThroughS3AsTheCrawlersRole() {
        raw.put("sales/a.csv", "id,amount\n1,10\n");
        aws.calls().clear();

        crawl("s3://acme-raw/sales/");

        var reads = aws.calls().internalCalls("glue crawler sales-crawler").stream()
                .filter(c -> c.operation().equals("GetObject")).toList();
        assertThat(reads).hasSize(1);
        assertThat(reads.get(0).principal()).isEqualTo("arn:aws:iam::123456789012:role/AWSGlueServiceRole-sales");
        assertThat(aws.glue().getTable(GetTableRequest.builder().databaseName("sales").name("sales").build())
                .table().createdBy()).isEqualTo("arn:aws:iam::123456789012:role/AWSGlueServiceRole-sales");
    }
}
