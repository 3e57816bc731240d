package io.dataplatform.athena.engine.internal.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** truncate(x, n), json_array_get, json_extract_scalar of numbers, split_to_map, crc32, human_readable_seconds, array_sort(a, f). */
class TrinoToDuckDbMoreFunctionsTest extends DuckDbHarness {

    @Test
    void truncateOfADecimal_dropsDigitsAndKeepsTheType() {
        assertThat(rows("SELECT truncate(CAST(2.789 AS decimal(5,3)), 1), truncate(CAST(-2.789 AS decimal(5,3)), 1), "
                + "truncate(CAST(123.45 AS decimal(5,2)), -1), truncate(CAST(2.789 AS decimal(5,3)), 5), truncate(CAST(2.789 AS decimal(5,3)), 0), "
                + "truncate(CAST(NULL AS decimal(5,3)), 1), truncate(CAST(999.99 AS decimal(5,2)), -9)"))
                .containsExactly(Arrays.asList("2.700", "-2.700", "120.00", "2.789", "2.000", null, "0.00"));
        assertThat(type("SELECT truncate(CAST(2.789 AS decimal(5,3)), 1)")).isEqualTo("decimal(5,3)");
        assertThat(error("SELECT truncate(amount, qty) FROM orders").errorType()).isEqualTo("NOT_SUPPORTED");
        assertThat(error("SELECT truncate(2.5e0, 1)").errorType()).isEqualTo("NOT_SUPPORTED");
    }

    @Test
    void jsonArrayGet_givesTheElementText_fromTheEndForNegativeIndexes() {
        assertThat(rows("SELECT json_array_get('[\"a\", \"b\"]', 1), json_array_get('[\"a\", [3, 9], {\"c\": 1}]', 1), "
                + "json_array_get('[\"a\", [3, 9], {\"c\": 1}]', -1), json_array_get('[1, 2]', 2), json_array_get('[1, 2]', -3), "
                + "json_array_get('[]', 0), json_array_get('{\"a\": 1}', 0), json_array_get('not json', 0), json_array_get('[null, true]', 0), "
                + "json_array_get('[null, true]', 1), json_array_get('[1.50, 2]', 0), json_array_get(CAST(NULL AS varchar), 0)"))
                .containsExactly(Arrays.asList("b", "[3,9]", "{\"c\":1}", null, null, null, null, null, null, "true", "1.50", null));
        assertThat(type("SELECT json_array_get('[1]', 0)")).isEqualTo("json");
        assertThat(column("SELECT json_array_get(json_extract(payload, '$.arr'), 0) FROM orders ORDER BY id"))
                .containsExactly("10", null, null);
    }

    @Test
    void jsonExtractScalarOfANumber_keepsTheTextItIsWrittenWith() {
        assertThat(rows("SELECT json_extract_scalar('{\"a\": 1.50}', '$.a'), json_extract_scalar('{\"a\": 1e3}', '$.a'), "
                + "json_extract_scalar('{\"a\": {\"b\": [0, 2.0]}}', '$.a.b[1]'), json_extract_scalar('{\"a\": 1}', '$.b'), "
                + "json_extract_scalar('{\"a\": null}', '$.a'), json_extract_scalar('{\"a\": [1]}', '$.a')"))
                .containsExactly(Arrays.asList("1.50", "1e3", "2.0", null, null, null));
        // Of a column, DuckDB only has the value: a number written otherwise than DuckDB writes it is refused.
        assertThat(value("SELECT json_extract_scalar(j, '$.a') FROM (VALUES '{\"a\": 2.5}') t(j)")).isEqualTo("2.5");
        assertThat(error("SELECT json_extract_scalar(j, '$.a') FROM (VALUES '{\"a\": 2.50}') t(j)").errorType()).isEqualTo("NOT_SUPPORTED");
    }

    @Test
    void splitToMap_splitsEntriesAndKeys() {
        assertThat(rows("SELECT split_to_map('a=1,b=2', ',', '='), split_to_map('', ',', '='), split_to_map('a=1,', ',', '='), "
                + "split_to_map('k:=v;;x:=', ';;', ':='), split_to_map(CAST(NULL AS varchar), ',', '=')"))
                .containsExactly(Arrays.asList("{a=1, b=2}", "{}", "{a=1}", "{k=v, x=''}", null));
        assertThat(type("SELECT split_to_map('a=1', ',', '=')")).isEqualTo("map(varchar, varchar)");
        assertThat(error("SELECT split_to_map('a=1,a=2', ',', '=')").getMessage())
                .isEqualTo("INVALID_FUNCTION_ARGUMENT: Duplicate keys (a) are not allowed");
        assertThat(error("SELECT split_to_map('a=1,b', ',', '=')").getMessage())
                .isEqualTo("INVALID_FUNCTION_ARGUMENT: Key-value delimiter must appear exactly once in each entry. Bad input: 'b'");
        assertThat(error("SELECT split_to_map('a=1', ',', ',')").errorType()).isEqualTo("INVALID_FUNCTION_ARGUMENT");
    }

    @Test
    void crc32_ofBytes() {
        assertThat(rows("SELECT crc32(to_utf8('abc')), crc32(to_utf8('')), crc32(to_utf8('The quick brown fox jumps over the lazy dog')), "
                + "crc32(X'FF00'), crc32(CAST(NULL AS varbinary))"))
                .containsExactly(Arrays.asList("891568578", "0", "1095738169", "3539857293", null));
        assertThat(type("SELECT crc32(to_utf8('abc'))")).isEqualTo("bigint");
        assertThat(error("SELECT crc32('abc')").errorType()).isEqualTo("FUNCTION_NOT_FOUND");
    }

    @Test
    void xxhash64_isXxh64WithSeedZero_bigEndian() {
        // Reference values of XXH64 (seed 0); 100 bytes cover the 32-byte stripes and every tail step.
        assertThat(rows("SELECT to_hex(xxhash64(to_utf8(''))), to_hex(xxhash64(to_utf8('abc'))), "
                + "to_hex(xxhash64(to_utf8('The quick brown fox jumps over the lazy dog'))), xxhash64(CAST(NULL AS varbinary))"))
                .containsExactly(Arrays.asList("EF46DB3751D8E999", "44BC2CF5AD770999", "0B242D361FDA71BC", null));
        assertThat(value("SELECT to_hex(xxhash64(from_hex('000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F"
                + "202122232425262728292A2B2C2D2E2F303132333435363738393A3B3C3D3E3F404142434445464748494A4B4C4D4E4F"
                + "505152535455565758595A5B5C5D5E5F60616263')))")).isEqualTo("6AC1E58032166597");
        assertThat(type("SELECT xxhash64(to_utf8('abc'))")).isEqualTo("varbinary");
        assertThat(error("SELECT xxhash64('abc')").errorType()).isEqualTo("FUNCTION_NOT_FOUND");
    }

    @Test
    void checksum_sumsTrinosValueHashes_inAnyOrder() {
        // Expected: the 64-bit sum of XXH64(value) * 0x9E3779B185EBCA87 (the constant for a NULL), little-endian.
        assertThat(rows("SELECT to_hex(checksum(x)) FROM (VALUES 'a', 'b', NULL) t(x)")).containsExactly(List.of("414349CF07751210"));
        assertThat(rows("SELECT to_hex(checksum(x)) FROM (VALUES 'b', 'a') t(x)")).containsExactly(List.of("BA785D4956FBDA71"));
        assertThat(rows("SELECT to_hex(checksum(x)) FROM (VALUES BIGINT '1', BIGINT '-2', NULL) t(x)"))
                .containsExactly(List.of("13421113654A6E2E"));
        assertThat(rows("SELECT to_hex(checksum(x)) FROM (VALUES 5) t(x)")).containsExactly(List.of("2B31E6AFC8C9D324"));
        assertThat(rows("SELECT checksum(customer) FROM orders WHERE id < 0")).containsExactly(Arrays.asList((String) null));
        assertThat(type("SELECT checksum(customer) FROM orders")).isEqualTo("varbinary");
        // typeof of an aggregate still aggregates: one row.
        assertThat(rows("SELECT typeof(checksum(customer)) FROM orders")).containsExactly(List.of("varbinary"));
        assertThat(rows("SELECT typeof(sum(qty)), typeof(qty) FROM orders GROUP BY qty HAVING qty = 2"))
                .containsExactly(List.of("bigint", "integer"));
        assertThat(rows("SELECT region, length(checksum(id)) FROM orders GROUP BY region ORDER BY region"))
                .containsExactly(List.of("eu", "8"), List.of("us", "8"), Arrays.asList(null, "8"));
        assertThat(error("SELECT checksum(amount) FROM orders").errorType()).isEqualTo("NOT_SUPPORTED");
        assertThat(error("SELECT checksum(DISTINCT customer) FROM orders").errorType()).isEqualTo("NOT_SUPPORTED");
    }

    @Test
    void humanReadableSeconds_namesWeeksToSeconds() {
        assertThat(rows("SELECT human_readable_seconds(3661), human_readable_seconds(96), human_readable_seconds(56363463), "
                + "human_readable_seconds(0), human_readable_seconds(1.5e0), human_readable_seconds(-60), human_readable_seconds(604800), "
                + "human_readable_seconds(CAST(NULL AS double))"))
                .containsExactly(Arrays.asList("1 hour, 1 minute, 1 second", "1 minute, 36 seconds",
                        "93 weeks, 1 day, 8 hours, 31 minutes, 3 seconds", "0 seconds", "2 seconds", "1 minute", "1 week", null));
        assertThat(error("SELECT human_readable_seconds(nan())").getMessage())
                .isEqualTo("INVALID_FUNCTION_ARGUMENT: Invalid argument found: NaN");
    }

    @Test
    void arraySortWithAComparator_sortsStably() {
        assertThat(rows("SELECT array_sort(ARRAY[3, 1, 2], (a, b) -> IF(a < b, 1, IF(a = b, 0, -1))), "
                + "array_sort(ARRAY['bb', 'a', 'ccc', 'dd'], (x, y) -> IF(length(x) < length(y), -1, IF(length(x) = length(y), 0, 1))), "
                + "array_sort(CAST(ARRAY[] AS array(integer)), (a, b) -> 0), array_sort(CAST(NULL AS array(integer)), (a, b) -> 0)"))
                .containsExactly(Arrays.asList("[3, 2, 1]", "[a, bb, dd, ccc]", "[]", null));
        assertThat(column("SELECT array_sort(tags, (a, b) -> IF(a < b, 1, IF(a = b, 0, -1))) FROM orders ORDER BY id"))
                .containsExactly("[b, a]", "[c]", "[]");
        assertThat(error("SELECT array_sort(ARRAY[2, 1], (a, b) -> CAST(NULL AS integer))").getMessage())
                .isEqualTo("INVALID_FUNCTION_ARGUMENT: Lambda comparator must return either -1, 0, or 1");
        assertThat(rows("SELECT array_sort(ARRAY[5], (a, b) -> CAST(NULL AS integer))")).containsExactly(List.of("[5]"));
        assertThat(error("SELECT array_sort(ARRAY[2, 1], (a, b) -> (a - b) * 2)").getMessage())
                .isEqualTo("INVALID_FUNCTION_ARGUMENT: Lambda comparator must return either -1, 0, or 1");
        assertThat(error("SELECT array_sort(ARRAY[2, NULL, 1], (a, b) -> IF(a < b, -1, IF(a = b, 0, 1)))").errorType())
                .isEqualTo("NOT_SUPPORTED");
        assertThat(type("SELECT array_sort(ARRAY[3, 1], (a, b) -> 0)")).isEqualTo("array(integer)");
        assertThat(rows("SELECT array_sort(ARRAY[3, 1, 2])")).containsExactly(List.of("[1, 2, 3]"));
    }
}
