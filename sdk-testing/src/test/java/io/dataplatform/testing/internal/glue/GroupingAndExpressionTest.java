package io.dataplatform.testing.internal.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.glue.Column;
import io.dataplatform.glue.DataFormat;
import io.dataplatform.glue.GlueType;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Table grouping on (key, schema) lists, Glue's partition expressions and exclude globs. */
class GroupingAndExpressionTest {
    private static final FileSchema ORDERS = csv("order_id", "amount", "ordered_on");
    private static final FileSchema CUSTOMERS = csv("customer_id", "name", "email");

    private static FileSchema csv(String... names) {
        return new FileSchema(DataFormat.csv(',', true),
                java.util.Arrays.stream(names).map(n -> Column.of(n, GlueType.STRING)).toList(), "none", 1, 10, 0);
    }

    private static CrawledFile file(String key, FileSchema schema) {
        return CrawledFile.of(key, 100, schema);
    }

    @Test
    void sameSchemaAtOneDepth_isOneTableWithPartitions() {
        List<DiscoveredTable> tables = TableGrouper.group("sales", List.of(
                file("year=2024/month=01/a.csv", ORDERS), file("year=2024/month=02/b.csv", ORDERS),
                file("year=2023/month=12/c.csv", ORDERS)));

        assertThat(tables).hasSize(1);
        DiscoveredTable table = tables.get(0);
        assertThat(table.name()).isEqualTo("sales");
        assertThat(table.folder()).isEmpty();
        assertThat(table.partitionKeys()).containsExactly("year", "month");
        assertThat(table.partitions()).extracting(DiscoveredTable.DiscoveredPartition::values)
                .containsExactly(List.of("2024", "01"), List.of("2024", "02"), List.of("2023", "12"));
        assertThat(table.objectCount()).isEqualTo(3);
        assertThat(table.totalSize()).isEqualTo(300);
    }

    @Test
    void mixedHiveAndPlainFolders_fallBackToPartitionN() {
        List<DiscoveredTable> tables = TableGrouper.group("logs", List.of(
                file("year=2024/01/a.csv", ORDERS), file("2023/02/b.csv", ORDERS)));

        assertThat(tables.get(0).partitionKeys()).containsExactly("partition_0", "partition_1");
        assertThat(tables.get(0).partitions()).extracting(DiscoveredTable.DiscoveredPartition::values)
                .containsExactly(List.of("2024", "01"), List.of("2023", "02"));
    }

    @Test
    void siblingsWithDifferentSchemas_areSeparateTablesNamedAfterTheirFolders() {
        List<DiscoveredTable> tables = TableGrouper.group("shop", List.of(
                file("Orders/2024/a.csv", ORDERS), file("Orders/2023/b.csv", ORDERS), file("customer-list/c.csv", CUSTOMERS)));

        assertThat(tables).extracting(DiscoveredTable::name).containsExactly("orders", "customer_list");
        assertThat(tables).extracting(DiscoveredTable::folder).containsExactly("Orders", "customer-list");
        assertThat(tables.get(0).partitionKeys()).containsExactly("partition_0");
    }

    @Test
    void addedColumn_staysOneTableWithMergedColumns() {
        List<DiscoveredTable> tables = TableGrouper.group("sales", List.of(
                file("m=1/a.csv", ORDERS), file("m=2/b.csv", csv("order_id", "amount", "ordered_on", "channel"))));

        assertThat(tables).hasSize(1);
        assertThat(tables.get(0).columns()).extracting(Column::name).containsExactly("order_id", "amount", "ordered_on", "channel");
    }

    @Test
    void differentFormatsInOneFolder_becomeOneTablePerFormat() {
        FileSchema json = new FileSchema(DataFormat.json(), ORDERS.columns(), "none", 1, 10, 0);
        List<DiscoveredTable> tables = TableGrouper.group("drop", List.of(file("a.csv", ORDERS), file("events.json", json)));

        assertThat(tables).extracting(DiscoveredTable::name).containsExactly("drop", "drop_events");
    }

    @Test
    void expression_comparesStringsAndIntegerKeysTheirOwnWay() {
        List<software.amazon.awssdk.services.glue.model.Column> keys = List.of(
                software.amazon.awssdk.services.glue.model.Column.builder().name("year").type("int").build(),
                software.amazon.awssdk.services.glue.model.Column.builder().name("month").type("string").build());

        Predicate<List<String>> numeric = PartitionExpression.parse("year > 999 AND month <> '03'", keys);
        assertThat(numeric.test(List.of("2024", "01"))).isTrue();
        assertThat(numeric.test(List.of("2024", "03"))).isFalse();
        assertThat(PartitionExpression.parse("month NOT IN ('01', '02')", keys).test(List.of("2024", "01"))).isFalse();
        assertThat(PartitionExpression.parse("month LIKE '0_'", keys).test(List.of("2024", "07"))).isTrue();
        assertThat(PartitionExpression.parse("NOT (year = 2024) OR month = 'it''s'", keys).test(List.of("2024", "it's"))).isTrue();
        assertThat(PartitionExpression.parse("year IS NOT NULL", keys).test(List.of("2024", "01"))).isTrue();
    }

    @Test
    void expression_comparesDecimalKeysAsNumbers() {
        // Glue lists decimal among the partition key types GetPartitions expressions support.
        List<software.amazon.awssdk.services.glue.model.Column> keys = List.of(
                software.amazon.awssdk.services.glue.model.Column.builder().name("price").type("decimal(10,2)").build());

        assertThat(PartitionExpression.parse("price > 9.5", keys).test(List.of("10.00"))).isTrue();
        assertThat(PartitionExpression.parse("price = 10", keys).test(List.of("10.00"))).isTrue();
    }

    @Test
    void expression_errorsNameTheProblem() {
        List<software.amazon.awssdk.services.glue.model.Column> keys = List.of(
                software.amazon.awssdk.services.glue.model.Column.builder().name("year").type("string").build());

        assertThatThrownBy(() -> PartitionExpression.parse("year = ", keys)).hasMessage("Unexpected end of expression");
        assertThatThrownBy(() -> PartitionExpression.parse("year = '2024", keys))
                .hasMessage("Unterminated string literal in expression: year = '2024");
        assertThatThrownBy(() -> PartitionExpression.parse("year = '1' year", keys))
                .hasMessage("Unexpected 'year' in expression: year = '1' year");
        assertThatThrownBy(() -> PartitionExpression.parse("year NOT = '1'", keys))
                .hasMessage("Expected IN, LIKE or BETWEEN after NOT at '='");
    }

    @Test
    void glob_followsGluesExcludeSyntax() {
        assertThat(Glob.compile("*.tmp").matcher("a.tmp").matches()).isTrue();
        assertThat(Glob.compile("*.tmp").matcher("dir/a.tmp").matches()).isFalse();
        assertThat(Glob.compile("**.tmp").matcher("dir/sub/a.tmp").matches()).isTrue();
        assertThat(Glob.compile("year=202?/**").matcher("year=2024/m/a.csv").matches()).isTrue();
        assertThat(Glob.compile("{staging,tmp}/**").matcher("tmp/x").matches()).isTrue();
        assertThat(Glob.compile("[!a]*.csv").matcher("b.csv").matches()).isTrue();
        assertThat(Glob.compile("[!a]*.csv").matcher("a.csv").matches()).isFalse();
    }

    @Test
    void glob_backslashEscapes_andBracketsMatchOneCharacterOfANameComponent() {
        // Per "Include and exclude patterns": '\\' escapes special characters ...
        assertThat(Glob.compile("report\\*.csv").matcher("report*.csv").matches()).isTrue();
        assertThat(Glob.compile("report\\*.csv").matcher("report-1.csv").matches()).isFalse();
        assertThat(Glob.compile("a\\\\b").matcher("a\\b").matches()).isTrue();
        assertThat(Glob.compile("\\{x\\}.csv").matcher("{x}.csv").matches()).isTrue();
        // ... within brackets '*', '?' and '\\' match themselves, and a leading '-' is itself ...
        assertThat(Glob.compile("[*?\\]x").matcher("\\x").matches()).isTrue();
        assertThat(Glob.compile("[*?\\]x").matcher("?x").matches()).isTrue();
        assertThat(Glob.compile("[-a]x").matcher("-x").matches()).isTrue();
        assertThat(Glob.compile("[&&a]x").matcher("&x").matches()).isTrue();
        // ... and a bracket expression matches one character of a name component, never the '/'.
        assertThat(Glob.compile("a[!b]c").matcher("a/c").matches()).isFalse();
        assertThat(Glob.compile("a[!b]c").matcher("axc").matches()).isTrue();
        // The guide's own example: keep only 2015/01/01..07.
        java.util.regex.Pattern days = Glob.compile("2015/01/{[!0],0[8-9]}**");
        assertThat(days.matcher("2015/01/15/a.csv").matches()).isTrue();
        assertThat(days.matcher("2015/01/08/a.csv").matches()).isTrue();
        assertThat(days.matcher("2015/01/03/a.csv").matches()).isFalse();
    }
}
