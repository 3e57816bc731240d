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
            "DELETE FROM orders",
            "SELECT substr(customer, 'a') FROM orders",
            "SELECT lpad(customer, 'x', 'y') FROM orders",
            "SELECT round(customer) FROM orders",
            "SELECT date_trunc('fortnight', placed) FROM orders",
            "SELECT date_diff('day', placed, 'x') FROM orders",
            "SELECT json_array_length(qty) FROM orders",
            "SELECT json_extract(qty, '$.a') FROM orders",
            "SELECT element_at(qty, 1) FROM orders",
            "SELECT cardinality(customer) FROM orders",
            "SELECT contains(customer, 'a') FROM orders",
            "SELECT array_join(tags, 1) FROM orders",
            "SELECT sequence(1, 'a')",
            "SELECT slice(tags, 'a', 1) FROM orders",
            "SELECT map_keys(tags) FROM orders",
            "SELECT ARRAY[1, 'a']",
            "SELECT MAP(ARRAY[1], ARRAY['a', 'b'])",
            "SELECT MAP(1, 2)",
            "SELECT filter(tags, x -> 1) FROM orders",
            "SELECT any_match(tags, x -> x) FROM orders",
            "SELECT zip_with(tags, tags) FROM orders",
            "SELECT split_part(customer, ',', 'x') FROM orders",
            "SELECT regexp_extract(customer, '(a)', qty) FROM orders",
            "SELECT regexp_like(customer, '[') FROM orders",
            "SELECT chr('a')",
            "SELECT codepoint('ab')",
            "SELECT from_utf8('abc')",
            "SELECT to_utf8(1)",
            "SELECT url_extract_host(1)",
            "SELECT last_day_of_month('2024-01-01')",
            "SELECT from_unixtime('x')",
            "SELECT year('2024-01-01')",
            "SELECT date_format('2024-01-01', '%Y')",
            "SELECT date_parse(1, '%Y')",
            "SELECT to_iso8601('x')",
            "SELECT count(*, 1) FROM orders",
            "SELECT stddev(customer) FROM orders",
            "SELECT approx_percentile(qty, 'x') FROM orders",
            "SELECT array_agg(qty ORDER BY tags) FROM orders",
            "SELECT map_agg(tags, qty) FROM orders",
            "SELECT listagg(qty, ',') WITHIN GROUP (ORDER BY qty) FROM orders",
            "SELECT bool_and(qty) FROM orders",
            "SELECT min_by(qty, attrs) FROM orders",
            "SELECT * FROM orders ORDER BY attrs",
            "SELECT DISTINCT attrs FROM orders",
            "SELECT count(*) FROM orders GROUP BY attrs",
            "SELECT attrs = attrs FROM orders",
            "SELECT greatest(tags, tags) FROM orders",
            "SELECT abs(-9223372036854775807 - 1)",
            "SELECT 9223372036854775807 * 2",
            "SELECT CAST(1e400 AS varchar)",
            "SELECT CAST('1e400' AS double)",
            "SELECT CAST(1e20 AS bigint)",
            "SELECT CAST(99999 AS decimal(3,0))",
            "SELECT CAST('abc' AS decimal(5,2))",
            "SELECT CAST('2024-13-45' AS date)",
            "SELECT CAST('x' AS timestamp)",
            "SELECT CAST('x' AS json)",
            "SELECT json_parse('{')",
            "SELECT json_format('x')",
            "SELECT json_size(payload, '$.a') FROM orders");

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
