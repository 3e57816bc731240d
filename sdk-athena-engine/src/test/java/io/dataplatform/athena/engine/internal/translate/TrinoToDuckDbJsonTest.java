package io.dataplatform.athena.engine.internal.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON functions with Trino's JSON path semantics. */
class TrinoToDuckDbJsonTest extends DuckDbHarness {

    @Test
    void jsonExtractScalar_readsScalars_andIsNullForObjectsAndBadJson() {
        assertThat(column("SELECT json_extract_scalar(payload, '$.a.b') FROM orders ORDER BY id")).containsExactly("1", "2", null);
        assertThat(rows("SELECT json_extract_scalar('{\"a\":{\"b\":1}}', '$.a'), json_extract_scalar('{\"x\":[5,6]}', '$.x[0]'), "
                + "json_extract_scalar('{\"x y\":\"z\"}', '$[\"x y\"]')")).containsExactly(Arrays.asList(null, "5", "z"));
        assertThat(type("SELECT json_extract_scalar(payload, '$.s') FROM orders")).isEqualTo("varchar");
    }

    @Test
    void jsonExtract_returnsJson() {
        assertThat(value("SELECT json_format(json_extract(payload, '$.arr')) FROM orders WHERE id = 1")).isEqualTo("[10,20]");
        assertThat(type("SELECT json_extract(payload, '$.arr') FROM orders")).isEqualTo("json");
    }

    @Test
    void jsonParseAndFormat_normaliseTheText() {
        assertThat(value("SELECT json_format(json_parse('{ \"a\" : [1, 2] }'))")).isEqualTo("{\"a\":[1,2]}");
    }

    @Test
    void jsonParseOfInvalidText_fails() {
        assertThat(error("SELECT json_parse('not json')").errorType()).isEqualTo("INVALID_FUNCTION_ARGUMENT");
    }

    @Test
    void jsonArrayLengthAndContains() {
        assertThat(rows("SELECT json_array_length('[1,2,3]'), json_array_contains('[1,2,3]', 2), "
                + "json_array_contains('[\"a\"]', 'a'), json_array_contains('[1]', 5)"))
                .containsExactly(List.of("3", "true", "true", "false"));
        assertThat(type("SELECT json_array_length('[1]')")).isEqualTo("bigint");
    }

    @Test
    void castOfJson_toVarcharTakesScalarsOnly() {
        assertThat(value("SELECT CAST(json_parse('\"abc\"') AS varchar)")).isEqualTo("abc");
        assertThat(error("SELECT CAST(json_parse('{\"a\":1}') AS varchar)").errorType()).isEqualTo("INVALID_CAST_ARGUMENT");
    }

    @Test
    void jsonParseOfALiteral_sortsObjectKeysAsTrinoDoes() {
        assertThat(value("SELECT json_format(json_parse('{\"b\": 1, \"a\": [1, {\"d\": 2, \"c\": 1.50}]}'))"))
                .isEqualTo("{\"a\":[1,{\"c\":1.5,\"d\":2}],\"b\":1}");
    }

    @Test
    void jsonPathWithArrayWildcard_isInvalidAsInTrino() {
        assertThat(error("SELECT json_extract('[{\"a\": 1}, {\"a\": 2}]', '$[*].a')").getMessage())
                .isEqualTo("INVALID_FUNCTION_ARGUMENT: line 1:8: Invalid JSON path: '$[*].a'");
    }
}
