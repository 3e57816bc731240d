package io.dataplatform.athena.engine.internal.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whatever the statement, the translator answers with a translation DuckDB runs or an Athena error, never another failure. */
class TrinoToDuckDbRobustnessTest extends DuckDbHarness {
    private static final List<String> STATEMENTS = List.of(
            "SELECT * FROM orders TABLESAMPLE BERNOULLI (10)",
            "SELECT * FROM orders NATURAL JOIN customers",
            "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3) SELECT * FROM t",
            "SELECT current_user",
            "SELECT x FROM orders CROSS JOIN UNNEST(qty) AS t(x)",
            "SELECT info.nope FROM orders",
            "SELECT qty.x FROM orders",
            "SELECT nope.* FROM orders",
            "SELECT * FROM (SELECT 1, 1)",
            "SELECT a FROM (SELECT 1 AS a, 2 AS a)",
            "SELECT tags[1.5] FROM orders",
            "SELECT attrs[1] FROM orders",
            "SELECT ROW(1, 2)[3]",
            "SELECT transform(tags, (a, b) -> a) FROM orders",
            "SELECT transform(qty, x -> x) FROM orders",
            "SELECT reduce(tags, '', (s, x) -> s || x, s -> s) FROM orders",
            "SELECT date_add('fortnight', 1, placed) FROM orders",
            "SELECT date_format(ts, '%Q') FROM orders",
            "SELECT format_datetime(ts, 'GGGG') FROM orders",
            "SELECT json_extract_scalar(payload, 'a.b') FROM orders",
            "SELECT regexp_replace(customer, 'a', customer) FROM orders",
            "SELECT CAST(qty AS ipaddress) FROM orders",
            "SELECT CAST(tags AS map(varchar, varchar)) FROM orders",
            "SELECT CAST(info AS row(a varchar)) FROM orders",
            "SELECT sum(customer) FROM orders",
            "SELECT avg(placed) FROM orders",
            "SELECT max_by(customer) FROM orders",
            "SELECT row_number() OVER w FROM orders",
            "SELECT count(*) FROM orders GROUP BY 9",
            "SELECT id FROM orders ORDER BY 0",
            "SELECT id FROM orders LIMIT ALL",
            "SELECT 1 UNION SELECT 1, 2",
            "VALUES (1, 2), (3)",
            "SELECT EXISTS (SELECT * FROM nope)",
            "SELECT (SELECT 1, 2)",
            "SELECT 1 IN (SELECT 1, 2)",
            "SELECT interval '1' year * 1.5",
            "SELECT -DATE '2024-01-01'",
            "SELECT 'a' LIKE 1",
            "SELECT array_sort(tags, (a, b) -> 0) FROM orders",
            "SELECT lag(qty, 1, 'x') OVER (ORDER BY id) FROM orders",
            "SELECT * FROM orders o JOIN customers c USING (tier)",
            "SELECT * FROM orders AS t(a)",
            "SELECT sequence(DATE '2024-01-01', DATE '2024-01-03', INTERVAL '1' DAY)",
            "SELECT ntile(qty) OVER (ORDER BY id) FROM orders",
            "EXPLAIN SELECT 1",
            "SHOW COLUMNS FROM orders",
            "CREATE TABLE x AS SELECT 1 AS a",
            "DELETE FROM orders");

    @Test
    void everyStatement_translatesAndRunsOrFailsWithAnAthenaError() {
        List<String> failures = new ArrayList<>();
        for (String sql : STATEMENTS) {
            try {
                rows(sql);
            } catch (AthenaSqlException e) {
                if (e.getMessage().contains("DuckDB") || e.getMessage().contains("duckdb")) {
                    failures.add(sql + " -> " + e.getMessage());
                }
            } catch (RuntimeException | AssertionError e) {
                failures.add(sql + " -> " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        assertThat(failures).isEmpty();
    }
}
