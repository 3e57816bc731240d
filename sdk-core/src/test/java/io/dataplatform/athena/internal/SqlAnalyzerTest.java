package io.dataplatform.athena.internal;

import io.dataplatform.athena.sql.StatementReads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.DataPlatformException;
import io.dataplatform.athena.sql.StatementReads.KeyCondition;
import io.dataplatform.athena.sql.StatementReads.TableRead;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlAnalyzerTest {

    private static StatementReads analyze(String sql, String... renderedParameters) {
        return SqlAnalyzer.analyze(sql, List.of(renderedParameters));
    }

    private static List<String> tables(StatementReads analysis) {
        return analysis.reads().stream().map(r -> r.name().toString()).toList();
    }

    /** Each read as {@code table: conditions}, a qualified condition written with a {@code t.} prefix. */
    private static List<String> reads(StatementReads analysis) {
        return analysis.reads().stream().map(SqlAnalyzerTest::describe).toList();
    }

    private static String describe(TableRead read) {
        return read.name() + ":" + read.conditions().stream().map(SqlAnalyzerTest::describe).toList();
    }

    private static String describe(KeyCondition c) {
        String column = (c.qualified() ? "t." : "") + c.column();
        if (!c.values().isEmpty()) {
            return column + " in " + c.values().stream().map(v -> v.type() + " " + v.text()).toList();
        }
        return column + " " + (c.lower() == null ? "(" : (c.lowerInclusive() ? "[" : "(") + c.lower().text()) + ".."
                + (c.upper() == null ? ")" : c.upper().text() + (c.upperInclusive() ? "]" : ")"));
    }

    @Test
    void tables_qualifiedQuotedAliasedAndCommaJoined() {
        StatementReads analysis = analyze("SELECT * FROM \"Sales\".\"Orders\" o, awsdatacatalog.sales.items AS i "
                + "JOIN regions r ON r.id = o.region LEFT JOIN web.clicks USING (id)");
        assertThat(tables(analysis)).containsExactly("sales.orders", "awsdatacatalog.sales.items", "regions", "web.clicks");
    }

    @Test
    void tables_hiddenBehindCommentsStringsAndQuotesAreReadAsTheEngineReadsThem() {
        StatementReads analysis = analyze("""
                -- FROM secret.table1
                SELECT 'FROM fake.t', /* JOIN other.t2 */ "from" FROM "sales"."orders" WHERE note = 'x'' FROM y.z'
                """);
        assertThat(tables(analysis)).containsExactly("sales.orders");
    }

    @Test
    void tables_inSubqueriesOfEveryKindAreRead() {
        assertThat(tables(analyze("TABLE big"))).containsExactly("big");
        assertThat(tables(analyze("SELECT count(*) FROM (TABLE big)"))).containsExactly("big");
        assertThat(tables(analyze("SELECT 1 FROM small WHERE EXISTS (TABLE big)"))).containsExactly("small", "big");
        assertThat(tables(analyze("SELECT (SELECT max(id) FROM big) FROM small GROUP BY 1 HAVING count(*) > "
                + "(SELECT count(*) FROM other)"))).containsExactlyInAnyOrder("big", "small", "other");
        assertThat(tables(analyze("SELECT * FROM a WHERE id IN (SELECT id FROM b) AND x > ALL (SELECT x FROM c)")))
                .containsExactlyInAnyOrder("a", "b", "c");
        assertThat(tables(analyze("SELECT * FROM a CROSS JOIN LATERAL (SELECT * FROM b WHERE b.id = a.id)")))
                .containsExactlyInAnyOrder("a", "b");
        assertThat(tables(analyze("SELECT x, n FROM a CROSS JOIN UNNEST(a.items) WITH ORDINALITY AS t (x, n)")))
                .containsExactly("a");
        assertThat(tables(analyze("SELECT * FROM UNNEST(ARRAY[1, 2]) AS t (x), (VALUES (1), (2)) v (y)"))).isEmpty();
        assertThat(tables(analyze("SELECT * FROM UNNEST((SELECT array_agg(id) FROM b)) AS t (x)"))).containsExactly("b");
    }

    @Test
    void tables_ofAWithQuery_areReadOncePerReference_andAShadowedNameIsTheCatalogTable() {
        assertThat(tables(analyze("WITH big AS (SELECT * FROM big) SELECT count(*) FROM big"))).containsExactly("big");
        assertThat(tables(analyze("WITH x AS (SELECT * FROM sales) SELECT * FROM x a JOIN x b ON a.id = b.id")))
                .containsExactly("sales", "sales");
        assertThat(tables(analyze("WITH x AS (SELECT * FROM sales), y AS (SELECT * FROM x UNION ALL SELECT * FROM x) "
                + "SELECT * FROM y, y z, regions"))).containsExactlyInAnyOrder("sales", "sales", "sales", "sales", "regions");
        assertThat(tables(analyze("WITH a AS (SELECT * FROM b), b AS (SELECT * FROM a) SELECT * FROM b")))
                .containsExactly("b");
        assertThat(tables(analyze("SELECT * FROM (WITH x AS (SELECT 1) SELECT * FROM x) CROSS JOIN x")))
                .containsExactly("x");
        // An unreferenced WITH query is not run.
        assertThat(tables(analyze("WITH x AS (SELECT * FROM sales) SELECT 1"))).isEmpty();
    }

    @Test
    void statementsWhoseReadsAreUnknown_haveNoAnalysis() {
        assertThatThrownBy(() -> analyze("EXECUTE stmt")).isInstanceOf(DataPlatformException.class)
                .hasMessage("the estimate cannot size a EXECUTE statement: what it reads is not known before it runs");
        assertThatThrownBy(() -> analyze("EXECUTE stmt USING 1")).isInstanceOf(DataPlatformException.class);
        assertThatThrownBy(() -> analyze("SELECT * FROM TABLE(system.sequence(start => 1, stop => 3))"))
                .isInstanceOf(DataPlatformException.class).hasMessageStartingWith("the estimate cannot size TABLE FUNCTION INVOCATION");
        assertThatThrownBy(() -> analyze("WITH RECURSIVE t (n) AS (SELECT id FROM big UNION ALL SELECT n + 1 FROM t "
                + "WHERE n < 3) SELECT * FROM t")).isInstanceOf(DataPlatformException.class)
                .hasMessageContaining("WITH RECURSIVE query 't', which reads big once per iteration");
        assertThatThrownBy(() -> analyze("SELEC * FROM big")).isInstanceOf(DataPlatformException.class)
                .hasMessageStartingWith("Athena's SQL grammar (Trino's) does not accept the statement: mismatched input 'SELEC'");
    }

    @Test
    void statementsThatScanNothing_haveNoReads() {
        assertThat(tables(analyze("WITH RECURSIVE t (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3) "
                + "SELECT * FROM t"))).isEmpty();
        assertThat(tables(analyze("CREATE EXTERNAL TABLE t (a int) LOCATION 's3://b/t/'"))).isEmpty();
        assertThat(tables(analyze("MSCK REPAIR TABLE sales"))).isEmpty();
        assertThat(tables(analyze("ALTER TABLE sales ADD PARTITION (year = '2025') LOCATION 's3://b/t/2025/'"))).isEmpty();
        assertThat(tables(analyze("SHOW PARTITIONS sales"))).isEmpty();
        assertThat(tables(analyze("DROP TABLE sales;"))).isEmpty();
        assertThat(tables(analyze("EXPLAIN SELECT * FROM sales"))).isEmpty();
        assertThat(tables(analyze("EXPLAIN ANALYZE SELECT * FROM sales"))).containsExactly("sales");
    }

    @Test
    void dmlAndUnload_readTheirTables() {
        assertThat(tables(analyze("UPDATE sales.orders SET status = 'done' WHERE year = '2024'"))).containsExactly("sales.orders");
        assertThat(tables(analyze("MERGE INTO sales.orders o USING (SELECT * FROM staged) s ON o.id = s.id "
                + "WHEN MATCHED THEN DELETE"))).containsExactlyInAnyOrder("sales.orders", "staged");
        assertThat(tables(analyze("MERGE INTO orders AS o USING web.updates u ON o.id = u.id "
                + "WHEN NOT MATCHED THEN INSERT VALUES (u.id)"))).containsExactly("orders", "web.updates");
        assertThat(tables(analyze("INSERT INTO orders SELECT * FROM staged"))).containsExactly("staged");
        assertThat(tables(analyze("CREATE TABLE t WITH (format = 'PARQUET') AS SELECT * FROM staged"))).containsExactly("staged");
        assertThat(tables(analyze("UNLOAD (SELECT * FROM sales WHERE year = '2024') TO 's3://b/out/' WITH (format = 'JSON')")))
                .containsExactly("sales");
    }

    @Test
    void conditions_equalsInBetweenRangesFlippedComparisonsAndTypedLiterals() {
        StatementReads analysis = analyze("SELECT region FROM sales s WHERE year = '2024' AND month IN ('01', '02') "
                + "AND day BETWEEN 1 AND 15 AND s.hour >= 6 AND 20 > hour AND dt < DATE '2024-03-01' AND x = -1 "
                + "AND ts = TIMESTAMP '2024-01-01 00:00:00' AND y = CAST('2024-01-02' AS date)");
        assertThat(reads(analysis)).containsExactly("sales:[year in [STRING 2024], month in [STRING 01, STRING 02], "
                + "day [1..15], t.hour [6..), hour (..20), dt (..2024-03-01), x in [NUMBER -1], "
                + "ts in [TIMESTAMP 2024-01-01 00:00:00], y in [DATE 2024-01-02]]");
    }

    @Test
    void conditions_takeExecutionParameterLiteralsInOrder() {
        StatementReads analysis = analyze("SELECT * FROM sales WHERE region = ? AND year = ? AND month IN (?, '03') AND dt = ?",
                "'it''s'", "2024", "'01'", "DATE '2024-01-03'");
        assertThat(reads(analysis)).containsExactly("sales:[region in [STRING it's], year in [NUMBER 2024], "
                + "month in [STRING 01, STRING 03], dt in [DATE 2024-01-03]]");
        assertThat(analysis.placeholders()).isEqualTo(4);
        assertThat(analyze("SELECT '?' AS q, \"why?\" -- really?\n FROM t /* ? */ WHERE a = ?", "1").placeholders())
                .isEqualTo(1);
    }

    @Test
    void conditions_underOrNotCaseOrFunctionsPruneNothing() {
        assertThat(reads(analyze("SELECT * FROM sales WHERE year = '2024' OR month = '01'"))).containsExactly("sales:[]");
        assertThat(reads(analyze("SELECT * FROM sales WHERE NOT year = '2024'"))).containsExactly("sales:[]");
        assertThat(reads(analyze("SELECT * FROM sales WHERE year NOT IN ('2024')"))).containsExactly("sales:[]");
        assertThat(reads(analyze("SELECT * FROM sales WHERE (year = '2024') = false"))).containsExactly("sales:[]");
        assertThat(reads(analyze("SELECT * FROM sales WHERE coalesce(year = '2024', false) AND year + 1 = 2025 "
                + "AND month = '0' || '1' AND cast(day AS int) = 3 AND CAST(2.5 AS integer) = hour AND region = 'eu'")))
                .containsExactly("sales:[region in [STRING eu]]");
        assertThat(reads(analyze("SELECT * FROM sales WHERE region = 'eu' AND ((year = '2024') AND month = '01')")))
                .containsExactly("sales:[region in [STRING eu], year in [STRING 2024], month in [STRING 01]]");
    }

    @Test
    void conditions_belongToTheirOwnQueryBlock() {
        StatementReads analysis = analyze("SELECT * FROM sales WHERE year = '2024' UNION ALL SELECT * FROM sales LIMIT 5");
        assertThat(reads(analysis)).containsExactly("sales:[year in [STRING 2024]]", "sales:[]");
        assertThat(reads(analyze("SELECT * FROM (SELECT * FROM sales) WHERE year = '2024'"))).containsExactly("sales:[]");
    }

    @Test
    void conditions_onTheNullFilledSideOfAnOuterJoin_pruneNothing() {
        assertThat(reads(analyze("SELECT * FROM sales a LEFT JOIN sales b ON a.id = b.id WHERE a.year = '2024' AND b.year = '2024'")))
                .containsExactly("sales:[t.year in [STRING 2024]]", "sales:[]");
        assertThat(reads(analyze("SELECT * FROM sales a FULL JOIN sales b ON a.id = b.id WHERE a.year = '2024'")))
                .containsExactly("sales:[]", "sales:[]");
        assertThat(reads(analyze("SELECT * FROM sales a RIGHT JOIN other b ON a.id = b.id WHERE a.year = '2024'")))
                .containsExactly("sales:[]", "other:[]");
    }

    @Test
    void conditions_onMergedJoinColumns_pruneNothing() {
        assertThat(reads(analyze("SELECT * FROM sales a FULL JOIN sales b USING (year) WHERE year = '2024'")))
                .containsExactly("sales:[]", "sales:[]");
        assertThat(reads(analyze("SELECT * FROM sales a NATURAL FULL JOIN sales b WHERE year = '2024'")))
                .containsExactly("sales:[]", "sales:[]");
        assertThat(reads(analyze("SELECT * FROM sales a JOIN sales b USING (year) WHERE year = '2024'")))
                .containsExactly("sales:[]", "sales:[]");
    }

    @Test
    void conditions_innerJoinOn_prunes_andUnqualifiedColumnsNextToSubqueriesOrRenamedColumnsDoNot() {
        assertThat(reads(analyze("SELECT * FROM sales s JOIN regions r ON s.region = r.id AND s.year = '2024'")))
                .containsExactly("sales:[t.year in [STRING 2024]]", "regions:[]");
        assertThat(reads(analyze("SELECT * FROM sales, (SELECT 1 AS year) y WHERE year = '2024'")))
                .containsExactly("sales:[]");
        assertThat(reads(analyze("SELECT * FROM sales AS s (a, b, year) WHERE s.year = '2024'")))
                .containsExactly("sales:[]");
        assertThat(reads(analyze("SELECT * FROM sales s LEFT JOIN big b ON s.id = b.id AND b.year = '2024'")))
                .containsExactly("sales:[]", "big:[]");
    }

    @Test
    void selectStar_anywhereInAReturnedSelectList() {
        assertThat(analyze("SELECT * FROM sales").selectStar()).isTrue();
        assertThat(analyze("SELECT 1 AS x, * FROM big").selectStar()).isTrue();
        assertThat(analyze("SELECT id, * FROM big").selectStar()).isTrue();
        assertThat(analyze("SELECT name, big.* FROM big").selectStar()).isTrue();
        assertThat(analyze("TABLE big").selectStar()).isTrue();
        assertThat(analyze("SELECT region FROM regions EXCEPT SELECT s.* FROM sales s").selectStar()).isTrue();
        assertThat(analyze("SELECT count(*) FROM sales").selectStar()).isFalse();
        assertThat(analyze("SELECT a FROM (SELECT * FROM sales)").selectStar()).isFalse();
        assertThat(analyze("SELECT region FROM regions UNION ALL SELECT region FROM sales").selectStar()).isFalse();
    }

    @Test
    void limited_onlyByABoundOnTheOutermostQuery() {
        assertThat(analyze("SELECT * FROM sales").limited()).isFalse();
        assertThat(analyze("select DISTINCT s.* from sales s limit 10").limited()).isTrue();
        assertThat(analyze("SELECT * FROM (SELECT * FROM sales LIMIT 5)").limited()).isFalse();
        assertThat(analyze("SELECT * FROM sales FETCH FIRST 3 ROWS ONLY").limited()).isTrue();
        assertThat(analyze("SELECT * FROM sales LIMIT ALL").limited()).isFalse();
        assertThat(analyze("SELECT * FROM sales UNION ALL SELECT * FROM sales LIMIT 5").limited()).isTrue();
    }
}
