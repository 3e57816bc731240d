package io.dataplatform.athena.engine.internal.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Aggregates, GROUP BY forms and window functions. */
class TrinoToDuckDbAggregateTest extends DuckDbHarness {

    @Test
    void groupBy_ordinalAndExpression() {
        assertThat(rows("SELECT region, count(*) FROM orders GROUP BY 1 ORDER BY 1"))
                .containsExactly(List.of("eu", "1"), List.of("us", "1"), Arrays.asList(null, "1"));
        assertThat(rows("SELECT upper(customer), sum(qty) FROM orders GROUP BY upper(customer) ORDER BY 2"))
                .containsExactly(List.of("CAROL", "1"), List.of("ALICE", "2"), List.of("BOB", "5"));
    }

    @Test
    void groupByExpressionWithALiteral_isNotAnOrdinal() {
        assertThat(column("SELECT qty + 1 FROM orders GROUP BY qty + 1 ORDER BY 1")).containsExactly("2", "3", "6");
    }

    @Test
    void groupByASelectAlias_failsAsInTrino() {
        assertThat(error("SELECT upper(customer) AS c, count(*) FROM orders GROUP BY c").getMessage())
                .isEqualTo("COLUMN_NOT_FOUND: line 1:60: Column 'c' cannot be resolved");
    }

    @Test
    void rollupCubeAndGroupingSets() {
        assertThat(rows("SELECT region, count(*) FROM orders WHERE region IS NOT NULL GROUP BY ROLLUP (region) ORDER BY region"))
                .containsExactly(List.of("eu", "1"), List.of("us", "1"), Arrays.asList(null, "2"));
        assertThat(rows("SELECT count(*) FROM orders GROUP BY GROUPING SETS ((region), ())")).hasSize(4);
        assertThat(rows("SELECT count(*) FROM orders GROUP BY CUBE (region, customer)")).hasSize(10);
    }

    @Test
    void arbitraryBoolsMaxByAndCountIf() {
        assertThat(rows("SELECT bool_and(qty > 0), bool_or(qty > 4), max_by(customer, qty), min_by(customer, qty), "
                + "count_if(region IS NULL), arbitrary(1) FROM orders"))
                .containsExactly(List.of("true", "true", "bob", "carol", "1", "1"));
    }

    @Test
    void arrayAggWithOrderBy_andMapAgg() {
        assertThat(value("SELECT array_agg(customer ORDER BY qty DESC) FROM orders")).isEqualTo("[bob, alice, carol]");
        assertThat(type("SELECT array_agg(qty) FROM orders")).isEqualTo("array(integer)");
        assertThat(value("SELECT map_agg(customer, qty)['bob'] FROM orders")).isEqualTo("5");
        assertThat(type("SELECT map_agg(customer, qty) FROM orders")).isEqualTo("map(varchar, integer)");
    }

    @Test
    void statisticsAndPercentile() {
        assertThat(rows("SELECT stddev(qty) > 0, variance(qty) > 0, approx_percentile(qty, 0.5) FROM orders"))
                .containsExactly(List.of("true", "true", "2"));
        assertThat(type("SELECT stddev(qty) FROM orders")).isEqualTo("double");
    }

    @Test
    void listaggWithinGroup() {
        assertThat(value("SELECT listagg(customer, ',') WITHIN GROUP (ORDER BY customer DESC) FROM orders"))
                .isEqualTo("carol,bob,alice");
    }

    @Test
    void distinctAndFilter() {
        assertThat(rows("SELECT count(DISTINCT region), sum(qty) FILTER (WHERE qty > 1) FROM orders"))
                .containsExactly(List.of("2", "7"));
    }

    @Test
    void windowFunctions_rankingIsBigint_withFrames() {
        assertThat(rows("SELECT customer, row_number() OVER (ORDER BY qty DESC), "
                + "sum(qty) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW), "
                + "lag(customer) OVER (ORDER BY id) FROM orders ORDER BY id"))
                .containsExactly(Arrays.asList("alice", "2", "2", null), List.of("bob", "1", "7", "alice"),
                        List.of("carol", "3", "8", "bob"));
        assertThat(translate("SELECT row_number() OVER (), rank() OVER (ORDER BY qty), percent_rank() OVER (ORDER BY qty) FROM orders")
                .resultColumns().stream().map(TypedColumn::trinoType).toList()).containsExactly("bigint", "bigint", "double");
    }

    @Test
    void windowOrderBy_putsNullsLast() {
        assertThat(column("SELECT region FROM orders ORDER BY row_number() OVER (ORDER BY region DESC)"))
                .containsExactly("us", "eu", null);
    }

    @Test
    void nonAggregatedColumn_failsWithExpressionNotAggregate() {
        assertThat(error("SELECT customer, count(*) FROM orders").getMessage())
                .isEqualTo("EXPRESSION_NOT_AGGREGATE: line 1:8: 'customer' must be an aggregate expression or appear in GROUP BY clause");
        assertThat(error("SELECT region, qty FROM orders GROUP BY region").errorType()).isEqualTo("EXPRESSION_NOT_AGGREGATE");
        assertThat(value("SELECT Customer FROM orders o GROUP BY o.customer HAVING sum(qty) > 4")).isEqualTo("bob");
    }

    @Test
    void namedWindows_fromTheWindowClause() {
        assertThat(rows("SELECT id, sum(qty) OVER w, rank() OVER (w ORDER BY qty DESC) FROM orders "
                + "WINDOW w AS (PARTITION BY region IS NULL) ORDER BY id"))
                .containsExactly(List.of("1", "3", "1"), List.of("2", "5", "1"), List.of("3", "3", "2"));
    }

    @Test
    void groupByEmptySet_isOneGroup() {
        assertThat(rows("SELECT sum(qty) FROM orders GROUP BY ()")).containsExactly(List.of("8"));
    }

    @Test
    void rankingFunctionWithoutOver_fails() {
        assertThat(error("SELECT rank() FROM orders").getMessage())
                .isEqualTo("FUNCTION_NOT_FOUND: line 1:8: Window function rank requires an OVER clause");
    }

    @Test
    void ignoreNulls_inNavigationFunctions() {
        assertThat(column("SELECT lag(region) IGNORE NULLS OVER (ORDER BY id) FROM orders ORDER BY id"))
                .containsExactly(null, "eu", "eu");
    }

    @Test
    void distinctInAWindowFunction_isNotSupportedAsInTrino() {
        assertThat(error("SELECT count(DISTINCT region) OVER () FROM orders").errorType()).isEqualTo("NOT_SUPPORTED");
    }

    @Test
    void bigintSumOverflow_failsWithNumericValueOutOfRange() {
        assertThat(error("SELECT sum(x) FROM (VALUES 9223372036854775807, 1) AS t(x)").getMessage())
                .isEqualTo("NUMERIC_VALUE_OUT_OF_RANGE: bigint addition overflow");
    }

    @Test
    void histogramAndBitwiseAggregates() {
        assertThat(rows("SELECT histogram(x)['a'], bitwise_or_agg(n), bitwise_and_agg(n) "
                + "FROM (VALUES ('a', 1), ('a', 3), ('b', 5)) AS t(x, n)")).containsExactly(List.of("2", "7", "1"));
        assertThat(type("SELECT histogram(qty) FROM orders")).isEqualTo("map(integer, bigint)");
    }

    @Test
    void setAgg_isNotRegisteredOnAthena() {
        assertThat(error("SELECT set_agg(qty) FROM orders").getMessage())
                .isEqualTo("FUNCTION_NOT_FOUND: line 1:8: Function 'set_agg' not registered");
    }

    @Test
    void trinoAggregateNotTranslated_isNotSupported() {
        assertThat(error("SELECT numeric_histogram(2, qty) FROM orders").getMessage())
                .isEqualTo("NOT_SUPPORTED: line 1:8: Trino's aggregate function 'numeric_histogram' is not supported by the fake Athena");
    }

    @Test
    void aggregateInWhere_andNestedAggregates_fail() {
        assertThat(error("SELECT id FROM orders WHERE sum(qty) > 1").getMessage())
                .isEqualTo("EXPRESSION_NOT_SCALAR: line 1:38: WHERE clause cannot contain aggregations, window functions or "
                        + "grouping operations: [sum(qty)]");
        assertThat(error("SELECT sum(count(*)) FROM orders").errorType()).isEqualTo("NESTED_AGGREGATION");
        assertThat(value("SELECT sum(count(*)) OVER () FROM orders")).isEqualTo("3");
    }

    @Test
    void orderByOfAnAggregation_usesGroupedExpressionsOnly() {
        assertThat(error("SELECT region, count(*) FROM orders GROUP BY region ORDER BY qty").getMessage())
                .isEqualTo("EXPRESSION_NOT_AGGREGATE: line 1:62: 'qty' must be an aggregate expression or appear in GROUP BY clause");
        assertThat(column("SELECT region, sum(qty) AS s FROM orders GROUP BY region ORDER BY s DESC, max(id)"))
                .containsExactly(null, "eu", "us");
    }

    @Test
    void minMaxAndMinByMaxBy_ofN_giveTheNValuesInOrder() {
        assertThat(rows("SELECT max(x, 2), min(x, 2), max(x, 5) FROM (VALUES 5, 1, NULL, 3) t(x)"))
                .containsExactly(List.of("[5, 3]", "[1, 3]", "[5, 3, 1]"));
        assertThat(rows("SELECT min_by(y, x, 2), max_by(y, x, 2) FROM (VALUES (1, 'a'), (3, 'c'), (2, 'b')) t(x, y)"))
                .containsExactly(List.of("[a, b]", "[c, b]"));
        assertThat(type("SELECT max(x, 2) FROM (VALUES 1) t(x)")).isEqualTo("array(integer)");
    }
}
