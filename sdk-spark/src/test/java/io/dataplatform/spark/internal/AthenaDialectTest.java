package io.dataplatform.spark.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.catalyst.parser.CatalystSqlParser$;
import org.junit.jupiter.api.Test;

/** Athena habits bridged before Spark sees the statement: bare varchar, and _colN names. */
class AthenaDialectTest {
    private static Optional<List<String>> names(String sql) throws Exception {
        return AthenaDialect.columnNames(CatalystSqlParser$.MODULE$.parsePlan(sql));
    }

    @Test
    void translate_bareVarchar_becomesString_lengthKept_literalsAndCommentsUntouched() {
        assertThat(AthenaDialect.translate("SELECT CAST(id AS VARCHAR), CAST(x AS varchar(3)), 'as varchar)' -- varchar\n"
                + "FROM \"varchar\" /* varchar */ WHERE v = 'it''s varchar'"))
                .isEqualTo("SELECT CAST(id AS string), CAST(x AS varchar(3)), 'as varchar)' -- varchar\n"
                        + "FROM \"varchar\" /* varchar */ WHERE v = 'it''s varchar'");
    }

    @Test
    void translate_wordsContainingVarchar_areNotTypes() {
        assertThat(AthenaDialect.translate("SELECT varchar_col, my_varchar FROM t"))
                .isEqualTo("SELECT varchar_col, my_varchar FROM t");
    }

    @Test
    void parameterMarkers_countsOnlyMarkersOutsideLiteralsAndComments() {
        assertThat(AthenaDialect.parameterMarkers("SELECT ? , '?' , \"?\" -- ?\n FROM t /* ? */ WHERE a = ? AND b IN (?, ?)"))
                .isEqualTo(4);
        assertThat(AthenaDialect.parameterMarkers("SELECT 1")).isZero();
    }

    @Test
    void columnNames_unaliasedExpressions_areColN_byPosition() throws Exception {
        assertThat(names("SELECT region, count(*), sum(amount) AS total, max(amount) FROM t GROUP BY region"))
                .contains(Arrays.asList(null, "_col1", null, "_col3"));
        assertThat(names("SELECT o.id, 1 + 1 FROM t o ORDER BY 1 LIMIT 3")).contains(Arrays.asList(null, "_col1"));
        assertThat(names("WITH x AS (SELECT 1 AS a) SELECT DISTINCT a * 2 FROM x")).contains(List.of("_col0"));
        assertThat(names("SELECT region, count(*) FROM t GROUP BY region HAVING count(*) > 1"))
                .contains(Arrays.asList(null, "_col1"));
    }

    @Test
    void columnNames_starOrSetOperation_leaveSparksNames() throws Exception {
        assertThat(names("SELECT *, 1 FROM t")).isEmpty();
        assertThat(names("SELECT 1 UNION ALL SELECT 2")).isEmpty();
    }
}
