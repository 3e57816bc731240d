package io.dataplatform.athena.engine.internal.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Trino functions the fake reported as not found: translated as Trino answers them, or refused by name. */
class TrinoToDuckDbMissingFunctionsTest extends DuckDbHarness {

    @Test
    void fieldsOfAnInterval_areJavasRemainderAndQuotientOfItsMillisecondsOrMonths() {
        // 1 day 02:03:04.005 and its negation; 1 year 5 months and its negation.
        String ds = "(INTERVAL '1' DAY + INTERVAL '2' HOUR + INTERVAL '3' MINUTE + INTERVAL '4' SECOND + INTERVAL '0.005' SECOND)";
        assertThat(rows("SELECT day(" + ds + "), hour(" + ds + "), minute(" + ds + "), second(" + ds + "), millisecond(" + ds + "), "
                + "to_milliseconds(" + ds + "), hour(-" + ds + "), millisecond(-" + ds + "), day_of_month(-" + ds + ")"))
                .containsExactly(Arrays.asList("1", "2", "3", "4", "5", "93784005", "-2", "-5", "-1"));
        String ym = "(INTERVAL '1' YEAR + INTERVAL '5' MONTH)";
        assertThat(rows("SELECT year(" + ym + "), month(" + ym + "), year(-" + ym + "), month(-" + ym + ")"))
                .containsExactly(Arrays.asList("1", "5", "-1", "-5"));
        assertThat(type("SELECT hour(INTERVAL '3' HOUR)")).isEqualTo("bigint");
        assertThat(error("SELECT hour(INTERVAL '3' MONTH)").errorType()).isEqualTo("FUNCTION_NOT_FOUND");
    }

    @Test
    void reverseOfVarbinary_reversesTheBytes() {
        assertThat(rows("SELECT to_hex(reverse(X'0102ff')), to_hex(reverse(X'')), reverse(CAST(NULL AS varbinary))"))
                .containsExactly(Arrays.asList("FF0201", "", null));
        assertThat(type("SELECT reverse(X'01')")).isEqualTo("varbinary");
    }

    @Test
    void fromHex_checksTheLengthAndEachDigitAsTrino() {
        assertThat(error("SELECT from_hex('abc')").getMessage()).isEqualTo("INVALID_FUNCTION_ARGUMENT: line 1:8: invalid input length 3");
        assertThat(error("SELECT from_hex('0g')").getMessage()).isEqualTo("INVALID_FUNCTION_ARGUMENT: line 1:8: not a hexadecimal digit: \"g\" = 103");
        assertThat(error("SELECT from_hex(h) FROM (VALUES 'abc') t(h)").getMessage()).isEqualTo("INVALID_FUNCTION_ARGUMENT: invalid input length 3");
        assertThat(error("SELECT from_hex(h) FROM (VALUES '0g') t(h)").getMessage())
                .isEqualTo("INVALID_FUNCTION_ARGUMENT: not a hexadecimal digit: \"g\" = 103");
        assertThat(rows("SELECT to_hex(from_hex('0aBc')), to_hex(from_hex('')), from_hex(CAST(NULL AS varchar))"))
                .containsExactly(Arrays.asList("0ABC", "", null));
    }

    @Test
    void fromUtf8WithAReplacement_decodesValidBytesAndRefusesAReplacementItCannotCheck() {
        assertThat(rows("SELECT from_utf8(X'61', '?'), from_utf8(X'61', 63), from_utf8(X'61', '')"))
                .containsExactly(Arrays.asList("a", "a", "a"));
        assertThat(error("SELECT from_utf8(X'61', 'ab')").errorType()).isEqualTo("NOT_SUPPORTED");
        assertThat(error("SELECT from_utf8(X'61', customer) FROM orders").errorType()).isEqualTo("NOT_SUPPORTED");
        assertThat(error("SELECT from_utf8(X'ff', '?')").errorType()).isEqualTo("NOT_SUPPORTED");
    }

    @Test
    void trinoAggregatesNotTranslated_areRefusedByName() {
        for (String f : new String[] {"regr_slope(qty, id)", "regr_intercept(qty, id)", "bitwise_xor_agg(id)", "map_union(attrs)",
                "multimap_agg(customer, id)"}) {
            AthenaSqlException e = error("SELECT " + f + " FROM orders");
            assertThat(e.errorType()).as(f).isEqualTo("NOT_SUPPORTED");
            assertThat(e.getMessage()).as(f).contains("'" + f.substring(0, f.indexOf('(')) + "'");
        }
    }

    @Test
    void trinoDocumentedFunctionsNotTranslated_areRefusedByName() {
        for (String f : new String[] {"ends_with('ab', 'b')", "array_first(ARRAY[1])", "from_base32('ME')", "title_case('ab')",
                "ST_Area(NULL)", "parse_data_size('1kB')", "format_number(1)", "multimap_from_entries(ARRAY[ROW(1, 2)])",
                "from_iso8601_timestamp_nanos('2024-01-01')", "version()"}) {
            AthenaSqlException e = error("SELECT " + f);
            assertThat(e.errorType()).as(f).isEqualTo("NOT_SUPPORTED");
            assertThat(e.getMessage()).as(f).containsIgnoringCase("'" + f.substring(0, f.indexOf('(')) + "'");
        }
        AthenaSqlException agg = error("SELECT convex_hull_agg(id) FROM orders");
        assertThat(agg.errorType()).isEqualTo("NOT_SUPPORTED");
        assertThat(agg.getMessage()).contains("'convex_hull_agg'");
    }
}
