package io.dataplatform.testing.spark;

import static io.dataplatform.testing.spark.CatalogTables.columns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.spark.SqlEngine;
import io.dataplatform.spark.SqlQueryFailedException;
import io.dataplatform.spark.SqlResult;
import io.dataplatform.testing.AwsService;
import io.dataplatform.testing.FakeAws;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/** Athena-style SQL on the engine: joins, names, literals, big results, and failures with Spark's reason. */
class SqlEngineQueriesTest extends SqlEngineTestBase {
    private static final String ORDERS = "id,customer_id,amount,day\n1,10,5.00,2024-01-01\n2,11,7.50,2024-01-02\n"
            + "3,10,2.50,2024-01-03\n4,12,1.00,2024-01-03\n";
    private static final String CUSTOMERS = "id,name\n10,Ann\n11,Bob\n13,Cid\n";

    @BeforeEach
    void createTables() { // after the base class has created the bucket
        put("orders/orders.csv", ORDERS);
        put("crm/customers/customers.csv", CUSTOMERS);
        catalog.csv("sales", "orders", "s3://acme-raw/orders/",
                columns("id", "int", "customer_id", "int", "amount", "decimal(8,2)", "day", "date"));
        catalog.csv("crm", "customers", "s3://acme-raw/crm/customers/", columns("id", "int", "name", "varchar(20)"));
    }

    @Test
    void joinAcrossDatabases_qualifiedAndQuotedNames_aggregates() {
        SqlResult result = engine.execute("SELECT c.\"name\", sum(o.amount) AS total, count(*) AS n FROM \"sales\".\"orders\" o"
                + " JOIN crm.customers c ON o.customer_id = c.id GROUP BY c.name ORDER BY n DESC, c.name", "sales");

        assertThat(result.columnNames()).containsExactly("name", "total", "n");
        assertThat(result.rows()).containsExactly(List.of("Ann", "7.50", "2"), List.of("Bob", "7.50", "1"));
        assertThat(result.bytesScanned()).isEqualTo(ORDERS.length() + CUSTOMERS.length());
    }

    @Test
    void dateLiterals_limit_cteAndSubquery_work() {
        SqlResult result = engine.execute("WITH recent AS (SELECT * FROM orders WHERE day >= date '2024-01-02')"
                + " SELECT id, day FROM recent WHERE customer_id IN (SELECT id FROM crm.customers)"
                + " ORDER BY id LIMIT 5", "sales");

        assertThat(result.rows()).containsExactly(List.of("2", "2024-01-02"), List.of("3", "2024-01-03"));
    }

    @Test
    void athenaHabits_bareVarcharCast_andUnaliasedColumnsNamedByPosition() {
        SqlResult result = engine.execute("SELECT CAST(id AS varchar) || '-' || name, id, count(*) FROM crm.customers"
                + " WHERE name <> 'varchar' GROUP BY id, name ORDER BY id LIMIT 2", "sales");

        assertThat(result.columnNames()).containsExactly("_col0", "id", "_col2");
        assertThat(result.rows()).containsExactly(List.of("10-Ann", "10", "1"), List.of("11-Bob", "11", "1"));
    }

    @Test
    void cteNamedLikeATable_shadowsTheCatalogTable() {
        SqlResult result = engine.execute("WITH orders AS (SELECT 42 AS id) SELECT id FROM orders", "sales");

        assertThat(result.rows()).containsExactly(List.of("42"));
        assertThat(result.bytesScanned()).isZero();
        assertThat(aws.calls().operations(AwsService.GLUE)).containsExactly("CreateDatabase", "CreateTable",
                "CreateDatabase", "CreateTable");
    }

    @Test
    void moreThanAThousandRows_allReturnedInOrder() {
        String rows = IntStream.rangeClosed(1, 1500).mapToObj(i -> i + ",n" + i).collect(Collectors.joining("\n", "id,name\n", "\n"));
        put("big/big.csv", rows);
        catalog.csv("sales", "big", "s3://acme-raw/big/", columns("id", "bigint", "name", "string"));

        SqlResult result = engine.execute("SELECT id, name FROM big ORDER BY id", "sales");

        assertThat(result.rows()).hasSize(1500);
        assertThat(result.rows().get(0)).containsExactly("1", "n1");
        assertThat(result.rows().get(1499)).containsExactly("1500", "n1500");
        assertThat(result.bytesScanned()).isEqualTo(rows.length());
    }

    @Test
    void unknownColumn_failsWithSparksMessage() {
        assertThatThrownBy(() -> engine.execute("SELECT nope FROM orders", "sales"))
                .isInstanceOf(SqlQueryFailedException.class)
                .hasMessageStartingWith("[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function parameter"
                        + " with name `nope` cannot be resolved. Did you mean one of the following?")
                .hasMessageNotContaining("Project");
    }

    @Test
    void unknownTable_failsNamingIt() {
        assertThatThrownBy(() -> engine.execute("SELECT * FROM sales.missing", "sales"))
                .isInstanceOf(SqlQueryFailedException.class)
                .hasMessageStartingWith("[TABLE_OR_VIEW_NOT_FOUND] The table or view `sales`.`missing` cannot be found.");
    }

    @Test
    void syntaxError_failsWithPosition() {
        assertThatThrownBy(() -> engine.execute("SELEC * FROM orders", "sales"))
                .isInstanceOf(SqlQueryFailedException.class)
                .hasMessageContaining("[PARSE_SYNTAX_ERROR] Syntax error at or near 'SELEC'");
    }

    @Test
    void badCastAtRunTime_failsWithTheTaskError() {
        assertThatThrownBy(() -> engine.execute("SELECT CAST(name AS int) FROM crm.customers", "sales"))
                .isInstanceOf(SqlQueryFailedException.class)
                .hasMessageStartingWith("[CAST_INVALID_INPUT] The value 'Ann' of the type \"STRING\" cannot be cast to \"INT\"");
    }

    @Test
    void ddl_isRefused_andTouchesNoCatalog() {
        assertThatThrownBy(() -> engine.execute("CREATE TABLE t (id int) USING parquet", "sales"))
                .isInstanceOf(SqlQueryFailedException.class)
                .hasMessage("Unsupported statement CreateTable: the local SQL engine runs queries only (SELECT, WITH, VALUES)");
    }

    @Test
    void twoWorlds_sameNames_neverSeeEachOthersData() {
        FakeAws other = FakeAws.create();
        other.s3().createBucket(b -> b.bucket("acme-raw"));
        other.s3().putObject(b -> b.bucket("acme-raw").key("orders/orders.csv"),
                RequestBody.fromString("id,customer_id,amount,day\n9,9,99.00,2024-02-01\n"));
        new CatalogTables(other.glue()).csv("sales", "orders", "s3://acme-raw/orders/",
                columns("id", "int", "customer_id", "int", "amount", "decimal(8,2)", "day", "date"));
        SqlEngine otherEngine = SqlEngine.builder().s3Client(other.s3()).glueClient(other.glue()).build();

        assertThat(otherEngine.execute("SELECT sum(amount) FROM orders", "sales").rows()).containsExactly(List.of("99.00"));
        assertThat(engine.execute("SELECT sum(amount) FROM orders", "sales").rows()).containsExactly(List.of("16.00"));
    }

    @Test
    void twoWorlds_concurrentStatements_keepDataAndBytesScannedApart() {
        FakeAws other = FakeAws.create();
        String otherOrders = "id,customer_id,amount,day\n9,9,99.00,2024-02-01\n";
        other.s3().createBucket(b -> b.bucket("acme-raw"));
        other.s3().putObject(b -> b.bucket("acme-raw").key("orders/orders.csv"), RequestBody.fromString(otherOrders));
        new CatalogTables(other.glue()).csv("sales", "orders", "s3://acme-raw/orders/",
                columns("id", "int", "customer_id", "int", "amount", "decimal(8,2)", "day", "date"));
        SqlEngine otherEngine = SqlEngine.builder().s3Client(other.s3()).glueClient(other.glue()).build();
        String sql = "SELECT sum(amount) AS total FROM orders";

        CompletableFuture<SqlResult> mine = CompletableFuture.supplyAsync(() -> engine.execute(sql, "sales"));
        CompletableFuture<SqlResult> theirs = CompletableFuture.supplyAsync(() -> otherEngine.execute(sql, "sales"));

        assertThat(mine.join().rows()).containsExactly(List.of("16.00"));
        assertThat(mine.join().bytesScanned()).isEqualTo(ORDERS.length());
        assertThat(theirs.join().rows()).containsExactly(List.of("99.00"));
        assertThat(theirs.join().bytesScanned()).isEqualTo(otherOrders.length());
    }

    @Test
    void jsonKeysInOtherCase_matchCatalogColumns() {
        put("people/people.json", "{\"Name\":\"Ann\",\"AGE\":30}\n");
        catalog.table("sales", "people", "s3://acme-raw/people/", CatalogTables.JSON, java.util.Map.of(), java.util.Map.of(),
                columns("name", "string", "age", "int"), List.of());

        assertThat(engine.execute("SELECT name, age FROM people", "sales").rows()).containsExactly(List.of("Ann", "30"));
    }

    @Test
    void executionParameters_boundInOrderAsLiterals() {
        SqlResult result = engine.execute("SELECT id FROM orders WHERE day >= ? AND customer_id = ? AND amount > ?"
                + " ORDER BY id", "sales", List.of("DATE '2024-01-02'", "10", "1.5"));

        assertThat(result.rows()).containsExactly(List.of("3"));
    }

    @Test
    void executionParameter_thatWouldBeAnInjection_isRefused_quotedValueStaysAValue() {
        String sql = "SELECT count(*) AS n FROM crm.customers WHERE name = ?";

        assertThatThrownBy(() -> engine.execute(sql, "sales", List.of("'Ann' OR 1=1")))
                .isInstanceOf(SqlQueryFailedException.class)
                .hasMessage("Invalid execution parameter 1 ''Ann' OR 1=1': must be one literal such as 'text', 42, 1.5,"
                        + " true or DATE '2024-01-31'");
        assertThat(engine.execute(sql, "sales", List.of("'x'' OR ''1''=''1'")).rows()).containsExactly(List.of("0"));
        assertThat(engine.execute(sql, "sales", List.of("'Ann'")).rows()).containsExactly(List.of("1"));
    }

    @Test
    void executionParameters_countMustMatchMarkers() {
        assertThatThrownBy(() -> engine.execute("SELECT * FROM orders WHERE id = ? AND '?' <> ''", "sales", List.of()))
                .isInstanceOf(SqlQueryFailedException.class)
                .hasMessage("Invalid execution parameters: the statement has 1 '?' marker(s) but 0 parameter(s) were given");
    }

    @Test
    void emptyArguments_andMissingClients_failFast() {
        assertThatThrownBy(() -> engine.execute("", "sales")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sql must not be empty");
        assertThatThrownBy(() -> engine.execute("SELECT 1", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("database must not be null");
        assertThatThrownBy(() -> SqlEngine.builder().s3Client(s3).build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("glueClient is required: call SqlEngine.builder().glueClient(..) before build()");
        assertThatThrownBy(() -> SqlEngine.builder().glueClient(aws.glue()).build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("s3Client is required: call SqlEngine.builder().s3Client(..) before build()");
    }
}
