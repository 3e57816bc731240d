package io.dataplatform.athena.engine.internal.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Math, binary, set-like array functions, grouping() and what the fake Athena does not translate. */
class TrinoToDuckDbFunctionTest extends DuckDbHarness {

    @Test
    void mathFunctions_keepTrinoTypes() {
        assertThat(rows("SELECT abs(-5), round(2.5e0), round(-2.5), round(2.345, 2), floor(2.7e0), ceil(2.1), sqrt(16), "
                + "power(2, 10), greatest(1, 5, 3), least(2.5, 1)"))
                .containsExactly(List.of("5", "3.0", "-3", "2.350", "2.0", "3", "4.0", "1024.0", "5", "1.0"));
        assertThat(translate("SELECT abs(-5), round(2.5), ceil(2.1), sqrt(16), greatest(1, 2.5)").resultColumns().stream()
                .map(TypedColumn::trinoType).toList()).containsExactly("integer", "decimal(2,0)", "decimal(2,0)", "double",
                "decimal(11,1)");
    }

    @Test
    void upperAndLower_mapCodePointByCodePoint_asJavasCharacterDoesInTrino() {
        // Character.toUpperCase('ß') is 'ß' (no one-char capital); DuckDB's own upper() would answer 'ẞ'.
        assertThat(rows("SELECT upper('straße ß x'), upper('ẞ'), lower('STRAẞE İ'), upper(NULL), upper(''), "
                + "upper(CAST('ǆa' AS varchar(3)))"))
                .containsExactly(java.util.Arrays.asList("STRAßE ß X", "ẞ", "straße i", null, "", "ǄA"));
    }

    @Test
    void binaryFunctions() {
        assertThat(rows("SELECT to_hex(to_utf8('ab')), from_utf8(from_hex('6162')), to_hex(md5(to_utf8('a'))), "
                + "to_base64(to_utf8('ab'))")).containsExactly(List.of("6162", "ab", "0CC175B9C0F1B6A831C399E269772661", "YWI="));
    }

    @Test
    void setLikeArrayFunctions_keepFirstAppearanceOrder() {
        assertThat(rows("SELECT array_union(ARRAY[3, 1], ARRAY[1, 2]), array_intersect(ARRAY[3, 1, 2], ARRAY[2, 3]), "
                + "array_except(ARRAY[3, 1, 2], ARRAY[1]), arrays_overlap(ARRAY[1], ARRAY[2]), repeat('x', 2)"))
                .containsExactly(List.of("[3, 1, 2]", "[3, 2]", "[3, 2]", "false", "[x, x]"));
    }

    @Test
    void grouping_marksRolledUpColumns() {
        assertThat(rows("SELECT region, grouping(region) FROM orders WHERE region IS NOT NULL GROUP BY ROLLUP (region) "
                + "ORDER BY 2, 1")).containsExactly(List.of("eu", "0"), List.of("us", "0"), java.util.Arrays.asList(null, "1"));
    }

    @Test
    void trinoFunctionNotTranslated_isNotSupported() {
        assertThat(error("SELECT soundex('a')").getMessage())
                .isEqualTo("NOT_SUPPORTED: line 1:8: Trino's function 'soundex' is not supported by the fake Athena");
    }

    @Test
    void betweenOfIncompatibleTypes_failsWithTrinosMessage() {
        assertThat(error("SELECT 1 BETWEEN 'a' AND 2").getMessage())
                .isEqualTo("TYPE_MISMATCH: line 1:10: Cannot check if integer is BETWEEN varchar(1) and integer");
    }

    @Test
    void stringFunctionOnANumber_failsWithUnexpectedParameters() {
        assertThat(error("SELECT strpos(123, '1')").errorType()).isEqualTo("FUNCTION_NOT_FOUND");
    }

    @Test
    void concatWsRegexpCountAndBitwiseFunctions() {
        assertThat(rows("SELECT concat_ws('-', 'a', NULL, 'b'), concat_ws(',', ARRAY['x', 'y']), regexp_count('a1b22c', '[0-9]+'), "
                + "bitwise_and(12, 10), bitwise_or(12, 10), bitwise_xor(12, 10), bitwise_not(0)"))
                .containsExactly(List.of("a-b", "x,y", "2", "8", "14", "6", "-1"));
    }

    @Test
    void mathOutsideItsDomain_isNaNOrAnInfinity_asJavaMathAnswers() {
        // Trino computes these with java.lang.Math; DuckDB fails them.
        assertThat(rows("SELECT sqrt(-1), ln(0), ln(-1), log10(0), log2(-2), asin(2), acos(-2), log(2, 0)"))
                .containsExactly(List.of("NaN", "-Infinity", "NaN", "-Infinity", "NaN", "NaN", "NaN", "-Infinity"));
    }

    @Test
    void nan_equalsNothing_andIsNeitherLessNorGreaterThanAnything() {
        assertThat(rows("SELECT nan() = nan(), nan() <> nan(), nan() < 1e0, nan() > 1e0, 1e0 BETWEEN 0e0 AND nan(), "
                + "nan() IN (1e0, nan()), CAST(NULL AS double) = nan()"))
                .containsExactly(java.util.Arrays.asList("false", "true", "false", "false", "false", "false", null));
        assertThat(column("SELECT x FROM (VALUES 1e0, nan()) t(x) WHERE x = x")).containsExactly("1.0");
        assertThat(value("SELECT count(*) FROM (VALUES 1e0, nan()) a(x) JOIN (VALUES 1e0, nan()) b(y) ON x = y")).isEqualTo("1");
    }

    @Test
    void nan_matchesNoCaseWhen_isNoNullifMatch_andIsInNoSubquery_asTrinosEqualsDecides() {
        assertThat(rows("SELECT CASE nan() WHEN nan() THEN 'match' ELSE 'no' END, CASE 1 WHEN 1e0 THEN 'one' END, "
                + "CASE x WHEN 2 THEN 'two' WHEN nan() THEN 'nan' ELSE 'other' END, nullif(nan(), nan()), nullif(1e0, 1), "
                + "nan() IN (SELECT nan()), 1e0 IN (SELECT y FROM (VALUES nan(), 1e0) t(y)), "
                + "nan() IN (SELECT y FROM (VALUES 1e0, NULL) t(y)), nan() IN (SELECT 1e0 WHERE false) FROM (VALUES nan()) v(x)"))
                .containsExactly(java.util.Arrays.asList("no", "one", "other", "NaN", null, "false", "true", null, "false"));
    }

    @Test
    void theSmallestInteger_negatedOrAbsolute_overflowsAsInTrino() {
        assertThat(error("SELECT abs(CAST(-2147483648 AS integer))").getMessage())
                .contains("NUMERIC_VALUE_OUT_OF_RANGE").contains("Value -2147483648 is out of range for abs(integer)");
        assertThat(error("SELECT -CAST(-2147483648 AS integer)").getMessage()).contains("integer negation overflow");
        assertThat(error("SELECT -(-9223372036854775807 - 1)").getMessage()).contains("bigint negation overflow");
        assertThat(rows("SELECT -x, abs(-x) FROM (VALUES 5) t(x)")).containsExactly(List.of("-5", "5"));
    }
}
