package io.dataplatform.athena.engine.internal.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** json_value and json_query: SQL/JSON paths in lax and strict mode, wrappers and the ON EMPTY / ON ERROR clauses. */
class TrinoToDuckDbSqlJsonTest extends DuckDbHarness {
    private static final String DOC = "'{\"comment\": \"nice\", \"children\": [10, 13, 16], \"price\": 1.5, \"ok\": true, \"none\": null}'";

    @Test
    void jsonValue_readsAScalarAsVarchar() {
        assertThat(rows("SELECT json_value(" + DOC + ", 'lax $.comment'), json_value(" + DOC + ", 'lax $.children[0]'), "
                + "json_value(" + DOC + ", '$.price'), json_value(" + DOC + ", 'strict $.ok'), json_value(" + DOC + ", 'lax $.none'), "
                + "json_value(" + DOC + ", 'lax $.children[last]')"))
                .containsExactly(Arrays.asList("nice", "10", "1.5E0", "true", null, "16"));
        assertThat(type("SELECT json_value('{\"a\": 1}', 'lax $.a')")).isEqualTo("varchar");
    }

    @Test
    void jsonValue_emptyAndErrorCases_takeTheirClause() {
        assertThat(rows("SELECT json_value(" + DOC + ", 'lax $.missing'), json_value(" + DOC + ", 'lax $.missing' DEFAULT 'm' ON EMPTY), "
                + "json_value(" + DOC + ", 'strict $.missing' DEFAULT 'e' ON ERROR), "
                + "json_value(" + DOC + ", 'lax $.children' DEFAULT 'e' ON ERROR), "
                + "json_value(" + DOC + ", 'lax $.children[*]' DEFAULT 'e' ON ERROR), json_value('not json', 'lax $' DEFAULT 'e' ON ERROR), "
                + "json_value(" + DOC + ", 'strict $.children[5]' DEFAULT 'e' ON ERROR), "
                + "json_value(" + DOC + ", 'lax $.children[5]' DEFAULT 'm' ON EMPTY), "
                + "json_value(CAST(NULL AS varchar), 'lax $' DEFAULT 'e' ON ERROR)"))
                .containsExactly(Arrays.asList(null, "m", "e", "e", "e", "e", "e", "m", null));
    }

    @Test
    void laxMode_unwrapsArraysForMembersAndWrapsScalarsForSubscripts() {
        assertThat(rows("SELECT json_value('[{\"a\": 1}]', 'lax $.a'), json_value('[{\"a\": 1}]', 'strict $.a' DEFAULT 'e' ON ERROR), "
                + "json_value('5', 'lax $[0]'), json_value('5', 'strict $[0]' DEFAULT 'e' ON ERROR), json_query('5', 'lax $[*]')"))
                .containsExactly(Arrays.asList("1", "e", "5", "e", "5"));
    }

    @Test
    void jsonQuery_returnsJsonText_withTheWrapperAsked() {
        assertThat(rows("SELECT json_query('{\"a\": [1, 2]}', 'lax $.a'), json_query(" + DOC + ", 'lax $.children[*]'), "
                + "json_query(" + DOC + ", 'lax $.children[*]' WITH ARRAY WRAPPER), "
                + "json_query(" + DOC + ", 'lax $.children[last]' WITH ARRAY WRAPPER), "
                + "json_query(" + DOC + ", 'lax $.children' WITH CONDITIONAL ARRAY WRAPPER), json_query(" + DOC + ", 'lax $.comment'), "
                + "json_query(" + DOC + ", 'lax $.comment' OMIT QUOTES), json_query(" + DOC + ", 'lax $.missing' EMPTY ARRAY ON EMPTY), "
                + "json_query(" + DOC + ", 'strict $.missing' EMPTY OBJECT ON ERROR), "
                + "json_query('{\"a\": {\"b\": 1}, \"c\": 2}', 'lax $.*' WITH ARRAY WRAPPER)"))
                .containsExactly(Arrays.asList("[1,2]", null, "[10,13,16]", "[16]", "[10,13,16]", "\"nice\"", "nice", "[]", "{}",
                        "[{\"b\":1},2]"));
        assertThat(type("SELECT json_query('{\"a\": [1, 2]}', 'lax $.a')")).isEqualTo("varchar");
    }

    @Test
    void jsonQuery_ofANumberTrinoWritesInScientificNotation_fails() {
        assertThat(error("SELECT json_query('[0.0001]', 'lax $')").errorType()).isEqualTo("NOT_SUPPORTED");
        assertThat(value("SELECT json_query('[0.5, 10]', 'lax $')")).isEqualTo("[0.5,10]");
    }

    @Test
    void unsupportedClausesAndPathConstructs_failNamingThem() {
        assertThat(error("SELECT json_value('{\"a\": 1}', 'lax $.a' ERROR ON EMPTY)").getMessage())
                .contains("NOT_SUPPORTED").contains("ERROR ON EMPTY");
        assertThat(error("SELECT json_query('{\"a\": 1}', 'lax $.a' ERROR ON ERROR)").getMessage()).contains("ERROR ON ERROR");
        assertThat(error("SELECT json_value('{\"a\": 1}', 'lax $.a' RETURNING bigint)").getMessage()).contains("RETURNING bigint");
        assertThat(error("SELECT json_value('[1, 2]', 'lax $[*]?(@ > 1)')").getMessage()).contains("?(@ > 1)");
        assertThat(error("SELECT json_value('[1, 2]', 'lax $.size()')").getMessage()).contains("NOT_SUPPORTED");
        assertThat(error("SELECT json_value('[1, 2]', 'lax $[0 to 1]')").getMessage()).contains("[0 to 1]");
    }

    @Test
    void jsonValueOfAColumn_isEvaluatedPerRow() {
        assertThat(column("SELECT json_value(payload, 'lax $.a.b') FROM orders ORDER BY id")).containsExactly("1", "2", null);
        assertThat(rows("SELECT json_query(payload, 'lax $.arr') FROM orders ORDER BY id"))
                .containsExactly(List.of("[10,20]"), List.of("[]"), Arrays.asList((String) null));
    }
}
