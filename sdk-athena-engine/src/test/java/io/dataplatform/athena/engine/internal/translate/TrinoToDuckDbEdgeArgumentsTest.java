package io.dataplatform.athena.engine.internal.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Empty regular-expression matches, concat's arity, empty arrays, untyped NULLs and interval division, as Trino answers them. */
class TrinoToDuckDbEdgeArgumentsTest extends DuckDbHarness {

    @Test
    void regexpFunctions_refuseAPatternThatCanMatchTheEmptyString() {
        // Trino (Joni) answers XX for regexp_replace('aaa', 'a*', 'X') and ['', a, b, c, ''] for regexp_split('abc', '');
        // RE2 answers X and [a, b, c].
        for (String sql : new String[] {"SELECT regexp_replace('aaa', 'a*', 'X')", "SELECT regexp_replace('abc', '^', 'X')",
                "SELECT regexp_split('abc', '')", "SELECT regexp_count('abc', 'x?')", "SELECT regexp_extract_all('abc', '.*')",
                "SELECT regexp_replace('abc', '\\b', 'X')", "SELECT regexp_replace(customer, region, 'X') FROM orders"}) {
            AthenaSqlException e = error(sql);
            assertThat(e.errorType()).as(sql).isEqualTo("NOT_SUPPORTED");
            assertThat(e.getMessage()).as(sql).contains("regexp_");
        }
        assertThat(rows("SELECT regexp_replace('a-b', '[$^-]', 'X'), regexp_replace('abc', '\\bb', 'X'), regexp_count('a1b22', '[0-9]')"))
                .containsExactly(Arrays.asList("aXb", "abc", "3"));
        assertThat(value("SELECT regexp_split('a1b2', '[0-9]')")).isEqualTo("[a, b, '']");
        // Removing what matches (no replacement, or an empty one) answers alike: an empty match removes nothing.
        assertThat(rows("SELECT regexp_replace('a1b22c', '[0-9]*'), regexp_replace('aaa', 'a*', ''), regexp_replace('a-b', '-?'), "
                + "regexp_replace(customer, region) FROM orders WHERE id = 1"))
                .containsExactly(Arrays.asList("abc", "", "ab", "alice"));
    }

    @Test
    void concat_needsTwoArguments() {
        assertThat(error("SELECT concat('a')").getMessage()).isEqualTo(
                "INVALID_FUNCTION_ARGUMENT: line 1:8: There must be two or more concatenation arguments");
        assertThat(error("SELECT concat(ARRAY[1])").getMessage()).isEqualTo(
                "INVALID_FUNCTION_ARGUMENT: line 1:8: There must be two or more arguments to concat");
        assertThat(error("SELECT concat()").errorType()).isEqualTo("NOT_SUPPORTED");
        assertThat(error("SELECT concat_ws(',')").getMessage()).isEqualTo("INVALID_FUNCTION_ARGUMENT: line 1:8: There must be two or more arguments");
    }

    @Test
    void concatWsOfAnArrayWithoutNonNullElements_isEmpty() {
        assertThat(rows("SELECT concat_ws(',', ARRAY[]), concat_ws(',', ARRAY[CAST(NULL AS varchar)]), concat_ws(',', ARRAY[NULL, 'a', 'b']), "
                + "concat_ws(NULL, ARRAY['a']), concat_ws(',', CAST(NULL AS array(varchar)))"))
                .containsExactly(Arrays.asList("", "", "a,b", null, null));
    }

    @Test
    void cardinalityOfAnUntypedNull_isANullBigint() {
        assertThat(value("SELECT cardinality(NULL)")).isNull();
        assertThat(type("SELECT cardinality(NULL)")).isEqualTo("bigint");
    }

    @Test
    void intervalDayToSecondDividedByANumber_truncatesMilliseconds() {
        // DuckDB's text of the intervals: 1 day, 333 ms, -333 ms, 1.2 days.
        assertThat(rows("SELECT INTERVAL '2' DAY / 2, INTERVAL '1' SECOND / 3, -INTERVAL '1' SECOND / 3, INTERVAL '3' DAY / 2.5e0"))
                .containsExactly(Arrays.asList("24:00:00", "00:00:00.333", "-00:00:00.333", "28:48:00"));
        assertThat(type("SELECT INTERVAL '2' DAY / 2")).isEqualTo("interval day to second");
        assertThat(error("SELECT INTERVAL '3' DAY / 0").getMessage()).isEqualTo("INVALID_FUNCTION_ARGUMENT: Cannot divide by double 0.0");
        assertThat(error("SELECT INTERVAL '3' DAY / nan()").getMessage()).isEqualTo("INVALID_FUNCTION_ARGUMENT: Cannot divide by double NaN");
        assertThat(error("SELECT INTERVAL '3' MONTH / 2").errorType()).isEqualTo("NOT_SUPPORTED");
    }

    @Test
    void substringWithALengthPastAnInt_takesTheRestAsTrinosSaturatedCast() {
        assertThat(rows("SELECT substring('abc', 1, 9223372036854775807), substring('abc', 2, 2147483648), substr('abc', -1, 2147483645)"))
                .containsExactly(Arrays.asList("abc", "bc", "c"));
        assertThat(error("SELECT substring('abc', -1, 2147483647)").errorType()).isEqualTo("NOT_SUPPORTED");
    }
}
