package io.dataplatform.athena.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.athena.internal.SqlAnalysis.Predicate;
import io.dataplatform.athena.internal.SqlAnalysis.TableRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlAnalyzerTest {

    private static SqlAnalysis analyze(String sql, String... parameters) {
        return SqlAnalyzer.analyze(sql, List.of(parameters));
    }

    private static List<String> tables(SqlAnalysis analysis) {
        return analysis.tables().stream()
                .map(t -> (t.database() == null ? "" : t.database() + ".") + t.table() + (t.alias() == null ? "" : " " + t.alias()))
                .toList();
    }

    private static List<String> predicates(SqlAnalysis analysis) {
        return analysis.predicates().stream().map(SqlAnalyzerTest::describe).toList();
    }

    private static String describe(Predicate p) {
        String column = (p.qualifier() == null ? "" : p.qualifier() + ".") + p.column();
        if (!p.values().isEmpty()) {
            return column + " in " + p.values();
        }
        return column + " " + (p.lower() == null ? "(" : (p.lowerInclusive() ? "[" : "(") + p.lower()) + ".."
                + (p.upper() == null ? ")" : p.upper() + (p.upperInclusive() ? "]" : ")"));
    }

    @Test
    void tables_qualifiedQuotedAliasedAndCommaJoined() {
        SqlAnalysis analysis = analyze("SELECT * FROM \"Sales\".\"Orders\" o, awsdatacatalog.sales.items AS i "
                + "JOIN regions r ON r.id = o.region LEFT JOIN `web`.clicks USING (id)");
        assertThat(tables(analysis)).containsExactly("sales.orders o", "sales.items i", "regions r", "web.clicks");
    }

    @Test
    void tables_inStringsAndCommentsAreIgnored() {
        SqlAnalysis analysis = analyze("""
                -- FROM secret.table1
                SELECT 'FROM fake.t', /* JOIN other.t2 */ "from" FROM sales.orders WHERE note = 'x'' FROM y.z'
                """);
        assertThat(tables(analysis)).containsExactly("sales.orders");
    }

    @Test
    void tables_subqueriesCtesAndUnnestAreResolvedToCatalogTablesOnly() {
        SqlAnalysis analysis = analyze("""
                WITH recent AS (SELECT * FROM sales.orders WHERE year = '2024'), totals (r, t) AS (SELECT 1, 2)
                SELECT * FROM recent CROSS JOIN UNNEST(items) AS t(item)
                JOIN (SELECT id FROM customers) c ON c.id = recent.customer
                WHERE recent.id IN (SELECT order_id FROM returns)
                """);
        assertThat(tables(analysis)).containsExactlyInAnyOrder("sales.orders", "customers", "returns");
    }

    @Test
    void tables_aCteNameIsVisibleOnlyAfterItsDefinitionAndInsideItsWith() {
        // A non-recursive WITH query cannot see its own name: FROM sales inside it is the catalog table.
        SqlAnalysis shadowing = analyze("WITH sales AS (SELECT * FROM sales WHERE year = '2024') SELECT * FROM sales");
        assertThat(tables(shadowing)).containsExactly("sales");
        assertThat(tables(analyze("WITH a AS (SELECT * FROM b), b AS (SELECT * FROM a) SELECT * FROM b")))
                .containsExactly("b");
        assertThat(tables(analyze("WITH RECURSIVE t (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3) "
                + "SELECT * FROM t"))).isEmpty();
        assertThat(tables(analyze("SELECT * FROM (WITH x AS (SELECT 1) SELECT * FROM x) CROSS JOIN x")))
                .containsExactly("x");
    }

    @Test
    void tables_ofAWithQuery_countOncePerReference() {
        // Athena (Trino) inlines a WITH query at each reference, so its tables are scanned once per reference.
        assertThat(tables(analyze("WITH x AS (SELECT * FROM sales) SELECT * FROM x a JOIN x b ON a.id = b.id")))
                .containsExactly("sales", "sales");
        assertThat(tables(analyze("WITH x AS (SELECT * FROM sales), y AS (SELECT * FROM x UNION ALL SELECT * FROM x) "
                + "SELECT * FROM y, y z, regions"))).containsExactlyInAnyOrder("sales", "sales", "sales", "sales", "regions");
        assertThat(tables(analyze("WITH x AS (SELECT * FROM sales) SELECT 1"))).containsExactly("sales");
    }

    @Test
    void tables_insideParenthesisedJoinsAreRead() {
        assertThat(tables(analyze("SELECT * FROM (sales s JOIN regions r ON s.region = r.id) JOIN web.clicks c ON c.id = s.id")))
                .containsExactly("sales s", "regions r", "web.clicks c");
        assertThat(tables(analyze("SELECT * FROM ((a JOIN b ON a.id = b.id) LEFT JOIN c ON c.id = a.id), d")))
                .containsExactly("a", "b", "c", "d");
        assertThat(tables(analyze("SELECT extract(year FROM dt) FROM (SELECT * FROM sales) x"))).containsExactly("sales");
    }

    @Test
    void tables_ofUpdateAndMergeStatementsAreRead() {
        SqlAnalysis update = analyze("UPDATE sales.orders SET status = 'done' WHERE year = '2024'");
        assertThat(tables(update)).containsExactly("sales.orders");
        assertThat(predicates(update)).containsExactly("year in [2024]");
        assertThat(update.predicates().get(0).block()).isEqualTo(update.tables().get(0).block());
        SqlAnalysis merge = analyze("MERGE INTO sales.orders o USING (SELECT * FROM staged) s ON o.id = s.id "
                + "WHEN MATCHED THEN DELETE");
        assertThat(tables(merge)).containsExactlyInAnyOrder("sales.orders o", "staged");
        assertThat(tables(analyze("MERGE INTO orders AS o USING web.updates u ON o.id = u.id "
                + "WHEN NOT MATCHED THEN INSERT VALUES (u.id)"))).containsExactly("orders o", "web.updates u");
        assertThat(tables(analyze("INSERT INTO orders SELECT * FROM staged"))).containsExactly("staged");
    }

    @Test
    void predicates_equalsInBetweenRangesAndFlippedComparisons() {
        SqlAnalysis analysis = analyze("SELECT region FROM sales WHERE year = '2024' AND month IN ('01', '02') "
                + "AND day BETWEEN 1 AND 15 AND s.hour >= 6 AND 20 > hour AND dt < DATE '2024-03-01' AND x = -1");
        assertThat(predicates(analysis)).containsExactly("year in [2024]", "month in [01, 02]", "day [1..15]",
                "s.hour [6..)", "hour (..20)", "dt (..2024-03-01)", "x in [-1]");
    }

    @Test
    void predicates_takeExecutionParameterValuesInOrder() {
        SqlAnalysis analysis = analyze("SELECT * FROM sales WHERE region = ? AND year = ? AND month IN (?, '03')",
                "it's", "2024", "01");
        assertThat(predicates(analysis)).containsExactly("region in [it's]", "year in [2024]", "month in [01, 03]");
        assertThat(analysis.placeholders()).isEqualTo(3);
    }

    @Test
    void predicates_questionMarksInsideLiteralsAndCommentsAreNotPlaceholders() {
        SqlAnalysis analysis = analyze("SELECT '?' AS q, \"why?\" -- really?\n FROM t /* ? */ WHERE a = ?", "1");
        assertThat(analysis.placeholders()).isEqualTo(1);
        assertThat(predicates(analysis)).containsExactly("a in [1]");
    }

    @Test
    void predicates_anyOrNotOrCaseDisablesPruningForThatWhere() {
        assertThat(predicates(analyze("SELECT * FROM sales WHERE year = '2024' OR month = '01'"))).isEmpty();
        assertThat(predicates(analyze("SELECT * FROM sales WHERE NOT year = '2024' AND month = '01'"))).isEmpty();
        assertThat(predicates(analyze("SELECT * FROM sales WHERE year NOT IN ('2024') AND month = '01'"))).isEmpty();
        assertThat(predicates(analyze("SELECT * FROM sales WHERE CASE WHEN year = '2024' THEN true END AND month = '1'")))
                .isEmpty();
        assertThat(predicates(analyze("SELECT * FROM sales WHERE (year = '2024' AND month = '01') AND amount IS NOT NULL")))
                .containsExactly("year in [2024]", "month in [01]");
    }

    @Test
    void predicates_insideExpressionsOrFunctionCallsAreIgnored() {
        SqlAnalysis analysis = analyze("SELECT * FROM sales WHERE coalesce(year = '2024', false) AND year + 1 = 2025 "
                + "AND month = '0' || '1' AND cast(day AS int) = 3 AND region = 'eu'");
        assertThat(predicates(analysis)).containsExactly("region in [eu]");
    }

    @Test
    void predicates_inAGroupThatIsComparedDoNotPrune() {
        assertThat(predicates(analyze("SELECT * FROM sales WHERE (year = '2024') = false"))).isEmpty();
        assertThat(predicates(analyze("SELECT * FROM sales WHERE false = (year = '2024')"))).isEmpty();
        assertThat(predicates(analyze("SELECT * FROM sales WHERE ((year = '2024')) IS NULL"))).isEmpty();
        assertThat(predicates(analyze("SELECT * FROM sales WHERE region = 'eu' AND ((year = '2024') AND month = '01')")))
                .containsExactly("region in [eu]", "year in [2024]", "month in [01]");
    }

    @Test
    void predicates_belongToTheirSelectBlock() {
        SqlAnalysis analysis = analyze("SELECT * FROM sales WHERE year = '2024' UNION ALL SELECT * FROM sales LIMIT 5");
        assertThat(analysis.tables()).extracting(TableRef::block).doesNotHaveDuplicates();
        assertThat(analysis.predicates()).singleElement().extracting(Predicate::block)
                .isEqualTo(analysis.tables().get(0).block());
        assertThat(analysis.limited()).isTrue();
    }

    @Test
    void predicates_inJoinConditionsDoNotPrune() {
        assertThat(predicates(analyze("SELECT * FROM sales s JOIN regions r ON s.region = r.id AND s.year = '2024'")))
                .isEmpty();
    }

    @Test
    void selectStar_andLimit_areReadFromTheOutermostQuery() {
        assertThat(analyze("SELECT * FROM sales").selectStar()).isTrue();
        assertThat(analyze("SELECT * FROM sales").limited()).isFalse();
        assertThat(analyze("select DISTINCT s.* from sales s limit 10").selectStar()).isTrue();
        assertThat(analyze("select DISTINCT s.* from sales s limit 10").limited()).isTrue();
        assertThat(analyze("SELECT count(*) FROM sales").selectStar()).isFalse();
        assertThat(analyze("SELECT * FROM (SELECT * FROM sales LIMIT 5)").limited()).isFalse();
        assertThat(analyze("SELECT a FROM (SELECT * FROM sales)").selectStar()).isFalse();
        assertThat(analyze("SELECT * FROM sales FETCH FIRST 3 ROWS ONLY").limited()).isTrue();
    }

    @Test
    void selectStar_inAnyBranchOfTheOutermostSetOperation() {
        assertThat(analyze("SELECT region FROM regions UNION ALL SELECT * FROM sales").selectStar()).isTrue();
        assertThat(analyze("SELECT region FROM regions EXCEPT SELECT s.* FROM sales s").selectStar()).isTrue();
        assertThat(analyze("SELECT region FROM regions UNION ALL SELECT region FROM sales").selectStar()).isFalse();
    }

    @Test
    void limitAll_doesNotBoundTheQuery() {
        assertThat(analyze("SELECT * FROM sales LIMIT ALL").limited()).isFalse();
        assertThat(analyze("SELECT * FROM sales limit all").limited()).isFalse();
        assertThat(analyze("SELECT * FROM sales LIMIT 5").limited()).isTrue();
    }

    @Test
    void partitionValues_compareNumericallyWhenBothAreNumbers() {
        Predicate month = analyze("SELECT 1 FROM t WHERE month = 1").predicates().get(0);
        assertThat(month.test("01")).isTrue();
        assertThat(month.test("11")).isFalse();
        Predicate range = analyze("SELECT 1 FROM t WHERE dt >= '2024-01-15' AND dt < '2024-02-01'").predicates().get(0);
        assertThat(range.test("2024-01-15")).isTrue();
        assertThat(range.test("2024-01-14")).isFalse();
    }

    @Test
    void partitionValues_rangeKeepsAPartitionThatStringOrderSelects() {
        // A string key compares as text in Athena: '10' < '9', so hour < '9' reads partition 10.
        Predicate hour = analyze("SELECT 1 FROM t WHERE hour < '9'").predicates().get(0);
        assertThat(hour.test("10")).isTrue();
        assertThat(hour.test("8")).isTrue();
        assertThat(hour.test("9")).isFalse();
        Predicate between = analyze("SELECT 1 FROM t WHERE hour BETWEEN '1' AND '2'").predicates().get(0);
        assertThat(between.test("10")).isTrue();
        assertThat(between.test("3")).isFalse();
    }

    @Test
    void lexer_rejectsUnterminatedLiteralsAndComments() {
        assertThatThrownBy(() -> analyze("SELECT 'abc FROM t")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid SQL: unterminated string literal starting at position 7");
        assertThatThrownBy(() -> analyze("SELECT \"abc FROM t"))
                .hasMessage("Invalid SQL: unterminated quoted identifier starting at position 7");
        assertThatThrownBy(() -> analyze("SELECT 1 /* FROM t"))
                .hasMessage("Invalid SQL: unterminated comment starting at position 9");
    }
}
