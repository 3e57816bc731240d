package io.dataplatform.athena.engine.internal.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Arrays, maps, rows, lambdas and UNNEST. */
class TrinoToDuckDbCollectionTest extends DuckDbHarness {

    @Test
    void subscript_isOneBased_andFailsOutOfRange() {
        assertThat(value("SELECT ARRAY[10, 20, 30][1]")).isEqualTo("10");
        AthenaSqlException e = error("SELECT ARRAY[10, 20, 30][5]");
        assertThat(e.getMessage())
                .isEqualTo("INVALID_FUNCTION_ARGUMENT: Array subscript must be less than or equal to array length: 5 > 3");
    }

    @Test
    void elementAt_isNullOutOfRange_andCountsNegativeFromTheEnd() {
        assertThat(rows("SELECT element_at(ARRAY[10, 20], 5), element_at(ARRAY[10, 20], -1)"))
                .containsExactly(Arrays.asList(null, "20"));
    }

    @Test
    void mapSubscript_failsOnAMissingKey_whileElementAtIsNull() {
        assertThat(value("SELECT attrs['k'] FROM orders WHERE id = 1")).isEqualTo("v");
        assertThat(error("SELECT attrs['nope'] FROM orders WHERE id = 1").getMessage())
                .isEqualTo("INVALID_FUNCTION_ARGUMENT: Key not present in map: nope");
        assertThat(value("SELECT element_at(attrs, 'nope') FROM orders WHERE id = 1")).isNull();
    }

    @Test
    void constructors_andTheirTypes() {
        assertThat(type("SELECT ARRAY[1, 2]")).isEqualTo("array(integer)");
        assertThat(type("SELECT MAP(ARRAY['a'], ARRAY[1])")).isEqualTo("map(varchar(1), integer)");
        assertThat(type("SELECT ROW(1, 'a')")).isEqualTo("row(integer, varchar(1))");
        assertThat(value("SELECT MAP(ARRAY['a', 'b'], ARRAY[1, 2])['b']")).isEqualTo("2");
    }

    @Test
    void rowFieldAccess() {
        assertThat(column("SELECT info.city FROM orders ORDER BY id")).containsExactly("Paris", "Lyon", "Nice");
        assertThat(translate("SELECT o.info.city FROM orders o").resultColumns().get(0)).isEqualTo(new TypedColumn("city", "varchar"));
    }

    @Test
    void arrayFunctions() {
        assertThat(rows("SELECT cardinality(ARRAY[1, 2, 3]), contains(ARRAY[1, 2], 2), array_join(ARRAY['a', 'b'], '-'), "
                + "sequence(1, 4), slice(ARRAY[1, 2, 3, 4], 2, 2), array_distinct(ARRAY[3, 1, 3, 2, 1]), array_sort(ARRAY[3, 1, 2]), "
                + "flatten(ARRAY[ARRAY[1], ARRAY[2, 3]]), concat(ARRAY[1], ARRAY[2]), array_max(ARRAY[1, 5]), array_position(ARRAY[5, 6], 6)"))
                .containsExactly(List.of("3", "true", "a-b", "[1, 2, 3, 4]", "[2, 3]", "[3, 1, 2]", "[1, 2, 3]", "[1, 2, 3]",
                        "[1, 2]", "5", "2"));
        assertThat(type("SELECT sequence(1, 3)")).isEqualTo("array(bigint)");
        assertThat(type("SELECT cardinality(tags) FROM orders")).isEqualTo("bigint");
    }

    @Test
    void mapKeysAndValues() {
        assertThat(rows("SELECT map_keys(attrs), map_values(attrs) FROM orders WHERE id = 1")).containsExactly(List.of("[k]", "[v]"));
    }

    @Test
    void lambdas() {
        assertThat(rows("SELECT transform(ARRAY[1, 2], x -> x * 10), filter(ARRAY[1, 2, 3], x -> x > 1), "
                + "reduce(ARRAY[1, 2, 3], 0, (s, x) -> s + x, s -> s * 2), any_match(ARRAY[1, 2], x -> x = 2), "
                + "all_match(ARRAY[1, 2], x -> x > 1), zip_with(ARRAY[1, 2], ARRAY[10, 20], (a, b) -> a + b)"))
                .containsExactly(List.of("[10, 20]", "[2, 3]", "12", "true", "false", "[11, 22]"));
        assertThat(type("SELECT transform(ARRAY[1], x -> CAST(x AS varchar))")).isEqualTo("array(varchar)");
    }

    @Test
    void lambda_seesTheRowsColumns() {
        assertThat(column("SELECT transform(tags, t -> t || customer) FROM orders ORDER BY id"))
                .containsExactly("[aalice, balice]", "[cbob]", "[]");
    }

    @Test
    void crossJoinUnnest_withOrdinality() {
        assertThat(rows("SELECT id, tag, n FROM orders CROSS JOIN UNNEST(tags) WITH ORDINALITY AS t(tag, n) ORDER BY id, n"))
                .containsExactly(List.of("1", "a", "1"), List.of("1", "b", "2"), List.of("2", "c", "1"));
    }

    @Test
    void unnestOfAMap_givesKeyAndValue() {
        assertThat(rows("SELECT k, v FROM orders CROSS JOIN UNNEST(attrs) AS t(k, v) ORDER BY id"))
                .containsExactly(List.of("k", "v"), List.of("k", "w"));
    }

    @Test
    void unnestOfRows_givesAColumnPerField() {
        assertThat(rows("SELECT a, b FROM UNNEST(ARRAY[ROW(1, 'x'), ROW(2, 'y')]) AS t(a, b)"))
                .containsExactly(List.of("1", "x"), List.of("2", "y"));
    }

    @Test
    void unnestOfSeveralArrays_zipsAndPadsWithNull() {
        assertThat(rows("SELECT x, y FROM UNNEST(ARRAY[1, 2], ARRAY['a']) AS t(x, y)"))
                .containsExactly(List.of("1", "a"), Arrays.asList("2", null));
    }

    @Test
    void leftJoinUnnest_keepsRowsWithEmptyArrays() {
        assertThat(rows("SELECT id, tag FROM orders LEFT JOIN UNNEST(tags) AS t(tag) ON true WHERE id = 3"))
                .containsExactly(Arrays.asList("3", null));
    }

    @Test
    void contains_isNullWhenNotFoundAmongNulls() {
        assertThat(rows("SELECT contains(ARRAY[1, NULL], 2), contains(ARRAY[1, NULL], 1), contains(ARRAY[1], 2)"))
                .containsExactly(Arrays.asList(null, "true", "false"));
    }

    @Test
    void mapFunctionsWithLambdasAndEntries() {
        assertThat(rows("SELECT transform_values(MAP(ARRAY['a', 'b'], ARRAY[1, 2]), (k, v) -> v * 10)['b'], "
                + "transform_keys(MAP(ARRAY['a'], ARRAY[1]), (k, v) -> upper(k))['A'], "
                + "cardinality(map_filter(MAP(ARRAY['a', 'b'], ARRAY[1, 2]), (k, v) -> v > 1)), "
                + "map_from_entries(ARRAY[ROW('x', 1)])['x'], map_entries(MAP(ARRAY['a'], ARRAY[1]))[1][2], "
                + "map_concat(MAP(ARRAY['a'], ARRAY[1]), MAP(ARRAY['a'], ARRAY[2]))['a']"))
                .containsExactly(List.of("20", "1", "1", "1", "1", "2"));
        assertThat(type("SELECT map_entries(MAP(ARRAY['a'], ARRAY[1]))")).isEqualTo("array(row(varchar(1), integer))");
    }

    @Test
    void mapWithDuplicateKeys_fails() {
        assertThat(error("SELECT MAP(ARRAY['a', 'a'], ARRAY[1, 2])").getMessage())
                .isEqualTo("INVALID_FUNCTION_ARGUMENT: Duplicate map keys (a) are not allowed");
        assertThat(error("SELECT MAP(ARRAY[3, 1, 2, 2, 1], ARRAY[1, 2, 3, 4, 5])").getMessage())
                .isEqualTo("INVALID_FUNCTION_ARGUMENT: Duplicate map keys (2) are not allowed");
        assertThat(error("SELECT MAP(ARRAY['a'], ARRAY[1, 2])").getMessage())
                .isEqualTo("INVALID_FUNCTION_ARGUMENT: Key and value arrays must be the same length");
    }

    @Test
    void zip_padsTheShorterArrayWithNull() {
        assertThat(rows("SELECT cardinality(zip(ARRAY[1, 2], ARRAY['a'])), zip(ARRAY[1, 2], ARRAY['a'])[2][1], "
                + "zip(ARRAY[1, 2], ARRAY['a'])[2][2]")).containsExactly(Arrays.asList("2", "2", null));
        assertThat(type("SELECT zip(ARRAY[1], ARRAY['a'])")).isEqualTo("array(row(integer, varchar(1)))");
    }

    @Test
    void concatOfArrayAndElement_appendsOrPrepends() {
        assertThat(rows("SELECT ARRAY[1, 2] || 3, 0 || ARRAY[1], concat(ARRAY[1.5E0], 2)"))
                .containsExactly(List.of("[1, 2, 3]", "[0, 1]", "[1.5, 2.0]"));
        assertThat(type("SELECT ARRAY[1, 2] || 3")).isEqualTo("array(integer)");
    }

    @Test
    void sequence_countsDownWithoutAStep_andFailsAsTrinoDoes() {
        assertThat(value("SELECT sequence(5, 1)")).isEqualTo("[5, 4, 3, 2, 1]");
        assertThat(value("SELECT sequence(DATE '2024-01-03', DATE '2024-01-01')")).isEqualTo("[2024-01-03, 2024-01-02, 2024-01-01]");
        assertThat(error("SELECT sequence(1, 10, 0)").getMessage()).contains("step must not be zero");
        assertThat(error("SELECT sequence(1, 5, -1)").getMessage()).contains("sequence stop value should be greater than or equal");
        assertThat(error("SELECT sequence(1, 100000)").getMessage()).contains("must not have more than 10000 entries");
        assertThat(error("SELECT sequence(DATE '2024-01-01', DATE '2024-01-02', INTERVAL '0' DAY)").errorType())
                .isEqualTo("INVALID_FUNCTION_ARGUMENT");
    }

    @Test
    void arrayMaxAndMin_areNullWhenTheArrayHoldsANull() {
        assertThat(rows("SELECT array_max(ARRAY[1, NULL]), array_min(ARRAY[2, 1]), array_max(ARRAY[3])"))
                .containsExactly(java.util.Arrays.asList(null, "1", "3"));
    }
}
