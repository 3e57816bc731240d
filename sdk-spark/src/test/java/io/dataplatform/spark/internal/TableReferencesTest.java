package io.dataplatform.spark.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataplatform.spark.internal.TableReferences.Reference;
import org.apache.spark.sql.catalyst.parser.CatalystSqlParser$;
import org.junit.jupiter.api.Test;

/** Table references are found by Spark's parser and rewritten in place; everything else stays as written. */
class TableReferencesTest {
    private static TableReferences parse(String sql) throws Exception {
        return TableReferences.of(CatalystSqlParser$.MODULE$.parsePlan(sql), sql, "Sales");
    }

    @Test
    void references_qualifiedUnqualifiedAndCatalogQualified_inTextOrder() throws Exception {
        String sql = "SELECT o.id FROM orders o JOIN crm.Customers c ON o.c = c.id"
                + " WHERE o.id IN (SELECT id FROM awsdatacatalog.crm.vip)";

        assertThat(parse(sql).references()).containsExactly(new Reference("sales", "orders", 17, 22),
                new Reference("crm", "customers", 31, 43), new Reference("crm", "vip", 91, 112));
    }

    @Test
    void rewrite_replacesOnlyTheReferences_notLiteralsOrComments() throws Exception {
        String sql = "SELECT 'orders' AS name, o.id -- orders\nFROM sales.orders o WHERE o.note <> 'sales.orders'";

        String rewritten = parse(sql).rewrite(reference -> "v_" + reference.table());

        assertThat(rewritten).isEqualTo("SELECT 'orders' AS name, o.id -- orders\nFROM `v_orders` o"
                + " WHERE o.note <> 'sales.orders'");
    }

    @Test
    void rewrite_leavesReferencesWithoutAViewAsWritten() throws Exception {
        String sql = "SELECT * FROM a JOIN b ON a.id = b.id";

        assertThat(parse(sql).rewrite(reference -> reference.table().equals("b") ? "bee" : null))
                .isEqualTo("SELECT * FROM a JOIN `bee` ON a.id = b.id");
    }

    @Test
    void cteNames_areNotCatalogTables_butTablesInsideCtesAre() throws Exception {
        String sql = "WITH recent AS (SELECT * FROM orders) SELECT * FROM recent UNION ALL SELECT * FROM Recent";

        assertThat(parse(sql).references()).containsExactly(new Reference("sales", "orders", 30, 35));
    }

    @Test
    void subqueryInFilter_isFoundOnce() throws Exception {
        String sql = "SELECT * FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.id = t.id)";

        assertThat(parse(sql).references().stream().map(Reference::table)).containsExactly("t", "u");
    }
}
