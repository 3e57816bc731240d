package io.dataplatform.athena.internal;

import static io.dataplatform.athena.internal.TestWorld.MB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.DataPlatform;
import io.dataplatform.DataPlatformException;
import io.dataplatform.ResourceNotFoundException;
import io.dataplatform.cost.CostEstimate;
import io.dataplatform.cost.CostGuard;
import io.dataplatform.cost.DataSize;
import io.dataplatform.cost.Money;
import io.dataplatform.cost.TableScan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostEstimatorTest {
    private final TestWorld world = new TestWorld();
    private final DataPlatform platform = world.platform(CostGuard.defaults());

    @Test
    void estimate_ofAPartitionFilteredQuery_countsOnlySelectedPartitions() {
        CostEstimate estimate = platform.athena().query("SELECT region, sum(amount) FROM sales WHERE year = ? GROUP BY region")
                .parameters("2024").database("sales").estimate();

        assertThat(estimate.bytesScanned()).isEqualTo(DataSize.ofBytes(55 * MB));
        assertThat(estimate.billedBytes()).isEqualTo(DataSize.ofBytes(55 * MB));
        assertThat(estimate.cost()).isEqualTo(Money.usd("0.000275"));
        TableScan scan = estimate.tables().get(0);
        assertThat(scan).isEqualTo(new TableScan("sales", "sales", "s3://lake/sales", DataSize.ofBytes(55 * MB),
                List.of("year", "month"), 2, 3, true));
        assertThat(world.athena.calls).isEmpty();
    }

    @Test
    void estimate_withRangeAndInPredicates_prunesBoth() {
        assertThat(platform.athena().query("SELECT * FROM sales.sales WHERE year >= '2024' AND month IN ('02', '03')")
                .estimate().bytesScanned()).isEqualTo(DataSize.ofBytes(5 * MB));
        assertThat(platform.athena().query("SELECT * FROM sales.sales s WHERE s.year BETWEEN '2023' AND '2023'")
                .estimate().bytesScanned()).isEqualTo(DataSize.ofBytes(40 * MB));
        // year is a string key: Athena cannot compare it with an integer and fails the query; nothing is pruned.
        assertThat(platform.athena().query("SELECT * FROM sales.sales s WHERE s.year BETWEEN 2023 AND 2023")
                .allowFullScan().estimate().bytesScanned()).isEqualTo(DataSize.ofBytes(95 * MB));
    }

    @Test
    void estimate_ofASmallQuery_billsTheTenMegabyteMinimum() {
        CostEstimate estimate = platform.athena().query("SELECT * FROM regions LIMIT 5").database("sales").estimate();

        assertThat(estimate.bytesScanned()).isEqualTo(DataSize.ofBytes(2 * MB));
        assertThat(estimate.billedBytes()).isEqualTo(DataSize.ofMegabytes(10));
        assertThat(estimate.cost()).isEqualTo(Money.usd("0.00005"));
        assertThat(estimate.tables().get(0).fullScanOfPartitionedTable()).isFalse();
    }

    @Test
    void estimate_countsEachReference_andIgnoresAmbiguousUnqualifiedPredicates() {
        CostEstimate selfJoin = platform.athena().query("SELECT * FROM sales a JOIN sales b ON a.region = b.region "
                + "WHERE a.year = '2023' AND month = '12'").database("sales").estimate();

        assertThat(selfJoin.tables()).extracting(TableScan::bytes)
                .containsExactly(DataSize.ofBytes(40 * MB), DataSize.ofBytes(95 * MB));
        assertThat(selfJoin.bytesScanned()).isEqualTo(DataSize.ofBytes(135 * MB));
    }

    @Test
    void estimate_ofAJoin_appliesAnUnqualifiedPartitionPredicateToTheTableThatHasTheKey() {
        CostEstimate estimate = platform.athena().query("SELECT * FROM sales JOIN regions USING (region) "
                + "WHERE month = '12' LIMIT 10").database("sales").estimate();

        assertThat(estimate.bytesScanned()).isEqualTo(DataSize.ofBytes(42 * MB));
        assertThat(estimate.unboundedSelectStar()).isFalse();
    }

    @Test
    void estimate_ofAWithQueryReferencedTwice_countsItsScanTwice() {
        assertThat(platform.athena().query("WITH recent AS (SELECT * FROM sales WHERE year = '2024') "
                + "SELECT * FROM recent a JOIN recent b ON a.region = b.region").database("sales").estimate().bytesScanned())
                .isEqualTo(DataSize.ofBytes(110 * MB));
    }

    @Test
    void estimate_ofAnUpdate_countsTheWholeTableItRewrites() {
        // Iceberg DML rewrites data files: the whole table bounds what it reads, whatever the WHERE.
        assertThat(platform.athena().query("UPDATE sales SET amount = 0 WHERE year = '2024'").database("sales")
                .allowFullScan().estimate().bytesScanned()).isEqualTo(DataSize.ofBytes(95 * MB));
    }

    @Test
    void estimate_ofAMissingTable_failsNamingIt() {
        assertThatThrownBy(() -> platform.athena().query("SELECT * FROM nope").database("sales").estimate())
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("Glue GetTable on 'sales.nope' failed: EntityNotFoundException (HTTP 400): Table nope not found.");
    }

    @Test
    void estimate_ofATableInAnotherDataCatalog_isImpossible() {
        // Only AwsDataCatalog is this account's Glue catalog; a same-named table there says nothing about another catalog.
        assertThatThrownBy(() -> platform.athena().query("SELECT * FROM regions").catalog("partner").database("sales")
                .estimate())
                .isInstanceOf(DataPlatformException.class)
                .hasMessage("Cannot estimate a query over partner.sales.regions: only tables of the AwsDataCatalog "
                        + "are sized from Glue");
        assertThatThrownBy(() -> platform.athena().query("SELECT * FROM partner.sales.regions").estimate())
                .hasMessage("Cannot estimate a query over partner.sales.regions: only tables of the AwsDataCatalog "
                        + "are sized from Glue");
        assertThat(platform.athena().query("SELECT * FROM AwsDataCatalog.sales.regions").catalog("AwsDataCatalog")
                .estimate().bytesScanned()).isEqualTo(DataSize.ofBytes(2 * MB));
    }

    @Test
    void estimate_ofAView_isImpossible() {
        world.glue.view("sales", "v");
        assertThatThrownBy(() -> platform.athena().query("SELECT * FROM v").database("sales").estimate())
                .hasMessage("Cannot estimate a query over sales.v: it is a view, and the bytes it reads depend on its definition");
    }

    @Test
    void estimate_ofATableOutsideS3_isImpossible() {
        world.glue.table("sales", "local", "file:///tmp/local", List.of("a"), List.of());
        assertThatThrownBy(() -> platform.athena().query("SELECT a FROM local").database("sales").estimate())
                .hasMessage("Cannot estimate a query over sales.local: its location 'file:///tmp/local' is not an S3 location");
    }

    @Test
    void estimate_endsThePartitionListingAtAnEmptyNextToken() {
        world.glue.lastPageToken = "";

        assertThat(platform.athena().query("SELECT * FROM sales WHERE year = '2024'").database("sales").estimate()
                .bytesScanned()).isEqualTo(DataSize.ofBytes(55 * MB));
        assertThat(world.glue.calls).containsExactly("GetTable sales.sales", "GetPartitions sales.sales",
                "GetPartitions sales.sales", "GetPartitions sales.sales");
    }

    @Test
    void estimate_ofAPartitionProjectedTable_countsEveryObjectUnderItsLocation() {
        // With partition projection Athena ignores the catalog's partitions and reads what the properties project.
        world.glue.table("sales", "events", "s3://lake/events/", List.of("id"), List.of("dt"))
                .parameters("sales", "events", Map.of("projection.enabled", "true", "projection.dt.type", "date"));
        world.s3.put("s3://lake/events/dt=2024-01-01/a.json", 7 * MB).put("s3://lake/events/dt=2024-01-02/b.json", 5 * MB);

        assertThat(platform.athena().query("SELECT * FROM events").database("sales").estimate().bytesScanned())
                .isEqualTo(DataSize.ofBytes(12 * MB));
    }

    @Test
    void estimate_ofAProjectedTableWithALocationTemplate_countsEveryObjectUnderTheTemplatesFolder() {
        world.glue.table("sales", "events", "s3://lake/events/", List.of("id"), List.of("dt"))
                .parameters("sales", "events", Map.of("projection.enabled", "TRUE",
                        "storage.location.template", "s3://lake/raw/events/day=${dt}/"));
        world.s3.put("s3://lake/raw/events/day=2024-01-01/a.json", 7 * MB);

        assertThat(platform.athena().query("SELECT * FROM events").database("sales").estimate().bytesScanned())
                .isEqualTo(DataSize.ofBytes(7 * MB));
    }

    @Test
    void estimate_ofAProjectedTableWhoseTemplateDoesNotFixTheBucket_isImpossible() {
        world.glue.table("sales", "events", "s3://lake/events/", List.of("id"), List.of("b"))
                .parameters("sales", "events", Map.of("projection.enabled", "true",
                        "storage.location.template", "s3://${b}/events/"));

        assertThatThrownBy(() -> platform.athena().query("SELECT * FROM events").database("sales").estimate())
                .isInstanceOf(DataPlatformException.class)
                .hasMessage("Cannot estimate a query over sales.events: its partition projection's "
                        + "storage.location.template 's3://${b}/events/' does not fix the bucket its partitions are in");
    }

    @Test
    void estimate_skipsWhatAthenaDoesNotRead_hiddenFilesHiddenFoldersAndFolderMarkers() {
        world.glue.table("sales", "logs", "s3://lake/logs", List.of("line"), List.of());
        world.s3.put("s3://lake/logs/part-0.csv", 3 * MB)
                .put("s3://lake/logs/nested/part-1.csv", 2 * MB)
                .put("s3://lake/logs/_SUCCESS", 1)
                .put("s3://lake/logs/.part-0.csv.crc", 7)
                .put("s3://lake/logs/_temporary/0/part-9.csv", 50 * MB)
                .put("s3://lake/logs/nested/", 0)
                .put("s3://lake/logsbackup/part-0.csv", 9 * MB);

        assertThat(platform.athena().query("SELECT * FROM logs").database("sales").estimate().bytesScanned())
                .isEqualTo(DataSize.ofBytes(5 * MB));
    }

    @Test
    void estimate_listsEachLocationOnce() {
        platform.athena().query("SELECT * FROM sales a JOIN sales b ON a.region = b.region").database("sales").estimate();

        assertThat(world.s3.calls).containsExactly("ListObjectsV2 lake/sales/year=2023/month=12/",
                "ListObjectsV2 lake/sales/year=2024/month=01/", "ListObjectsV2 lake/sales/year=2024/month=02/");
        assertThat(world.glue.calls).containsExactly("GetTable sales.sales", "GetPartitions sales.sales",
                "GetPartitions sales.sales", "GetPartitions sales.sales");
    }
}
