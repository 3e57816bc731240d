package io.dataplatform.athena.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.DataPlatformException;
import io.dataplatform.athena.QueryResult;
import io.dataplatform.athena.Row;
import io.dataplatform.cost.CostGuard;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Typed getters and record/POJO mapping over GetQueryResults-shaped data. */
class RowTest {
    private static final List<String> COLUMNS = List.of("region", "order_count", "total", "avg_amount", "ratio", "active",
            "first_day", "last_sale", "tags", "note");
    private static final List<String> TYPES = List.of("varchar", "integer", "bigint", "double", "decimal", "boolean",
            "date", "timestamp", "array", "varchar");

    /** A record with camelCase names for snake_case columns. */
    record RegionTotal(String region, int orderCount, long total, double avgAmount, BigDecimal ratio, boolean active,
                       LocalDate firstDay, LocalDateTime lastSale, List<String> tags, String note) {
    }

    /** A POJO with a no-arg constructor and setters. */
    public static final class RegionPojo {
        private String region;
        private Long total;

        public void setRegion(String region) {
            this.region = region;
        }

        public void setTotal(Long total) {
            this.total = total;
        }
    }

    private final TestWorld world = new TestWorld();

    private QueryResult result() {
        world.athena.next.columns = COLUMNS;
        world.athena.next.types = TYPES;
        world.athena.next.rows = List.of(
                List.of("eu", "12", "9000000000", "12.5", "0.125", "true", "2024-01-01", "2024-01-31 23:59:59.123",
                        "[a, b, [c, d]]", "x"),
                Arrays.asList("us", null, null, null, null, null, null, null, "[]", null));
        return world.platform(CostGuard.none()).athena().query("SELECT * FROM t").run();
    }

    @Test
    void typedGetters_readEachAthenaType() {
        Row row = result().rows().findFirst().orElseThrow();

        assertThat(row.string("region")).isEqualTo("eu");
        assertThat(row.string(0)).isEqualTo("eu");
        assertThat(row.integer("ORDER_COUNT")).isEqualTo(12);
        assertThat(row.bigint("total")).isEqualTo(9_000_000_000L);
        assertThat(row.bigint("order_count")).isEqualTo(12L);
        assertThat(row.doubleValue("avg_amount")).isEqualTo(12.5);
        assertThat(row.decimal("ratio")).isEqualByComparingTo("0.125");
        assertThat(row.booleanValue("active")).isTrue();
        assertThat(row.date("first_day")).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(row.timestamp("last_sale")).isEqualTo(LocalDateTime.of(2024, 1, 31, 23, 59, 59, 123_000_000));
        assertThat(row.array("tags")).containsExactly("a", "b", "[c, d]");
        assertThat(row.isNull("note")).isFalse();
    }

    @Test
    void typedGetters_returnNullForSqlNull() {
        Row row = result().rows().skip(1).findFirst().orElseThrow();

        assertThat(row.isNull("order_count")).isTrue();
        assertThat(row.integer("order_count")).isNull();
        assertThat(row.timestamp("last_sale")).isNull();
        assertThat(row.array("tags")).isEmpty();
    }

    @Test
    void typedGetters_refuseOtherTypesAndUnknownColumns() {
        Row row = result().rows().findFirst().orElseThrow();

        assertThatThrownBy(() -> row.integer("region")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Column 'region' is varchar; integer() reads integer, smallint, tinyint");
        assertThatThrownBy(() -> row.integer("total"))
                .hasMessage("Column 'total' is bigint; integer() reads integer, smallint, tinyint");
        assertThatThrownBy(() -> row.date("last_sale")).hasMessage("Column 'last_sale' is timestamp; date() reads date");
        assertThatThrownBy(() -> row.string("nope")).hasMessage("No column 'nope' in the result; columns are "
                + "[region, order_count, total, avg_amount, ratio, active, first_day, last_sale, tags, note]");
        assertThatThrownBy(() -> row.string(10)).hasMessage("index must be between 0 and 9, but was 10");
    }

    @Test
    void as_mapsRecordsBySnakeAndCamelCaseNames() {
        List<RegionTotal> totals = result().as(RegionTotal.class);

        assertThat(totals.get(0)).isEqualTo(new RegionTotal("eu", 12, 9_000_000_000L, 12.5, new BigDecimal("0.125"), true,
                LocalDate.of(2024, 1, 1), LocalDateTime.of(2024, 1, 31, 23, 59, 59, 123_000_000), List.of("a", "b", "[c, d]"),
                "x"));
        assertThat(totals.get(1)).isEqualTo(new RegionTotal("us", 0, 0, 0.0, null, false, null, null, List.of(), null));
    }

    @Test
    void stream_mapsPojosLazily() {
        RegionPojo pojo = result().stream(RegionPojo.class).findFirst().orElseThrow();

        assertThat(pojo.region).isEqualTo("eu");
        assertThat(pojo.total).isEqualTo(9_000_000_000L);
    }

    @Test
    void as_failsNamingTheRowAndTheType() {
        record Wrong(LocalDate region) {
        }
        assertThatThrownBy(() -> result().as(Wrong.class)).isInstanceOf(DataPlatformException.class)
                .hasMessageStartingWith("Cannot map row [eu, 12, 9000000000, 12.5, 0.125, true, 2024-01-01, "
                        + "2024-01-31 23:59:59.123, [a, b, [c, d]], x] with columns [region, order_count, total, avg_amount, "
                        + "ratio, active, first_day, last_sale, tags, note] onto " + Wrong.class.getName() + ": ");
    }
}
