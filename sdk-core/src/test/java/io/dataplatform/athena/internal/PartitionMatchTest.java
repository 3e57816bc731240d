package io.dataplatform.athena.internal;

import io.dataplatform.athena.sql.StatementReads;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataplatform.athena.sql.StatementReads.KeyCondition;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionMatchTest {

    private static KeyCondition where(String conjunct, String... parameters) {
        StatementReads analysis = SqlAnalyzer.analyze("SELECT 1 FROM t WHERE " + conjunct, List.of(parameters));
        return analysis.reads().get(0).conditions().get(0);
    }

    @Test
    void stringKey_comparesAsText_andNeverWithANumber() {
        assertThat(PartitionMatch.mayMatch("string", "10", where("hour < '9'"))).isTrue();
        assertThat(PartitionMatch.mayMatch("string", "9", where("hour < '9'"))).isFalse();
        assertThat(PartitionMatch.mayMatch("string", "01", where("month = '1'"))).isFalse();
        // varchar = integer fails in Athena: nothing is read, keeping the partition is harmless.
        assertThat(PartitionMatch.mayMatch("string", "2023", where("year = 2024"))).isTrue();
        // Code point order, not UTF-16's: U+FF5E sorts below U+1F600 although its UTF-16 unit is higher.
        assertThat(PartitionMatch.mayMatch("string", "\uFF5E", where("k < '\uD83D\uDE00'"))).isTrue();
    }

    @Test
    void integerKey_comparesAsNumbers() {
        assertThat(PartitionMatch.mayMatch("int", "01", where("month = 1"))).isTrue();
        assertThat(PartitionMatch.mayMatch("int", "11", where("month = 1"))).isFalse();
        assertThat(PartitionMatch.mayMatch("bigint", "11", where("month BETWEEN 2 AND 12"))).isTrue();
        assertThat(PartitionMatch.mayMatch("bigint", "13", where("month BETWEEN 2 AND 12"))).isFalse();
        assertThat(PartitionMatch.mayMatch("int", "5", where("day IN (?, 6)", "5"))).isTrue();
        assertThat(PartitionMatch.mayMatch("int", "x", where("day = 5"))).isTrue();
    }

    @Test
    void dateKey_comparesAsDates_withUnpaddedValues_andAsTimestampsAgainstATimestamp() {
        assertThat(PartitionMatch.mayMatch("date", "2024-1-3", where("dt = DATE '2024-01-03'"))).isTrue();
        assertThat(PartitionMatch.mayMatch("date", "2024-01-04", where("dt = DATE '2024-01-03'"))).isFalse();
        assertThat(PartitionMatch.mayMatch("date", "2024-01-01", where("dt = TIMESTAMP '2024-01-01 00:00:00'"))).isTrue();
        assertThat(PartitionMatch.mayMatch("date", "2024-01-01", where("dt = TIMESTAMP '2024-01-01 00:00:01'"))).isFalse();
        assertThat(PartitionMatch.mayMatch("date", "2024-01-01", where("dt >= TIMESTAMP '2023-12-31 23:00:00'"))).isTrue();
        assertThat(PartitionMatch.mayMatch("date", "not-a-date", where("dt = DATE '2024-01-03'"))).isTrue();
        assertThat(PartitionMatch.mayMatch("date", "2024-01-04", where("dt = '2024-01-03'"))).isTrue();
    }

    @Test
    void timestampAndFloatingKeys_andUnknownTypes() {
        assertThat(PartitionMatch.mayMatch("timestamp", "2024-01-01 10:00:00", where("ts > DATE '2024-01-01'"))).isTrue();
        assertThat(PartitionMatch.mayMatch("timestamp", "2024-01-01 00:00:00", where("ts > DATE '2024-01-01'"))).isFalse();
        assertThat(PartitionMatch.mayMatch("double", "0.1", where("r = 0.1"))).isTrue();
        assertThat(PartitionMatch.mayMatch("double", "0.2", where("r = 0.1"))).isFalse();
        assertThat(PartitionMatch.mayMatch("char(2)", "b", where("c = 'a'"))).isTrue();
        assertThat(PartitionMatch.mayMatch("boolean", "true", where("c = 'false'"))).isTrue();
        assertThat(PartitionMatch.mayMatch("string", "__HIVE_DEFAULT_PARTITION__", where("y = '2024'"))).isFalse();
    }
}
