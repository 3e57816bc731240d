package io.dataplatform.athena.engine.internal.translate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Spark and Hive habits Trino rejects fail here as they fail on Athena. */
class TrinoToDuckDbRejectionTest extends DuckDbHarness {

    @Test
    void backtickIdentifier_isASyntaxError() {
        assertThat(TrinoToDuckDbTest.catchSyntax("SELECT `id` FROM orders").getMessage())
                .startsWith("SYNTAX_ERROR: line 1:8: backquoted identifiers are not supported; use double quotes to quote identifiers");
    }

    @Test
    void doubleEquals_isASyntaxError() {
        assertThat(TrinoToDuckDbTest.catchSyntax("SELECT * FROM orders WHERE id == 1").errorType()).isEqualTo("SYNTAX_ERROR");
    }

    @Test
    void lateralViewExplode_isASyntaxError() {
        assertThat(TrinoToDuckDbTest.catchSyntax("SELECT t FROM orders LATERAL VIEW explode(tags) x AS t").errorType())
                .isEqualTo("SYNTAX_ERROR");
    }

    @Test
    void div_isASyntaxError() {
        assertThat(TrinoToDuckDbTest.catchSyntax("SELECT 5 DIV 2").errorType()).isEqualTo("SYNTAX_ERROR");
    }

    @Test
    void hiveFunctions_areNotRegistered() {
        assertThat(error("SELECT nvl(region, 'x') FROM orders").getMessage())
                .isEqualTo("FUNCTION_NOT_FOUND: line 1:8: Function 'nvl' not registered");
        assertThat(error("SELECT size(tags) FROM orders").getMessage())
                .isEqualTo("FUNCTION_NOT_FOUND: line 1:8: Function 'size' not registered");
    }

    @Test
    void wrongArgumentTypes_failWithUnexpectedParameters() {
        assertThat(error("SELECT abs('x')").getMessage())
                .isEqualTo("FUNCTION_NOT_FOUND: line 1:8: Unexpected parameters (varchar(1)) for function abs");
    }

    @Test
    void arithmeticOnVarchar_failsWithTypeMismatch() {
        assertThat(error("SELECT customer + 1 FROM orders").getMessage())
                .isEqualTo("TYPE_MISMATCH: line 1:17: Cannot apply operator: varchar + integer");
    }

    @Test
    void whereOnANonBoolean_fails() {
        assertThat(error("SELECT * FROM orders WHERE qty").getMessage())
                .isEqualTo("TYPE_MISMATCH: line 1:28: WHERE clause must evaluate to a boolean: actual type integer");
        assertThat(error("SELECT customer FROM orders GROUP BY customer HAVING count(*)").getMessage())
                .isEqualTo("TYPE_MISMATCH: line 1:54: HAVING clause must evaluate to a boolean: actual type bigint");
        assertThat(error("SELECT 1 FROM orders o JOIN customers c ON o.id").getMessage())
                .isEqualTo("TYPE_MISMATCH: line 1:44: JOIN ON clause must evaluate to a boolean: actual type bigint");
    }
}
