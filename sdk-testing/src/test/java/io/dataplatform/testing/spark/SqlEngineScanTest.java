package io.dataplatform.testing.spark;

import static io.dataplatform.testing.spark.CatalogTables.columns;
import static org.assertj.core.api.Assertions.assertThat;

import io.dataplatform.spark.LocalSparkRunner;
import io.dataplatform.spark.SqlResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Bytes scanned follow what Spark read: Parquet column chunks of the columns used, only the partitions kept. */
class SqlEngineScanTest extends SqlEngineTestBase {
    private static final String JAN01 = "id,amount\n1,10\n2,20\n";
    private static final String JAN02 = "id,amount\n3,30\n4,40\n5,50\n";
    private static final String JAN03 = "id,amount\n6,60\n7,70\n8,80\n9,90\n";

    private long size(String prefix, String suffix) {
        return s3.listObjectsV2Paginator(b -> b.bucket("acme-raw").prefix(prefix)).contents().stream()
                .filter(o -> o.key().endsWith(suffix)).mapToLong(S3Object::size).sum();
    }

    @Test
    void parquet_selectingOneOfTenColumns_scansFarFewerBytes() {
        LocalSparkRunner.builder().s3Client(s3).build().run((spark, context) -> spark.range(0, 5000)
                .selectExpr("id AS c0", "uuid() AS c1", "uuid() AS c2", "uuid() AS c3", "uuid() AS c4", "uuid() AS c5",
                        "uuid() AS c6", "uuid() AS c7", "uuid() AS c8", "uuid() AS c9")
                .coalesce(1).write().parquet("s3://acme-raw/wide/")).orThrow();
        catalog.table("sales", "wide", "s3://acme-raw/wide/", CatalogTables.PARQUET, Map.of(), Map.of(),
                columns("c0", "bigint", "c1", "string", "c2", "string", "c3", "string", "c4", "string", "c5", "string",
                        "c6", "string", "c7", "string", "c8", "string", "c9", "string"), List.of());
        long fileSize = size("wide/", ".parquet");

        SqlResult one = engine.execute("SELECT sum(c0) AS total FROM wide", "sales");
        SqlResult all = engine.execute("SELECT count(DISTINCT concat(c1, c2, c3, c4, c5, c6, c7, c8, c9)) AS n,"
                + " sum(c0) AS total FROM wide", "sales");

        assertThat(one.rows()).containsExactly(List.of("12497500"));
        assertThat(all.rows()).containsExactly(List.of("5000", "12497500"));
        assertThat(all.bytesScanned()).isBetween(fileSize * 9 / 10, fileSize);
        assertThat(one.bytesScanned()).isPositive().isLessThan(fileSize / 10);
    }

    @Test
    void catalogPartitions_filterOnKey_scansOnlyKeptPartitions_eachAtItsOwnLocation() {
        put("events/dt=2024-01-01/part.csv", JAN01);
        put("events/dt=2024-01-02/part.csv", JAN02);
        put("legacy/january-third/part.csv", JAN03);
        catalog.table("sales", "events", "s3://acme-raw/events/", CatalogTables.LAZY_SIMPLE,
                Map.of("field.delim", ","), Map.of("skip.header.line.count", "1"), columns("id", "int", "amount", "int"),
                columns("dt", "string"))
                .partition("sales", "events", "s3://acme-raw/events/dt=2024-01-01/", "2024-01-01")
                .partition("sales", "events", "s3://acme-raw/events/dt=2024-01-02/", "2024-01-02")
                .partition("sales", "events", "s3://acme-raw/legacy/january-third/", "2024-01-03");

        SqlResult all = engine.execute("SELECT dt, sum(amount) AS total FROM events GROUP BY dt ORDER BY dt", "sales");
        SqlResult one = engine.execute("SELECT count(*) AS n FROM events WHERE dt = '2024-01-02'", "sales");
        SqlResult two = engine.execute("SELECT * FROM events WHERE dt IN ('2024-01-01', '2024-01-03') AND id > 6"
                + " ORDER BY id", "sales");

        assertThat(all.rows()).containsExactly(List.of("2024-01-01", "30"), List.of("2024-01-02", "120"),
                List.of("2024-01-03", "300"));
        assertThat(all.columnNames()).containsExactly("dt", "total");
        assertThat(all.bytesScanned()).isEqualTo(JAN01.length() + JAN02.length() + JAN03.length());
        assertThat(one.rows()).containsExactly(List.of("3"));
        assertThat(one.bytesScanned()).isEqualTo(JAN02.length());
        assertThat(two.rows()).containsExactly(List.of("7", "70", "2024-01-03"), List.of("8", "80", "2024-01-03"),
                List.of("9", "90", "2024-01-03"));
        assertThat(two.bytesScanned()).isEqualTo(JAN01.length() + JAN03.length());
    }

    @Test
    void typedPartitionKeys_rangeFilter_prunesAndKeysKeepTheirTypes() {
        put("daily/year=2023/month=12/part.csv", JAN01);
        put("daily/year=2024/month=1/part.csv", JAN02);
        put("daily/year=2024/month=2/part.csv", JAN03);
        catalog.table("sales", "daily", "s3://acme-raw/daily/", CatalogTables.LAZY_SIMPLE,
                Map.of("field.delim", ","), Map.of("skip.header.line.count", "1"), columns("id", "int", "amount", "int"),
                columns("year", "int", "month", "int"))
                .partition("sales", "daily", "s3://acme-raw/daily/year=2023/month=12/", "2023", "12")
                .partition("sales", "daily", "s3://acme-raw/daily/year=2024/month=1/", "2024", "1")
                .partition("sales", "daily", "s3://acme-raw/daily/year=2024/month=2/", "2024", "2");

        SqlResult result = engine.execute("SELECT year + 1 AS next, month, sum(amount) AS total FROM daily"
                + " WHERE year >= 2024 AND month < 2 GROUP BY year, month", "sales");

        assertThat(result.rows()).containsExactly(List.of("2025", "1", "120"));
        assertThat(result.columns().get(0).type()).isEqualTo("integer");
        assertThat(result.bytesScanned()).isEqualTo(JAN02.length());
    }

    @Test
    void jsonInHiveStyleFolders_keysTypedFromTheCatalog_andPruned() {
        String jan = "{\"Id\":1}\n{\"Id\":2}\n";
        String feb = "{\"Id\":3}\n";
        put("clicks/day=2024-01-31/a.json", jan);
        put("clicks/day=2024-02-01/a.json", feb);
        catalog.table("sales", "clicks", "s3://acme-raw/clicks/", CatalogTables.JSON, Map.of(), Map.of(),
                columns("id", "bigint"), columns("day", "date"))
                .partition("sales", "clicks", "s3://acme-raw/clicks/day=2024-01-31/", "2024-01-31")
                .partition("sales", "clicks", "s3://acme-raw/clicks/day=2024-02-01/", "2024-02-01");

        SqlResult result = engine.execute("SELECT id, day FROM clicks WHERE day = date '2024-02-01'", "sales");

        assertThat(result.columns().stream().map(c -> c.name() + " " + c.type())).containsExactly("id bigint", "day date");
        assertThat(result.rows()).containsExactly(List.of("3", "2024-02-01"));
        assertThat(result.bytesScanned()).isEqualTo(feb.length());
    }

    @Test
    void partitionedTable_withoutCatalogPartitions_returnsNoRows_andScansNothing() {
        put("events/dt=2024-01-01/part.csv", JAN01);
        put("events/dt=2024-01-02/part.csv", JAN02);
        catalog.table("sales", "events", "s3://acme-raw/events/", CatalogTables.LAZY_SIMPLE,
                Map.of("field.delim", ","), Map.of("skip.header.line.count", "1"), columns("id", "int", "amount", "int"),
                columns("dt", "date"));

        SqlResult result = engine.execute("SELECT * FROM events", "sales");

        // Athena reads only partitions in the catalog; Hive-style folders alone are not partitions.
        assertThat(result.columns().stream().map(c -> c.name() + " " + c.type()))
                .containsExactly("id integer", "amount integer", "dt date");
        assertThat(result.rows()).isEmpty();
        assertThat(result.bytesScanned()).isZero();
    }

    @Test
    void partitionedTable_afterPartitionsAreAddedToTheCatalog_readsThemTypedAndPruned() {
        put("events/dt=2024-01-01/part.csv", JAN01);
        put("events/dt=2024-01-02/part.csv", JAN02);
        put("events/dt=2024-01-03/part.csv", JAN03);
        catalog.table("sales", "events", "s3://acme-raw/events/", CatalogTables.LAZY_SIMPLE,
                Map.of("field.delim", ","), Map.of("skip.header.line.count", "1"), columns("id", "int", "amount", "int"),
                columns("dt", "date"))
                .partition("sales", "events", "s3://acme-raw/events/dt=2024-01-02/", "2024-01-02")
                .partition("sales", "events", "s3://acme-raw/events/dt=2024-01-03/", "2024-01-03");

        SqlResult result = engine.execute("SELECT dt, sum(amount) AS total FROM events"
                + " WHERE dt > date '2024-01-02' GROUP BY dt ORDER BY dt", "sales");
        SqlResult all = engine.execute("SELECT count(*) AS n FROM events", "sales");

        assertThat(result.columns().get(0).type()).isEqualTo("date");
        assertThat(result.rows()).containsExactly(List.of("2024-01-03", "300"));
        assertThat(result.bytesScanned()).isEqualTo(JAN03.length());
        assertThat(all.rows()).containsExactly(List.of("7"));
        assertThat(all.bytesScanned()).isEqualTo(JAN02.length() + JAN03.length());
    }
}
