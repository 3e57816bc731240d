package io.dataplatform.testing.spark;

import static io.dataplatform.testing.spark.CatalogTables.columns;
import static org.assertj.core.api.Assertions.assertThat;

import io.dataplatform.spark.SqlColumn;
import io.dataplatform.spark.SqlResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/** The SQL engine reads each table format as Athena would: CSV flavours, JSON lines, gzip; bytes are the files read. */
class SqlEngineFormatsTest extends SqlEngineTestBase {
    private static final String SALES = "id,region,amount,day\n1,eu,10.50,2024-01-01\n2,us,-3.00,2024-01-02\n"
            + "3,eu,7.25,2024-01-02\n4,apac,0.00,2024-01-03\n5,us,20.00,2024-01-03\n";

    @Test
    void csvWithHeader_aggregateByRegion_returnsTotalsAndWholeFileScanned() {
        put("sales/sales.csv", SALES);
        catalog.csv("sales", "sales", "s3://acme-raw/sales/",
                columns("id", "int", "region", "string", "amount", "decimal(10,2)", "day", "date"));

        SqlResult result = engine.execute("SELECT region, sum(amount) AS total, count(*) AS n FROM sales"
                + " GROUP BY region ORDER BY region", "sales");

        assertThat(result.columns()).containsExactly(new SqlColumn("region", "varchar", "varchar", Integer.MAX_VALUE, 0),
                new SqlColumn("total", "decimal", "decimal(20,2)", 20, 2), new SqlColumn("n", "bigint", "bigint", 19, 0));
        assertThat(result.rows()).containsExactly(List.of("apac", "0.00", "1"), List.of("eu", "17.75", "2"),
                List.of("us", "17.00", "2"));
        assertThat(result.bytesScanned()).isEqualTo(SALES.length());
    }

    @Test
    void csv_typedColumns_renderAsAthenaDoes() {
        put("sales/sales.csv", SALES);
        catalog.csv("sales", "sales", "s3://acme-raw/sales/",
                columns("id", "int", "region", "string", "amount", "decimal(10,2)", "day", "date"));

        SqlResult result = engine.execute("SELECT id, day, CAST(day AS timestamp) AS ts, amount * 2 AS twice,"
                + " amount > 5 AS big, CAST(NULL AS varchar(3)) AS nothing FROM sales WHERE id = 1", "sales");

        assertThat(result.columnNames()).containsExactly("id", "day", "ts", "twice", "big", "nothing");
        assertThat(result.columns().stream().map(SqlColumn::type))
                .containsExactly("integer", "date", "timestamp", "decimal", "boolean", "varchar");
        assertThat(result.rows()).containsExactly(
                java.util.Arrays.asList("1", "2024-01-01", "2024-01-01 00:00:00.000", "21.00", "true", null));
    }

    @Test
    void pipeDelimitedOpenCsv_withQuotes_readsFields() {
        String data = "1|\"Acme, Inc.\"|\"says \"\"hi\"\"\"\n2|Globex|plain\n";
        put("customers/part-0.txt", data);
        catalog.table("crm", "customers", "s3://acme-raw/customers/", CatalogTables.OPEN_CSV,
                Map.of("separatorChar", "|", "quoteChar", "\"", "escapeChar", "\""), Map.of(),
                columns("id", "string", "name", "string", "note", "string"), List.of());

        SqlResult result = engine.execute("SELECT id, name, note FROM crm.customers ORDER BY id", "sales");

        assertThat(result.rows()).containsExactly(List.of("1", "Acme, Inc.", "says \"hi\""),
                List.of("2", "Globex", "plain"));
        assertThat(result.bytesScanned()).isEqualTo(data.length());
    }

    @Test
    void lazySimplePipeDelimited_noHeader_quotesAreData() {
        String data = "1|\"eu\"|10\n2|us|\\N\n";
        put("pipes/data.psv", data);
        catalog.table("sales", "pipes", "s3://acme-raw/pipes/", CatalogTables.LAZY_SIMPLE,
                Map.of("field.delim", "|"), Map.of(), columns("id", "bigint", "region", "string", "qty", "int"),
                List.of());

        SqlResult result = engine.execute("SELECT * FROM pipes ORDER BY id", "sales");

        assertThat(result.rows()).containsExactly(List.of("1", "\"eu\"", "10"), java.util.Arrays.asList("2", "us", null));
    }

    @Test
    void jsonLines_nestedStruct_selectsNestedFieldsAndRendersRows() {
        String data = "{\"id\":1,\"customer\":{\"name\":\"Ann\",\"city\":\"Leeds\"},\"tags\":[\"a\",\"b\"]}\n"
                + "{\"id\":2,\"customer\":{\"name\":\"Bob\",\"city\":\"York\"},\"tags\":[]}\n";
        put("orders/orders.json", data);
        catalog.table("sales", "orders", "s3://acme-raw/orders/", CatalogTables.JSON, Map.of(), Map.of(),
                columns("id", "int", "customer", "struct<name:string,city:string>", "tags", "array<string>"), List.of());

        SqlResult result = engine.execute("SELECT id, customer.city AS city, customer, tags, cardinality(tags) AS n"
                + " FROM orders ORDER BY id", "sales");

        assertThat(result.columns().stream().map(SqlColumn::signature)).containsExactly("integer", "varchar",
                "row(name varchar,city varchar)", "array(varchar)", "integer");
        assertThat(result.rows()).containsExactly(List.of("1", "Leeds", "{name=Ann, city=Leeds}", "[a, b]", "2"),
                List.of("2", "York", "{name=Bob, city=York}", "[]", "0"));
        assertThat(result.bytesScanned()).isEqualTo(data.length());
    }

    @Test
    void gzippedCsv_isDecompressed_andScannedBytesAreTheCompressedSize() {
        byte[] gzipped = gzip(SALES);
        s3.putObject(b -> b.bucket("acme-raw").key("zipped/sales.csv.gz"), RequestBody.fromBytes(gzipped));
        catalog.csv("sales", "zipped", "s3://acme-raw/zipped/",
                columns("id", "int", "region", "string", "amount", "decimal(10,2)", "day", "date"));

        SqlResult result = engine.execute("SELECT count(*), sum(amount) FROM zipped", "sales");

        assertThat(result.columnNames()).containsExactly("_col0", "_col1");
        assertThat(result.rows()).containsExactly(List.of("5", "34.75"));
        assertThat(result.bytesScanned()).isEqualTo(gzipped.length);
    }

    @Test
    void emptyLocation_returnsNoRows() {
        catalog.csv("sales", "nothing", "s3://acme-raw/nothing/", columns("id", "int"));

        SqlResult result = engine.execute("SELECT count(*) AS n FROM nothing", "sales");

        assertThat(result.rows()).containsExactly(List.of("0"));
        assertThat(result.bytesScanned()).isZero();
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
