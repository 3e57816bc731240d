package io.dataplatform.testing.athena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.DataPlatform;
import io.dataplatform.athena.QueryExecution;
import io.dataplatform.athena.QueryFailedException;
import io.dataplatform.athena.QueryResult;
import io.dataplatform.athena.QueryState;
import io.dataplatform.athena.Row;
import io.dataplatform.cost.CostEstimate;
import io.dataplatform.cost.CostGuard;
import io.dataplatform.cost.DataSize;
import io.dataplatform.glue.DataFormat;
import io.dataplatform.testing.AwsService;
import io.dataplatform.testing.FakeAws;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real SQL over the fake catalog and buckets, through the SDK: answers, bytes scanned, paging, failures. */
class FakeAthenaTest {
    /** An aggregate row. */
    record RegionTotal(String region, BigDecimal total, long orders) {
    }

    private final FakeAws aws = FakeAws.create();
    private final SalesLake lake = new SalesLake(aws);
    private final DataPlatform platform = aws.dataPlatformBuilder().costGuard(CostGuard.defaults()).build();

    @Test
    void aggregate_withPartitionParameter_returnsTheRealAnswer_andScansOnlyThatYearsFiles() {
        QueryResult result = platform.athena()
                .query("SELECT region, sum(amount) AS total, count(*) AS orders FROM sales WHERE year = ? "
                        + "GROUP BY region ORDER BY region")
                .parameters("2024").database("sales").run();

        assertThat(result.as(RegionTotal.class)).containsExactly(
                new RegionTotal("apac", new BigDecimal("9.0"), 2), new RegionTotal("eu", new BigDecimal("9.25"), 2),
                new RegionTotal("us", new BigDecimal("5.75"), 2));
        long year2024 = SalesLake.JAN_2024.length() + SalesLake.FEB_2024.length();
        assertThat(result.statistics().bytesScanned()).isEqualTo(DataSize.ofBytes(year2024));
        assertThat(result.columns()).extracting(c -> c.name() + ":" + c.type())
                .containsExactly("region:varchar", "total:double", "orders:bigint");
    }

    @Test
    void partitionedTable_whoseFoldersAreNotInTheCatalog_returnsNothingUntilItsPartitionsAreAdded() {
        // Athena reads the catalog's partitions only: folders are not discovered (MSCK REPAIR TABLE,
        // ALTER TABLE ADD PARTITION or a crawler registers them).
        lake.put("clicks/year=2024/part-0.csv", "id\n1\n2\n");
        lake.table("clicks", "s3://lake/clicks/", DataFormat.csv(',', true),
                SalesLake.columns("id", "bigint"), SalesLake.columns("year", "string"));
        String sql = "SELECT count(*) AS n FROM clicks WHERE year = '2024'";

        QueryResult before = platform.athena().query(sql).database("sales").allowFullScan().run();
        lake.partition("clicks", "s3://lake/clicks/year=2024/", "2024");
        QueryResult after = platform.athena().query(sql).database("sales").allowFullScan().run();

        assertThat(before.rows().map(r -> r.bigint("n")).toList()).containsExactly(0L);
        assertThat(before.statistics().bytesScanned()).isEqualTo(DataSize.ZERO);
        assertThat(after.rows().map(r -> r.bigint("n")).toList()).containsExactly(2L);
        assertThat(after.statistics().bytesScanned()).isEqualTo(DataSize.ofBytes("id\n1\n2\n".length()));
    }

    @Test
    void sameStatementAgain_afterTheClockMoved_readsTheNewTime_andAfterAPut_theNewData() {
        // The engine keeps what it can between statements (views, prepared statements); the query's start and
        // the objects it reads are not among them.
        String sql = "SELECT current_date AS today, count(*) AS n FROM regions";
        java.time.LocalDate today = java.time.LocalDate.ofInstant(aws.clock().instant(), java.time.ZoneOffset.UTC);
        QueryResult first = platform.athena().query(sql).database("sales").run();
        aws.clock().advance(java.time.Duration.ofDays(2));
        QueryResult second = platform.athena().query(sql).database("sales").run();
        lake.put("regions/more.csv", "region,name\nza,South Africa\n");
        QueryResult third = platform.athena().query(sql).database("sales").run();

        assertThat(first.rows().map(r -> r.string("today") + "/" + r.bigint("n")).toList()).containsExactly(today + "/3");
        assertThat(second.rows().map(r -> r.string("today") + "/" + r.bigint("n")).toList())
                .containsExactly(today.plusDays(2) + "/3");
        assertThat(third.rows().map(r -> r.string("today") + "/" + r.bigint("n")).toList())
                .containsExactly(today.plusDays(2) + "/4");
    }

    @Test
    void sameQualifiedTableInTwoBranches_isReadByBoth() {
        QueryResult result = platform.athena().query("SELECT count(*) AS n FROM (TABLE sales.regions UNION ALL "
                + "SELECT * FROM \"sales\".\"regions\")").database("sales").run();

        assertThat(result.rows().map(r -> r.bigint("n")).toList()).containsExactly(6L);
        assertThat(result.statistics().bytesScanned()).isEqualTo(DataSize.ofBytes(2L * SalesLake.REGIONS.length()));
    }

    @Test
    void withQueryNamedLikeACatalogTable_readsTheCatalogTableInsideItsOwnBody() {
        // In Athena (Trino) a non-recursive WITH query cannot see itself: the inner regions is the table.
        String sql = "WITH regions AS (SELECT * FROM regions WHERE region <> 'eu') SELECT count(*) AS n FROM regions";
        CostEstimate estimate = platform.athena().query(sql).database("sales").estimate();
        QueryResult result = platform.athena().query(sql).database("sales").run();

        assertThat(result.rows().map(r -> r.bigint("n")).toList()).containsExactly(2L);
        assertThat(result.statistics().bytesScanned()).isEqualTo(DataSize.ofBytes(SalesLake.REGIONS.length()));
        assertThat(estimate.bytesScanned()).isEqualTo(DataSize.ofBytes(SalesLake.REGIONS.length()));
    }

    @Test
    void partitionFilter_dropsBytesScanned_andTheEstimateIsNeverBelowTheActual() {
        String sql = "SELECT count(*) AS n FROM sales WHERE year = '2024' AND month = '02'";
        CostEstimate estimate = platform.athena().query(sql).database("sales").estimate();
        QueryResult filtered = platform.athena().query(sql).database("sales").run();
        QueryResult full = platform.athena().query("SELECT count(*) AS n FROM sales").database("sales").allowFullScan().run();

        assertThat(filtered.rows().map(r -> r.bigint("n")).toList()).containsExactly(2L);
        assertThat(filtered.statistics().bytesScanned()).isEqualTo(DataSize.ofBytes(SalesLake.FEB_2024.length()));
        assertThat(full.statistics().bytesScanned()).isEqualTo(DataSize.ofBytes(
                SalesLake.DEC_2023.length() + SalesLake.JAN_2024.length() + SalesLake.FEB_2024.length()));
        assertThat(estimate.bytesScanned()).isGreaterThanOrEqualTo(filtered.statistics().bytesScanned());
        assertThat(filtered.cost()).isEqualTo(io.dataplatform.cost.Money.usd("0.00005"));
    }

    @Test
    void join_acrossTwoTables() {
        List<String> names = platform.athena().query("SELECT r.name, count(*) AS orders FROM sales.sales s "
                        + "JOIN \"sales\".\"regions\" r ON s.region = r.region WHERE s.year = '2023' GROUP BY r.name ORDER BY r.name")
                .run().rows().map(row -> row.string("name") + "=" + row.bigint("orders")).toList();

        assertThat(names).containsExactly("Europe=2", "United States=1");
    }

    @Test
    void parquet_readsOnlyTheColumnsAQuerySelects() {
        lake.wideParquet();

        QueryResult narrow = platform.athena().query("SELECT sum(amount) AS total FROM wide").database("sales").run();
        QueryResult wide = platform.athena().query("SELECT max(digest) AS top, sum(amount) AS total FROM wide")
                .database("sales").run();
        CostEstimate estimate = platform.athena().query("SELECT max(digest) AS top, sum(amount) AS total FROM wide")
                .database("sales").estimate();

        assertThat(narrow.rows().findFirst().orElseThrow().doubleValue("total")).isEqualTo(4_498_500.0);
        assertThat(narrow.statistics().bytesScanned().bytes() * 5).isLessThan(wide.statistics().bytesScanned().bytes());
        assertThat(estimate.bytesScanned()).isGreaterThanOrEqualTo(wide.statistics().bytesScanned());
    }

    @Test
    void json_scansWholeFiles() {
        String events = "{\"kind\":\"click\",\"value\":3}\n{\"kind\":\"view\",\"value\":5}\n{\"kind\":\"click\",\"value\":4}\n";
        lake.jsonEvents(events);

        QueryResult result = platform.athena().query("SELECT kind, sum(value) AS total FROM events GROUP BY kind ORDER BY kind")
                .database("sales").run();

        assertThat(result.rows().map(r -> r.string("kind") + "=" + r.bigint("total")).toList())
                .containsExactly("click=7", "view=5");
        assertThat(result.statistics().bytesScanned()).isEqualTo(DataSize.ofBytes(events.length()));
    }

    @Test
    void ddl_isRefusedByName_notRunAgainstAnythingShared() {
        assertThatThrownBy(() -> platform.athena().query("/* setup */ CREATE TABLE t (a int)").database("sales").run())
                .isInstanceOfSatisfying(QueryFailedException.class, e -> assertThat(e.reason())
                        .startsWith("NOT_SUPPORTED: ")
                        .contains("The statement CreateTable is not supported by the fake Athena's query engine"));
    }

    @Test
    void rows_pageAcrossMoreThanAThousandResults() {
        lake.numbers(2_500);

        QueryResult result = platform.athena().query("SELECT n, label FROM numbers ORDER BY n").database("sales").run();
        List<Row> rows = result.rows().toList();

        assertThat(rows).hasSize(2_500);
        assertThat(rows.get(0).integer("n")).isZero();
        assertThat(rows.get(2_499).string("label")).isEqualTo("n2499");
        assertThat(aws.calls().count(AwsService.ATHENA, "GetQueryResults")).isEqualTo(3);
    }

    @Test
    void preview_returnsAtMostTwentyRows() {
        lake.numbers(2_500);

        assertThat(platform.athena().preview("sales", "numbers").rows().count()).isEqualTo(20);
    }

    @Test
    void sqlError_surfacesAthenasReason() {
        assertThatThrownBy(() -> platform.athena().query("SELECT nope FROM sales WHERE year = '2024'").database("sales").run())
                .isInstanceOfSatisfying(QueryFailedException.class, e -> {
                    assertThat(e.state()).isEqualTo(QueryState.FAILED);
                    assertThat(e.reason()).startsWith("COLUMN_NOT_FOUND: ").contains("nope");
                });
    }

    @Test
    void executionParameters_areLiterals_soAnInjectionAttemptMatchesNothing() {
        String sql = "SELECT count(*) AS n FROM sales WHERE year = '2023' AND region = ?";

        long injected = platform.athena().query(sql).parameters("eu' OR '1'='1").database("sales").run()
                .rows().findFirst().orElseThrow().bigint("n");
        long honest = platform.athena().query(sql).parameters("eu").database("sales").run()
                .rows().findFirst().orElseThrow().bigint("n");

        assertThat(injected).isZero();
        assertThat(honest).isEqualTo(2);
    }

    @Test
    void cancel_stopsAQueuedQuery() {
        QueryExecution execution = platform.athena().query("SELECT count(*) FROM regions").database("sales").submit();

        execution.cancel();

        assertThat(execution.status().state()).isEqualTo(QueryState.CANCELLED);
        assertThatThrownBy(execution::await).isInstanceOf(QueryFailedException.class)
                .hasMessage("Athena query " + execution.id() + " was cancelled: Query was cancelled by user");
    }

    @Test
    void workgroupCutoff_cancelsAQueryThatScansMore() {
        lake.big(11_000_000);
        platform.athena().workgroup("capped").bytesScannedCutoffPerQuery(DataSize.ofMegabytes(10))
                .outputLocation(io.dataplatform.s3.S3Location.parse("s3://lake/results/")).create();

        assertThatThrownBy(() -> platform.athena().query("SELECT count(*) FROM big").database("sales").workgroup("capped").run())
                .isInstanceOfSatisfying(QueryFailedException.class, e -> assertThat(e.state()).isEqualTo(QueryState.CANCELLED))
                .hasMessageEndingWith("was cancelled: Query cancelled: the workgroup's per-query data usage control "
                        + "(BytesScannedCutoffPerQuery 10000000) was exceeded");
    }

    @Test
    void resultReuse_returnsTheEarlierAnswer_withZeroBytesScanned() {
        String sql = "SELECT count(*) AS n FROM regions";
        QueryResult first = platform.athena().query(sql).database("sales").reuseResultsFor(java.time.Duration.ofMinutes(5)).run();
        QueryResult second = platform.athena().query(sql).database("sales").reuseResultsFor(java.time.Duration.ofMinutes(5)).run();

        assertThat(first.statistics().reusedResult()).isFalse();
        assertThat(second.statistics().reusedResult()).isTrue();
        assertThat(second.statistics().bytesScanned()).isEqualTo(DataSize.ZERO);
        assertThat(second.rows().findFirst().orElseThrow().bigint("n")).isEqualTo(3L);
        assertThat(second.cost()).isEqualTo(io.dataplatform.cost.Money.ZERO);
    }

    @Test
    void resultReuse_reportsTheEarlierResultFile_whichExists() {
        String sql = "SELECT count(*) AS n FROM regions";
        QueryResult first = platform.athena().query(sql).database("sales").reuseResultsFor(java.time.Duration.ofMinutes(5)).run();
        QueryResult second = platform.athena().query(sql).database("sales").reuseResultsFor(java.time.Duration.ofMinutes(5)).run();

        String firstFile = outputLocation(first.queryExecutionId());
        String secondFile = outputLocation(second.queryExecutionId());

        // Athena: a reused query "does not rerun the query, but points to the previous result location".
        assertThat(secondFile).isEqualTo(firstFile);
        String path = secondFile.substring("s3://".length());
        assertThat(aws.s3().getObjectAsBytes(r -> r.bucket(path.substring(0, path.indexOf('/')))
                .key(path.substring(path.indexOf('/') + 1))).asUtf8String()).isEqualTo("\"n\"\n\"3\"\n");
    }

    private String outputLocation(String queryExecutionId) {
        return aws.athena().getQueryExecution(r -> r.queryExecutionId(queryExecutionId))
                .queryExecution().resultConfiguration().outputLocation();
    }

    @Test
    void resultReuse_onlyWithinTheSameWorkgroup() {
        String sql = "SELECT count(*) AS n FROM regions";
        platform.athena().workgroup("analysts").outputLocation(io.dataplatform.s3.S3Location.parse("s3://lake/results/"))
                .create();
        platform.athena().query(sql).database("sales").reuseResultsFor(java.time.Duration.ofMinutes(5)).run();

        QueryResult other = platform.athena().query(sql).database("sales").workgroup("analysts")
                .reuseResultsFor(java.time.Duration.ofMinutes(5)).run();

        // Athena: "Athena looks for a previous execution of the query within the same workgroup."
        assertThat(other.statistics().reusedResult()).isFalse();
        assertThat(other.statistics().bytesScanned()).isGreaterThan(DataSize.ZERO);
    }

    @Test
    void throttledStart_isRetried_andStartsOneQuery() {
        aws.faults().on(AwsService.ATHENA, "StartQueryExecution").throttle(2);

        platform.athena().query("SELECT count(*) FROM regions").database("sales").run();

        assertThat(aws.calls().count(AwsService.ATHENA, "StartQueryExecution")).isEqualTo(3);
        assertThat(platform.costLedger().entries()).hasSize(1);
    }

    @Test
    void callRecord_holdsTheCallersCalls_notAthenasOwnReads() {
        aws.calls().clear();

        platform.athena().query("SELECT count(*) FROM regions").database("sales").run();

        // The estimate's catalog and listing calls are the SDK's; the reads of the query are Athena's own.
        assertThat(aws.calls().operations(AwsService.GLUE)).containsExactly("GetTable");
        assertThat(aws.calls().operations(AwsService.S3)).containsExactly("ListObjectsV2");
        // Polls at 0 ms (QUEUED), 200, 500 and 950 ms (RUNNING), 1,625 ms (SUCCEEDED after 1.1 s).
        assertThat(aws.calls().operations(AwsService.ATHENA)).containsExactly("StartQueryExecution",
                "GetQueryExecution", "GetQueryExecution", "GetQueryExecution", "GetQueryExecution", "GetQueryExecution");
    }

    @Test
    void twoPlatformsOfOneWorld_startTheirOwnQueries() {
        DataPlatform other = aws.dataPlatform();

        long mine = platform.athena().query("SELECT count(*) AS n FROM regions").database("sales").run()
                .rows().findFirst().orElseThrow().bigint("n");
        long theirs = other.athena().query("SELECT count(*) AS n FROM sales WHERE year = '2023'").database("sales").run()
                .rows().findFirst().orElseThrow().bigint("n");

        assertThat(mine).isEqualTo(3);
        assertThat(theirs).isEqualTo(3);
        assertThat(aws.calls().count(AwsService.ATHENA, "StartQueryExecution")).isEqualTo(2);
    }

    @Test
    void results_areWrittenToTheOutputLocation() {
        aws.s3().createBucket(b -> b.bucket("results"));
        String id = platform.athena().query("SELECT region FROM regions ORDER BY region").database("sales")
                .outputLocation(io.dataplatform.s3.S3Location.parse("s3://results/athena/")).run().queryExecutionId();

        String csv = aws.s3().getObjectAsBytes(b -> b.bucket("results").key("athena/" + id + ".csv")).asUtf8String();
        assertThat(csv).isEqualTo("\"region\"\n\"apac\"\n\"eu\"\n\"us\"\n");
    }
}
