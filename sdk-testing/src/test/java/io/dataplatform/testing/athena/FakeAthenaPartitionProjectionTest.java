package io.dataplatform.testing.athena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.DataPlatform;
import io.dataplatform.athena.QueryFailedException;
import io.dataplatform.athena.QueryResult;
import io.dataplatform.cost.DataSize;
import io.dataplatform.testing.FakeAws;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Partition projection: with {@code projection.enabled}, the table parameters define the
 * partitions and their locations, the catalog's partitions are ignored, and a projected partition
 * without objects reads nothing (Athena User Guide, "Use partition projection with Amazon Athena").
 */
class FakeAthenaPartitionProjectionTest {
    private final FakeAws aws = FakeAws.create(); // its clock starts at 2024-01-01T00:00:00Z
    private final CsvTables tables = new CsvTables(aws);
    private final DataPlatform platform = aws.dataPlatform();

    private QueryResult run(String sql) {
        return platform.athena().query(sql).database("lake").allowFullScan().run();
    }

    private static List<String> names(QueryResult result) {
        return result.rows().map(row -> row.string("name")).toList();
    }

    @Test
    void enumAndIntegerKeys_readOnlyProjectedPartitions_andIgnoreCatalogPartitions() {
        long eu2023 = tables.put("sales/region=eu/year=2023/a.csv", "1,eu2023\n");
        long us2024 = tables.put("sales/region=us/year=2024/a.csv", "2,us2024\n");
        tables.put("sales/region=apac/year=2024/a.csv", "3,apac2024\n");
        tables.put("sales/region=eu/year=2022/a.csv", "4,eu2022\n");
        tables.table("sales", "s3://data/sales/", Map.of("projection.enabled", "true",
                "projection.region.type", "enum", "projection.region.values", "eu,us",
                "projection.year.type", "integer", "projection.year.range", "2023,2024"), "region", "string", "year", "int");
        tables.partition("sales", "s3://data/sales/region=apac/year=2024/", "apac", "2024");

        QueryResult all = run("SELECT name, region, year FROM sales ORDER BY name");
        QueryResult us = run("SELECT name FROM sales WHERE region = 'us'");

        assertThat(all.rows().map(r -> r.string("name") + " " + r.string("region") + " " + r.integer("year")))
                .containsExactly("eu2023 eu 2023", "us2024 us 2024");
        assertThat(all.statistics().bytesScanned()).isEqualTo(DataSize.ofBytes(eu2023 + us2024));
        assertThat(names(us)).containsExactly("us2024");
        assertThat(us.statistics().bytesScanned()).isEqualTo(DataSize.ofBytes(us2024));
    }

    @Test
    void integerKey_withDigitsAndInterval_atTemplateLocations() {
        long zero = tables.put("logs/bucket-00/a.csv", "1,zero\n");
        long five = tables.put("logs/bucket-05/a.csv", "2,five\n");
        long ten = tables.put("logs/bucket-10/a.csv", "3,ten\n");
        tables.put("logs/bucket-0/a.csv", "4,unpadded\n");
        tables.table("logs", "s3://data/logs/", Map.of("projection.enabled", "true",
                "projection.bucket.type", "integer", "projection.bucket.range", "0,20",
                "projection.bucket.interval", "5", "projection.bucket.digits", "2",
                "storage.location.template", "s3://data/logs/bucket-${bucket}/"), "bucket", "string");
        tables.put("logs/bucket-15/.placeholder", "");

        QueryResult result = run("SELECT name, bucket FROM logs ORDER BY name");

        assertThat(result.rows().map(r -> r.string("name") + " " + r.string("bucket")))
                .containsExactly("five 05", "ten 10", "zero 00");
        assertThat(result.statistics().bytesScanned()).isEqualTo(DataSize.ofBytes(zero + five + ten));
    }

    @Test
    void dateKey_relativeToNow_followsTheWorldsClock() {
        tables.put("daily/2023-12-29/a.csv", "1,dec29\n");
        long dec30 = tables.put("daily/2023-12-30/a.csv", "2,dec30\n");
        long dec31 = tables.put("daily/2023-12-31/a.csv", "3,dec31\n");
        long jan01 = tables.put("daily/2024-01-01/a.csv", "4,jan01\n");
        long jan02 = tables.put("daily/2024-01-02/a.csv", "5,jan02\n");
        tables.table("daily", "s3://data/daily/", Map.of("projection.enabled", "true",
                "projection.dt.type", "date", "projection.dt.format", "yyyy-MM-dd",
                "projection.dt.range", "NOW-2DAYS,NOW",
                "storage.location.template", "s3://data/daily/${dt}"), "dt", "string");

        QueryResult today = run("SELECT name FROM daily ORDER BY name");
        aws.clock().advance(Duration.ofDays(1));
        QueryResult tomorrow = run("SELECT name FROM daily ORDER BY name");

        assertThat(names(today)).containsExactly("dec30", "dec31", "jan01");
        assertThat(today.statistics().bytesScanned()).isEqualTo(DataSize.ofBytes(dec30 + dec31 + jan01));
        assertThat(names(tomorrow)).containsExactly("dec31", "jan01", "jan02");
        assertThat(tomorrow.statistics().bytesScanned()).isEqualTo(DataSize.ofBytes(dec31 + jan01 + jan02));
    }

    @Test
    void dateKeyOfTypeDate_isADateColumn_writtenInTheProjectionFormatInLocations() {
        tables.put("events/day=20240101/a.csv", "1,first\n");
        long second = tables.put("events/day=20240102/a.csv", "2,second\n");
        tables.put("events/day=20240104/a.csv", "4,fourth\n");
        tables.table("events", "s3://data/events", Map.of("projection.enabled", "true",
                "projection.day.type", "date", "projection.day.format", "yyyyMMdd",
                "projection.day.range", "20240101,20240103"), "day", "date");

        QueryResult all = run("SELECT count(*) AS n FROM events");
        QueryResult one = run("SELECT name, day FROM events WHERE day = date '2024-01-02'");

        assertThat(all.rows().map(r -> r.bigint("n"))).containsExactly(2L);
        assertThat(one.rows().map(r -> r.string("name") + " " + r.date("day"))).containsExactly("second 2024-01-02");
        assertThat(one.statistics().bytesScanned()).isEqualTo(DataSize.ofBytes(second));
    }

    @Test
    void injectedKey_readsThePartitionsTheWhereClauseNames() {
        long a = tables.put("devices/a/x.csv", "1,a\n");
        tables.put("devices/b/x.csv", "2,b\n");
        long c = tables.put("devices/c/x.csv", "3,c\n");
        tables.table("devices", "s3://data/devices/", Map.of("projection.enabled", "true",
                "projection.device.type", "injected", "storage.location.template", "s3://data/devices/${device}/"),
                "device", "string");

        QueryResult list = run("SELECT name FROM devices WHERE device IN ('a', 'c', 'z') ORDER BY name");
        QueryResult parameter = platform.athena().query("SELECT name FROM devices WHERE device = ? AND id > 0")
                .parameters("c").database("lake").run();

        assertThat(names(list)).containsExactly("a", "c");
        assertThat(list.statistics().bytesScanned()).isEqualTo(DataSize.ofBytes(a + c));
        assertThat(names(parameter)).containsExactly("c");
        assertThat(parameter.statistics().bytesScanned()).isEqualTo(DataSize.ofBytes(c));
    }

    @Test
    void injectedKey_withoutAStaticEquality_failsWithAthenasConstraintViolation() {
        tables.put("devices/a/x.csv", "1,a\n");
        tables.table("devices", "s3://data/devices/", Map.of("projection.enabled", "true",
                "projection.device.type", "injected", "storage.location.template", "s3://data/devices/${device}/"),
                "device", "string");

        for (String sql : List.of("SELECT name FROM devices", "SELECT name FROM devices WHERE device LIKE 'a%'")) {
            assertThatThrownBy(() -> run(sql)).isInstanceOfSatisfying(QueryFailedException.class, e -> assertThat(e.reason())
                    .isEqualTo("CONSTRAINT_VIOLATION: For the injected projected partition column device, the WHERE clause"
                            + " must contain only static equality conditions, and at least one such condition must be present"));
        }
    }

    @Test
    void projectionWithAnUnconfiguredKey_failsAsAthenaDoes_andAnUnknownTypeNamesTheParameter() {
        tables.table("half", "s3://data/half/", Map.of("projection.enabled", "true",
                "projection.region.type", "enum", "projection.region.values", "eu"), "region", "string", "year", "int");
        tables.table("odd", "s3://data/odd/", Map.of("projection.enabled", "true",
                "projection.region.type", "regex"), "region", "string");

        assertThatThrownBy(() -> run("SELECT count(*) FROM half")).isInstanceOfSatisfying(QueryFailedException.class,
                e -> assertThat(e.reason()).isEqualTo("HIVE_METASTORE_ERROR: Table lake.half is configured for partition"
                        + " projection, but the following partition columns are missing projection configuration: [year]"
                        + " (table lake.half)"));
        assertThatThrownBy(() -> run("SELECT count(*) FROM odd")).isInstanceOfSatisfying(QueryFailedException.class,
                e -> assertThat(e.reason()).endsWith("Invalid partition projection: table parameter"
                        + " 'projection.region.type' is 'regex': must be enum, integer, date or injected"));
    }
}
