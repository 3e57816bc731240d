package io.dataplatform.athena.engine.internal.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One in-memory DuckDB per test class with the translator's macros and small VALUES-based tables, and
 * helpers that translate a Trino statement, run it, and return its values, types or Athena error.
 */
abstract class DuckDbHarness {
    private static Connection connection;

    /** The test tables: name to (DuckDB view SQL, columns with Trino types). */
    static final Map<String, ResolvedTable> TABLES = Map.of(
            "orders", new ResolvedTable("orders", List.of(
                    new TypedColumn("id", "bigint"), new TypedColumn("customer", "varchar"),
                    new TypedColumn("amount", "decimal(10,2)"), new TypedColumn("qty", "integer"),
                    new TypedColumn("placed", "date"), new TypedColumn("ts", "timestamp(3)"),
                    new TypedColumn("tags", "array(varchar)"), new TypedColumn("attrs", "map(varchar, varchar)"),
                    new TypedColumn("info", "row(city varchar, zip varchar)"), new TypedColumn("payload", "varchar"),
                    new TypedColumn("region", "varchar"))),
            "customers", new ResolvedTable("customers", List.of(
                    new TypedColumn("customer", "varchar"), new TypedColumn("tier", "varchar"))));

    static final TableResolver RESOLVER = parts -> {
        ResolvedTable t = TABLES.get(parts.get(parts.size() - 1));
        boolean known = parts.size() == 1 || parts.get(parts.size() - 2).equals("sales")
                && (parts.size() == 2 || parts.get(0).equals("awsdatacatalog"));
        if (t == null || !known) {
            List<String> full = new ArrayList<>(List.of("awsdatacatalog", "sales"));
            full = full.subList(0, 3 - parts.size());
            full.addAll(parts);
            throw new AthenaSqlException("TABLE_NOT_FOUND", 0, 0, "Table '" + String.join(".", full) + "' does not exist");
        }
        return t;
    };

    @BeforeAll
    static void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = connection.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            for (String macro : TrinoToDuckDb.macros()) {
                s.execute(macro);
            }
            s.execute("CREATE VIEW orders AS SELECT * FROM (VALUES "
                    + "(1::BIGINT, 'alice', 10.50::DECIMAL(10,2), 2, DATE '2024-01-31', TIMESTAMP '2024-01-31 10:15:30.123', "
                    + "['a','b'], MAP {'k': 'v'}, {'city': 'Paris', 'zip': '75001'}, '{\"a\":{\"b\":1},\"arr\":[10,20],\"s\":\"x\"}', 'eu'), "
                    + "(2::BIGINT, 'bob', 20.25::DECIMAL(10,2), 5, DATE '2024-02-29', TIMESTAMP '2024-02-29 23:59:59.999', "
                    + "['c'], MAP {'k': 'w'}, {'city': 'Lyon', 'zip': '69001'}, '{\"a\":{\"b\":2},\"arr\":[],\"s\":\"y\"}', NULL), "
                    + "(3::BIGINT, 'carol', 5.00::DECIMAL(10,2), 1, DATE '2024-03-01', TIMESTAMP '2024-03-01 00:00:00.000', "
                    + "[], MAP {}::MAP(VARCHAR, VARCHAR), {'city': 'Nice', 'zip': '06000'}, 'not json', 'us')"
                    + ") AS t(id, customer, amount, qty, placed, ts, tags, attrs, info, payload, region)");
            s.execute("CREATE VIEW customers AS SELECT * FROM (VALUES ('alice', 'gold'), ('bob', 'silver'), ('dave', 'gold')) "
                    + "AS t(customer, tier)");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    /** Runs DuckDB SQL as it is (session settings). */
    static void execute(String duckDbSql) {
        try (Statement s = connection.createStatement()) {
            s.execute(duckDbSql);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    static Translation translate(String sql) {
        return TrinoToDuckDb.translate(TrinoToDuckDb.parse(sql), RESOLVER);
    }

    /** All rows, each cell as its JDBC string. */
    static List<List<String>> rows(String sql) {
        return rows(translate(sql));
    }

    /** All rows of a translation, each cell as its JDBC string. */
    static List<List<String>> rows(Translation t) {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(t.duckDbSql())) {
            List<List<String>> rows = new ArrayList<>();
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(r.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            AthenaSqlException athena = AthenaSqlException.fromDuckDbMessage(e.getMessage()).orElse(null);
            if (athena != null) {
                throw athena;
            }
            throw new AssertionError("DuckDB failed on " + t.duckDbSql() + ": " + e.getMessage(), e);
        }
    }

    /** The one value of a one-row, one-column query, as its JDBC string. */
    static String value(String sql) {
        List<List<String>> rows = rows(sql);
        assertThat(rows).hasSize(1);
        return rows.get(0).get(0);
    }

    /** The values of the first column. */
    static List<String> column(String sql) {
        return rows(sql).stream().map(r -> r.get(0)).toList();
    }

    /** The Trino type of the first result column. */
    static String type(String sql) {
        return translate(sql).resultColumns().get(0).trinoType();
    }

    /** The Athena error the statement fails with, at translation or while running. */
    static AthenaSqlException error(String sql) {
        AthenaSqlException e = catchThrowableOfType(AthenaSqlException.class, () -> rows(sql));
        assertThat(e).as("expected an Athena error for " + sql).isNotNull();
        return e;
    }
}
