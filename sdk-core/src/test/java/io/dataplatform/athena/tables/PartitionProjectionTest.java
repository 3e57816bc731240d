package io.dataplatform.athena.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;

/** Projected partition values and locations, as the Athena User Guide's "Supported types for partition projection" defines them. */
class PartitionProjectionTest {
    private static final Instant NOON = Instant.parse("2024-03-10T12:34:56Z");

    private static Table table(Map<String, String> parameters, String... keys) {
        Map<String, String> all = new LinkedHashMap<>(parameters);
        all.put("projection.enabled", "true");
        List<Column> columns = new java.util.ArrayList<>();
        for (int i = 0; i < keys.length; i += 2) {
            columns.add(Column.builder().name(keys[i]).type(keys[i + 1]).build());
        }
        return Table.builder().databaseName("lake").name("t").parameters(all).partitionKeys(columns)
                .storageDescriptor(StorageDescriptor.builder().location("s3://data/t").build()).build();
    }

    private static List<PartitionProjection.Partition> partitions(Table table) {
        return PartitionProjection.of(table).orElseThrow().partitions(NOON, (t, key) -> Set.of("x"));
    }

    @Test
    void disabledOrUnpartitioned_hasNoProjection() {
        Table enabled = table(Map.of("projection.a.type", "enum", "projection.a.values", "1"), "a", "string");
        Table disabled = enabled.toBuilder().parameters(Map.of("projection.enabled", "false", "projection.a.type", "enum",
                "projection.a.values", "1")).build();

        assertThat(PartitionProjection.of(enabled)).isPresent();
        assertThat(PartitionProjection.of(disabled)).isEmpty();
        assertThat(PartitionProjection.of(table(Map.of()))).isEmpty();
    }

    @Test
    void enumTimesInteger_defaultHiveLocations_valuesEscapedAsHiveDoes() {
        List<PartitionProjection.Partition> partitions = partitions(table(Map.of(
                "projection.region.type", "enum", "projection.region.values", "eu,a:b",
                "projection.n.type", "integer", "projection.n.range", "8,12", "projection.n.interval", "4",
                "projection.n.digits", "3"), "region", "string", "n", "int"));

        assertThat(partitions).containsExactly(
                new PartitionProjection.Partition(List.of("eu", "008"), "s3://data/t/region=eu/n=008/"),
                new PartitionProjection.Partition(List.of("eu", "012"), "s3://data/t/region=eu/n=012/"),
                new PartitionProjection.Partition(List.of("a:b", "008"), "s3://data/t/region=a%3Ab/n=008/"),
                new PartitionProjection.Partition(List.of("a:b", "012"), "s3://data/t/region=a%3Ab/n=012/"));
    }

    @Test
    void dates_relativeToNow_truncatedToTheFormat_stepByTheFormatsPrecision() {
        List<PartitionProjection.Partition> days = partitions(table(Map.of("projection.d.type", "date",
                "projection.d.format", "yyyy/MM/dd", "projection.d.range", "NOW-2DAYS,NOW",
                "storage.location.template", "s3://data/logs/${d}/"), "d", "string"));
        List<PartitionProjection.Partition> months = partitions(table(Map.of("projection.m.type", "date",
                "projection.m.format", "yyyy-MM", "projection.m.range", "2023-11,NOW"), "m", "date"));

        assertThat(days).extracting(PartitionProjection.Partition::location)
                .containsExactly("s3://data/logs/2024/03/08/", "s3://data/logs/2024/03/09/", "s3://data/logs/2024/03/10/");
        assertThat(months).extracting(p -> p.values().get(0) + " " + p.location()).containsExactly(
                "2023-11-01 s3://data/t/m=2023-11/", "2023-12-01 s3://data/t/m=2023-12/", "2024-01-01 s3://data/t/m=2024-01/",
                "2024-02-01 s3://data/t/m=2024-02/", "2024-03-01 s3://data/t/m=2024-03/");
    }

    @Test
    void hourlyDates_needAnIntervalUnit_andTakeTheDocumentedUnits() {
        Map<String, String> hourly = Map.of("projection.h.type", "date", "projection.h.format", "yyyyMMddHH",
                "projection.h.range", "NOW-1HOURS,NOW");

        assertThatThrownBy(() -> partitions(table(hourly, "h", "string"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid partition projection for key 'h': property 'projection.h.interval.unit' is required"
                        + " when the format 'yyyyMMddHH' is finer than a day");
        Map<String, String> withUnit = new LinkedHashMap<>(hourly);
        withUnit.put("projection.h.interval.unit", "HOURS");
        assertThat(partitions(table(withUnit, "h", "string"))).extracting(p -> p.values().get(0))
                .containsExactly("2024031011", "2024031012");
        withUnit.put("projection.h.interval.unit", "FOREVER");
        assertThatThrownBy(() -> partitions(table(withUnit, "h", "string"))).hasMessage("Invalid partition projection:"
                + " table parameter 'projection.h.interval.unit' is 'FOREVER': must be YEARS, MONTHS, WEEKS, DAYS, HOURS,"
                + " MINUTES, SECONDS or MILLISECONDS");
    }

    @Test
    void template_mustHaveAPlaceholderPerKey() {
        Table table = table(Map.of("projection.a.type", "injected", "projection.b.type", "enum", "projection.b.values", "1",
                "storage.location.template", "s3://data/t/${a}/"), "a", "string", "b", "string");

        assertThatThrownBy(() -> partitions(table)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid table parameter 'storage.location.template' of lake.t: 's3://data/t/${a}/' has no"
                        + " placeholder for partition key(s) [b]; it must have one ${key} per partition key");
    }
}
