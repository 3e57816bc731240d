package io.dataplatform.athena.engine.internal.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FROM clauses, joins, subqueries, VALUES, WITH and set operations. */
class TrinoToDuckDbRelationTest extends DuckDbHarness {

    @Test
    void qualifiedTableNames_resolveThroughTheResolver() {
        assertThat(value("SELECT count(*) FROM awsdatacatalog.sales.orders")).isEqualTo("3");
        assertThat(value("SELECT count(*) FROM sales.orders WHERE orders.qty > 1")).isEqualTo("2");
        assertThat(value("SELECT count(*) FROM \"SALES\".\"ORDERS\"")).isEqualTo("3");
    }

    @Test
    void joins() {
        assertThat(rows("SELECT o.customer, c.tier FROM orders o JOIN customers c ON o.customer = c.customer ORDER BY 1"))
                .containsExactly(List.of("alice", "gold"), List.of("bob", "silver"));
        assertThat(rows("SELECT o.id, c.customer FROM orders o FULL JOIN customers c ON o.customer = c.customer ORDER BY 1, 2"))
                .hasSize(4);
        assertThat(rows("SELECT customer, tier FROM orders LEFT JOIN customers USING (customer) ORDER BY customer"))
                .containsExactly(List.of("alice", "gold"), List.of("bob", "silver"), Arrays.asList("carol", null));
    }

    @Test
    void ambiguousColumn_fails() {
        assertThat(error("SELECT customer FROM orders, customers").getMessage())
                .isEqualTo("AMBIGUOUS_NAME: line 1:8: Column 'customer' is ambiguous");
    }

    @Test
    void values_asARelationAndAsAQuery() {
        assertThat(rows("SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS t(id, name) ORDER BY id"))
                .containsExactly(List.of("1", "a"), List.of("2", "b"));
        assertThat(translate("VALUES (1, 'a')").resultColumns())
                .containsExactly(new TypedColumn("_col0", "integer"), new TypedColumn("_col1", "varchar(1)"));
    }

    @Test
    void with_andSubqueries() {
        assertThat(value("WITH big AS (SELECT * FROM orders WHERE qty > 1) SELECT count(*) FROM big")).isEqualTo("2");
        assertThat(column("SELECT customer FROM orders WHERE qty = (SELECT max(qty) FROM orders)")).containsExactly("bob");
        assertThat(column("SELECT customer FROM orders o WHERE EXISTS (SELECT 1 FROM customers c WHERE c.customer = o.customer) "
                + "ORDER BY 1")).containsExactly("alice", "bob");
        assertThat(column("SELECT customer FROM orders WHERE customer IN (SELECT customer FROM customers WHERE tier = 'gold')"))
                .containsExactly("alice");
        assertThat(value("SELECT s.n FROM (SELECT count(*) AS n FROM orders) s")).isEqualTo("3");
    }

    @Test
    void setOperations_withAllAndDistinct() {
        assertThat(column("SELECT customer FROM orders UNION SELECT customer FROM customers ORDER BY 1"))
                .containsExactly("alice", "bob", "carol", "dave");
        assertThat(column("SELECT 1 UNION ALL SELECT 1")).containsExactly("1", "1");
        assertThat(column("SELECT customer FROM orders INTERSECT SELECT customer FROM customers ORDER BY customer"))
                .containsExactly("alice", "bob");
        assertThat(column("SELECT customer FROM orders EXCEPT SELECT customer FROM customers")).containsExactly("carol");
        assertThat(type("SELECT 1 UNION SELECT 2.5")).isEqualTo("decimal(11,1)");
    }

    @Test
    void setOperation_withIncompatibleTypes_fails() {
        assertThat(error("SELECT 1 UNION SELECT 'a'").errorType()).isEqualTo("TYPE_MISMATCH");
    }

    @Test
    void selectStar_andQualifiedStar() {
        assertThat(translate("SELECT * FROM customers").resultColumns())
                .containsExactly(new TypedColumn("customer", "varchar"), new TypedColumn("tier", "varchar"));
        assertThat(translate("SELECT c.* FROM orders o JOIN customers c ON o.customer = c.customer").resultColumns()).hasSize(2);
    }

    @Test
    void caseCoalesceNullifIfAndDistinctFrom() {
        assertThat(rows("SELECT CASE WHEN qty > 2 THEN 'big' ELSE 'small' END, coalesce(region, 'none'), nullif(qty, 2), "
                + "if(qty > 1, 'y', 'n'), region IS DISTINCT FROM NULL FROM orders WHERE id = 1"))
                .containsExactly(Arrays.asList("small", "eu", null, "y", "true"));
    }

    @Test
    void caseWithIncompatibleResults_fails() {
        assertThat(error("SELECT CASE WHEN true THEN 1 ELSE 'a' END").errorType()).isEqualTo("TYPE_MISMATCH");
    }

    @Test
    void typeof_givesTheTrinoType() {
        assertThat(rows("SELECT typeof(1), typeof(2.5), typeof(amount), typeof(ARRAY['a']) FROM orders WHERE id = 1"))
                .containsExactly(List.of("integer", "decimal(2,1)", "decimal(10,2)", "array(varchar(1))"));
    }

    @Test
    void selectDistinctOrderedByAnotherExpression_fails() {
        assertThat(error("SELECT DISTINCT region FROM orders ORDER BY qty").getMessage()).isEqualTo(
                "EXPRESSION_NOT_IN_DISTINCT: line 1:45: For SELECT DISTINCT, ORDER BY expressions must appear in select list");
        assertThat(column("SELECT DISTINCT region AS r FROM orders ORDER BY r")).containsExactly("eu", "us", null);
    }

    @Test
    void scalarSubqueryWithItsOwnLimit() {
        assertThat(value("SELECT (SELECT customer FROM orders ORDER BY id DESC LIMIT 1)")).isEqualTo("carol");
    }

    @Test
    void orderedSetOperationsNest() {
        assertThat(column("SELECT x FROM ((SELECT 1 AS x UNION ALL SELECT 3) ORDER BY x DESC LIMIT 1) "
                + "UNION ALL SELECT 2 ORDER BY x")).containsExactly("2", "3");
    }

    @Test
    void resolver_hearsWhichColumnsOfWhichTablesAreRead() {
        java.util.Set<String> read = new java.util.TreeSet<>();
        TableResolver recording = new TableResolver() {
            @Override
            public ResolvedTable resolve(List<String> nameParts) {
                return RESOLVER.resolve(nameParts);
            }

            @Override
            public void columnRead(List<String> nameParts, String column) {
                read.add(String.join(".", nameParts) + "." + column);
            }
        };
        TrinoToDuckDb.translate(TrinoToDuckDb.parse("SELECT x.q, c.* FROM (SELECT qty AS q, customer FROM sales.orders) x "
                + "JOIN customers c USING (customer) WHERE x.q > 1"), recording);
        assertThat(read).containsExactly("customers.customer", "customers.tier", "sales.orders.customer", "sales.orders.qty");
        read.clear();
        TrinoToDuckDb.translate(TrinoToDuckDb.parse("SELECT count(*) FROM orders"), recording);
        assertThat(read).isEmpty();
    }
}
