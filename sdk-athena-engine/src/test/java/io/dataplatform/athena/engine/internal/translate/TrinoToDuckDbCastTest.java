package io.dataplatform.athena.engine.internal.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CAST and TRY_CAST with Trino's rounding, truncation, padding and errors. */
class TrinoToDuckDbCastTest extends DuckDbHarness {

    @Test
    void castToInteger_roundsHalfAwayFromZero() {
        assertThat(rows("SELECT CAST(2.5 AS integer), CAST(-2.5 AS integer), CAST(2.5e0 AS integer), CAST(-2.5e0 AS bigint)"))
                .containsExactly(List.of("3", "-3", "3", "-3"));
    }

    @Test
    void castOutOfRange_fails() {
        AthenaSqlException e = error("SELECT CAST(300 AS tinyint)");
        assertThat(e.errorType()).isEqualTo("NUMERIC_VALUE_OUT_OF_RANGE");
        assertThat(e.getMessage()).isEqualTo("NUMERIC_VALUE_OUT_OF_RANGE: Out of range for tinyint: 300");
    }

    @Test
    void castOfBadString_failsWithInvalidCastArgument_andTryCastIsNull() {
        assertThat(error("SELECT CAST('abc' AS integer)").getMessage())
                .isEqualTo("INVALID_CAST_ARGUMENT: Cannot cast 'abc' to INT");
        assertThat(value("SELECT TRY_CAST('abc' AS integer)")).isNull();
        assertThat(value("SELECT try(CAST('abc' AS bigint))")).isNull();
    }

    @Test
    void castToVarcharN_truncates_andCharN_pads() {
        assertThat(value("SELECT CAST('abcdef' AS varchar(3))")).isEqualTo("abc");
        assertThat(value("SELECT CAST('ab' AS char(4)) || '|'")).isEqualTo("ab  |");
        assertThat(type("SELECT CAST('abcdef' AS varchar(3))")).isEqualTo("varchar(3)");
    }

    @Test
    void castToSparkType_failsWithUnknownType() {
        assertThat(error("SELECT CAST(1 AS string)").getMessage()).isEqualTo("TYPE_MISMATCH: line 1:18: Unknown type: string");
    }

    @Test
    void castToRow_namesTheFields() {
        assertThat(value("SELECT CAST(ROW(1, 'x') AS ROW(a integer, b varchar)).b")).isEqualTo("x");
        assertThat(type("SELECT CAST(ROW(1, 'x') AS ROW(a integer, b varchar))")).isEqualTo("row(a integer, b varchar)");
    }

    @Test
    void castTimestampToVarchar_rendersItsPrecision() {
        assertThat(value("SELECT CAST(ts AS varchar) FROM orders WHERE id = 3")).isEqualTo("2024-03-01 00:00:00.000");
    }

    @Test
    void castDecimalToVarchar_keepsTheScale() {
        assertThat(value("SELECT CAST(amount AS varchar) FROM orders WHERE id = 3")).isEqualTo("5.00");
    }

    @Test
    void castJsonToArray() {
        assertThat(value("SELECT CAST(json_parse('[1, 2, 3]') AS ARRAY(integer))")).isEqualTo("[1, 2, 3]");
        assertThat(type("SELECT CAST(json_parse('[\"a\"]') AS ARRAY(varchar))")).isEqualTo("array(varchar)");
    }

    @Test
    void castToJson_ofStringIsAJsonString() {
        assertThat(value("SELECT json_format(CAST('abc' AS json))")).isEqualTo("\"abc\"");
    }

    @Test
    void castOfStringsDuckDbWouldAccept_failsAsInTrino() {
        assertThat(error("SELECT CAST('2.5' AS integer)").errorType()).isEqualTo("INVALID_CAST_ARGUMENT");
        assertThat(error("SELECT CAST('1e3' AS bigint)").errorType()).isEqualTo("INVALID_CAST_ARGUMENT");
        assertThat(error("SELECT CAST('yes' AS boolean)").errorType()).isEqualTo("INVALID_CAST_ARGUMENT");
        assertThat(error("SELECT CAST('2024-01-01 10:00' AS date)").getMessage())
                .isEqualTo("INVALID_CAST_ARGUMENT: Value cannot be cast to date: 2024-01-01 10:00");
        assertThat(rows("SELECT CAST(' 12 ' AS integer), CAST('T' AS boolean), CAST('2024-01-05' AS date), TRY_CAST('2.5' AS integer)"))
                .containsExactly(java.util.Arrays.asList("12", "true", "2024-01-05", null));
    }

    @Test
    void castOfDoubleToVarchar_isScientificAtEveryMagnitude_asInTrino476() {
        assertThat(rows("SELECT CAST(1e7 AS varchar), CAST(123456789.125e0 AS varchar), CAST(1.2345e20 AS varchar), "
                + "CAST(-1.5e-10 AS varchar), CAST(0.0001e0 AS varchar), CAST(1.5e0 AS varchar), CAST(100e0 AS varchar), "
                + "CAST(0e0 AS varchar), CAST(-0.25e0 AS varchar), CAST(0.1e0 + 0.2e0 AS varchar)"))
                .containsExactly(List.of("1.0E7", "1.23456789125E8", "1.2345E20", "-1.5E-10", "1.0E-4", "1.5E0", "1.0E2", "0.0E0",
                        "-2.5E-1", "3.0000000000000004E-1"));
        assertThat(rows("SELECT CAST(nan() AS varchar), CAST(-infinity() AS varchar), CAST(CAST(NULL AS double) AS varchar)"))
                .containsExactly(java.util.Arrays.asList("NaN", "-Infinity", null));
    }

    @Test
    void castOfTimestampWithTimeZoneToVarchar_namesTheZone() {
        assertThat(value("SELECT CAST(from_unixtime(0) AS varchar)")).isEqualTo("1970-01-01 00:00:00.000 UTC");
    }

    @Test
    void castOfACollectionToVarchar_failsAsTrinoHasNoSuchCast() {
        assertThat(error("SELECT CAST(ARRAY[1] AS varchar)").getMessage())
                .isEqualTo("TYPE_MISMATCH: line 1:8: Cannot cast array(integer) to varchar");
    }

    @Test
    void castOfDoubleToDecimal_roundsHalfAwayFromZero() {
        assertThat(rows("SELECT CAST(2.5e0 AS decimal(2,0)), CAST(-2.5e0 AS decimal(2,0)), CAST(0.125e0 AS decimal(3,2))"))
                .containsExactly(List.of("3", "-3", "0.13"));
    }

    @Test
    void castOfBadJsonToArray_namesTheElement_andJsonNullIsNull() {
        assertThat(error("SELECT CAST(json_parse('[\"x\"]') AS ARRAY(integer))").getMessage())
                .isEqualTo("INVALID_CAST_ARGUMENT: Cannot cast to array(integer). Cannot cast 'x' to INT");
        assertThat(value("SELECT CAST(json_parse('null') AS ARRAY(integer))")).isNull();
        assertThat(value("SELECT TRY_CAST(json_parse('[\"x\"]') AS ARRAY(integer))")).isNull();
        assertThat(value("SELECT CAST(json_parse('[1, null]') AS ARRAY(bigint))")).isEqualTo("[1, NULL]");
    }

    @Test
    void castOfNanToInteger_failsAsInTrino() {
        assertThat(error("SELECT CAST(nan() AS integer)").getMessage())
                .isEqualTo("INVALID_CAST_ARGUMENT: Cannot cast double NaN to integer");
        assertThat(error("SELECT CAST(1e20 AS integer)").getMessage()).startsWith("INVALID_CAST_ARGUMENT: Out of range for integer: ");
    }

    @Test
    void decimalOverflow_isTrinosDecimalOverflow() {
        assertThat(error("SELECT CAST('99999999999999999999999999999999999999' AS decimal(38,0)) + 1").getMessage())
                .isEqualTo("NUMERIC_VALUE_OUT_OF_RANGE: Decimal overflow");
    }

    @Test
    void castOfNumberToBoolean_isNotZero() {
        assertThat(rows("SELECT CAST(0 AS boolean), CAST(2 AS boolean), CAST(-1.5e0 AS boolean), TRY_CAST(0.0 AS boolean)"))
                .containsExactly(List.of("false", "true", "true", "false"));
    }

    @Test
    void commonTypeErrors_useTrinosWording() {
        assertThat(error("SELECT coalesce(1, 'a')").getMessage()).startsWith("TYPE_MISMATCH: line 1:8: All COALESCE operands must be the same type");
        assertThat(error("SELECT ARRAY[1, 'a']").getMessage()).startsWith("TYPE_MISMATCH: line 1:8: All ARRAY elements must be the same type");
        assertThat(error("SELECT 1 IN ('1', '2')").getMessage())
                .contains("IN value and list items must be the same type or coercible to a common type");
    }

    @Test
    void booleanToANumber_isOneOrZero() {
        assertThat(rows("SELECT CAST(true AS integer), CAST(false AS double), CAST(true AS decimal(3,1)), CAST(true AS tinyint)"))
                .containsExactly(List.of("1", "0.0", "1.0", "1"));
    }

    @Test
    void doubleToReal_beyondRealsRange_isAnInfinity() {
        // As Java's (float) narrowing, which Trino uses: no error.
        assertThat(rows("SELECT CAST(1e39 AS real), CAST(-1e39 AS real), CAST(1.5e0 AS real)"))
                .containsExactly(List.of("Infinity", "-Infinity", "1.5"));
    }
}
