package io.dataplatform.athena.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.athena.engine.EngineColumn;
import io.dataplatform.athena.engine.EngineResult;
import io.dataplatform.athena.sql.AthenaSqlReader;
import io.trino.sql.tree.Statement;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineCoreTest {
    private static final String LAZY = FileFormat.LAZY_SIMPLE;
    private final TestS3 s3 = new TestS3();
    private final TestGlue glue = new TestGlue();
    private final EngineCore engine = new EngineCore(s3, glue, Clock.fixed(Instant.parse("2024-01-03T10:00:00Z"), ZoneOffset.UTC),
            new PassThroughTranslator());

    @AfterEach
    void close() {
        engine.close();
    }

    private List<List<String>> rows(String sql) {
        return engine.execute(sql, "sales", List.of()).rows();
    }

    @Test
    void lazySimple_defaultDelimiter_nullText_header_hiddenFilesSkipped() {
        String data = "id\u0001name\n1\u0001a\n2\u0001\\N\n3\u0001\n";
        s3.put("s3://b/t/data.txt", data).put("s3://b/t/_SUCCESS", "x").put("s3://b/t/.hidden", "9\u0001z\n")
                .put("s3://b/t/_tmp/part.txt", "8\u0001y\n").put("s3://b/tother/x.txt", "7\u0001w\n");
        glue.table("sales", "t", "s3://b/t", LAZY, Map.of(), Map.of("skip.header.line.count", "1"),
                List.of("id int", "name string"), List.of());
        EngineResult result = engine.execute("SELECT id, name FROM t ORDER BY id", "sales", List.of());
        assertThat(result.rows()).containsExactly(List.of("1", "a"), java.util.Arrays.asList("2", null), List.of("3", ""));
        assertThat(result.columns()).containsExactly(new EngineColumn("id", "integer", "integer", 10, 0),
                new EngineColumn("name", "varchar", "varchar", Integer.MAX_VALUE, 0));
        assertThat(result.bytesScanned()).isEqualTo(data.length());
        assertThat(s3.reads).containsExactly("s3://b/t/data.txt");
    }

    @Test
    void sameStatementAgain_readsWhatChangedSince_notWhatItsDatabaseKept() {
        s3.put("s3://b/t/1.txt", "1\n2\n");
        glue.table("sales", "t", "s3://b/t", LAZY, Map.of(), Map.of(), List.of("id int"), List.of());
        String sql = "SELECT id, count(*) AS n FROM t GROUP BY id ORDER BY id";
        assertThat(rows(sql)).containsExactly(List.of("1", "1"), List.of("2", "1"));

        s3.put("s3://b/t/1.txt", "3\n").put("s3://b/t/2.txt", "3\n4\n");
        assertThat(rows(sql)).containsExactly(List.of("3", "2"), List.of("4", "1"));

        glue.table("sales", "t", "s3://b/t", LAZY, Map.of(), Map.of(), List.of("id string"), List.of());
        EngineResult retyped = engine.execute(sql, "sales", List.of());
        assertThat(retyped.columns().get(0).type()).isEqualTo("varchar");
        assertThat(retyped.rows()).containsExactly(List.of("3", "2"), List.of("4", "1"));

        s3.objects.clear();
        assertThat(rows(sql)).isEmpty();
    }

    @Test
    void aViewReadAgainUnchanged_isReadFromItsCopy_untilWhatItReadsChanges() {
        s3.put("s3://b/t/1.txt", "1\n2\n");
        glue.table("sales", "t", "s3://b/t", LAZY, Map.of(), Map.of(), List.of("id int"), List.of());
        try (EngineCore copying = new EngineCore(s3, glue, Clock.systemUTC(), new Relational())) {
            String sql = "SELECT id, count(*) AS n FROM t GROUP BY id ORDER BY id";
            assertThat(copying.execute(sql, "sales", List.of()).rows()).containsExactly(List.of("1", "1"), List.of("2", "1"));
            assertThat(copying.copiesHeld()).as("a table read once is read through its view").isZero();
            for (int i = 0; i < 2; i++) {
                assertThat(copying.execute(sql, "sales", List.of()).rows()).containsExactly(List.of("1", "1"), List.of("2", "1"));
                assertThat(copying.copiesHeld()).as("read again unchanged: from its copy").isEqualTo(1);
            }

            s3.put("s3://b/t/1.txt", "3\n").put("s3://b/t/2.txt", "3\n4\n");
            assertThat(copying.execute(sql, "sales", List.of()).rows()).containsExactly(List.of("3", "2"), List.of("4", "1"));
            assertThat(copying.copiesHeld()).as("the copy of what changed is dropped").isZero();
            assertThat(copying.execute(sql, "sales", List.of()).rows()).containsExactly(List.of("3", "2"), List.of("4", "1"));
            assertThat(copying.copiesHeld()).isEqualTo(1);

            glue.table("sales", "t", "s3://b/t", LAZY, Map.of(), Map.of(), List.of("id string"), List.of());
            for (int i = 0; i < 2; i++) {
                EngineResult retyped = copying.execute(sql, "sales", List.of());
                assertThat(retyped.columns().get(0).type()).isEqualTo("varchar");
                assertThat(retyped.rows()).containsExactly(List.of("3", "2"), List.of("4", "1"));
            }

            s3.objects.clear();
            assertThat(copying.execute(sql, "sales", List.of()).rows()).isEmpty();
            assertThat(copying.execute(sql, "sales", List.of()).rows()).isEmpty();
        }
    }

    @Test
    void aViewThatCannotBeCopied_isReadAsAView_failingOnlyTheStatementsThatReadTheBadValue() {
        s3.put("s3://b/j/1.json", "{\"id\": 1, \"v\": \"x\"}\n{\"id\": 2, \"v\": 5}\n");
        glue.table("sales", "j", "s3://b/j", "org.openx.data.jsonserde.JsonSerDe", Map.of(), Map.of(),
                List.of("id int", "v int"), List.of());
        try (EngineCore copying = new EngineCore(s3, glue, Clock.systemUTC(), new Relational())) {
            for (int i = 0; i < 3; i++) {
                assertThat(copying.execute("SELECT id FROM j ORDER BY id", "sales", List.of()).rows())
                        .containsExactly(List.of("1"), List.of("2"));
                assertThatThrownBy(() -> copying.execute("SELECT v FROM j", "sales", List.of()))
                        .isInstanceOf(EngineFailure.class);
            }
            assertThat(copying.copiesHeld()).isZero();
        }
    }

    @Test
    void aClosedEnginesDatabase_servesTheNextEngine_emptiedOfWhatItsStatementsLeft() {
        s3.put("s3://b/t/1.txt", "1\n");
        glue.table("sales", "t", "s3://b/t", LAZY, Map.of(), Map.of(), List.of("id int"), List.of());
        Clock clock = Clock.systemUTC();
        EngineCore first = new EngineCore(s3, glue, clock, new Relational());
        for (int i = 0; i < 2; i++) {
            assertThat(first.execute("SELECT id FROM t", "sales", List.of()).rows()).containsExactly(List.of("1"));
        }
        assertThat(first.copiesHeld()).isEqualTo(1);
        first.close();
        assertThat(DatabasePool.idle()).as("databases idle in the JVM's pool").isPositive();

        // The database given back last is taken first (spares made in the background queue behind it).
        try (EngineCore next = new EngineCore(s3, glue, clock, new Fixed("SELECT (SELECT count(*) FROM duckdb_views() "
                + "WHERE NOT internal) AS views, (SELECT count(*) FROM duckdb_tables()) AS tables"))) {
            assertThat(next.execute("SELECT 1", "sales", List.of()).rows()).containsExactly(List.of("0", "0"));
        }
    }

    @Test
    void lazySimple_fieldDelimAndEscapeDelim() {
        s3.put("s3://b/t/a.csv", "1|a\\|b\n2|\\N\n");
        glue.table("sales", "t", "s3://b/t/", LAZY, Map.of("field.delim", "|", "escape.delim", "\\"), Map.of(),
                List.of("id bigint", "name string"), List.of());
        assertThat(rows("SELECT * FROM t ORDER BY id")).containsExactly(List.of("1", "a|b"), java.util.Arrays.asList("2", null));
    }

    @Test
    void openCsv_quotesSeparatorGzip_billsCompressedSize() throws Exception {
        byte[] gz = gzip("\"id\",\"name\"\n\"1\",\"a,b\"\n\"2\",\"\"\n");
        s3.put("s3://b/c/part.csv.gz", gz);
        glue.table("sales", "c", "s3://b/c", FileFormat.OPEN_CSV, Map.of("separatorChar", ",", "quoteChar", "\""),
                Map.of("skip.header.line.count", "1"), List.of("id string", "name string"), List.of());
        EngineResult result = engine.execute("SELECT id, name FROM c ORDER BY id", "sales", List.of());
        assertThat(result.rows()).containsExactly(List.of("1", "a,b"), List.of("2", ""));
        assertThat(result.bytesScanned()).isEqualTo(gz.length);
    }

    @Test
    void openCsv_readsQuotesAndEscapesAsHivesOpenCsvSerde() {
        // opencsv 2.3, which Hive's OpenCSVSerde uses: "" inside quotes is one quote, \ escapes a quote or itself, a quoted
        // field spans lines, a quote in the middle of an unquoted field stays, and a line's missing fields are NULL.
        s3.put("s3://b/o/part.csv", "\"he said \"\"hi\"\"\",\"q\\\"x\"\n\"multi\nline\",ab\"c\"d\n\"x\"\r\n,\"\"\n");
        glue.table("sales", "o", "s3://b/o", FileFormat.OPEN_CSV, Map.of(), Map.of(), List.of("a string", "b string"), List.of());
        assertThat(engine.execute("SELECT a, b FROM o", "sales", List.of()).rows()).containsExactly(List.of("he said \"hi\"", "q\"x"),
                List.of("multi\nline", "ab\"c\"d"), java.util.Arrays.asList("x", null), List.of("", ""));
    }

    @Test
    void textFields_thatHiveCannotRead_areNull_andMissingFieldsAreNull() {
        // Hive's text readers: an integer is digits with a sign, a boolean "true" or "false" in any case.
        s3.put("s3://b/l/part.csv", "1.5,yes,a\n 7,TRUE,\n8,false\n");
        glue.table("sales", "l", "s3://b/l", LAZY, Map.of("field.delim", ","), Map.of(), List.of("n int", "b boolean", "s string"),
                List.of());
        assertThat(engine.execute("SELECT n, b, s FROM l", "sales", List.of()).rows()).containsExactly(
                java.util.Arrays.asList(null, null, "a"), java.util.Arrays.asList(null, "true", ""), java.util.Arrays.asList("8", "false", null));
    }

    @Test
    void json_malformedLine_failsTheQuery_unlessOpenXIgnoresMalformedJson() {
        s3.put("s3://b/m/1.json", "{\"id\": 1}\n{bad\n{\"id\": 3}\n");
        glue.table("sales", "strict", "s3://b/m", "org.apache.hive.hcatalog.data.JsonSerDe", Map.of("ignore.malformed.json", "true"),
                Map.of(), List.of("id int"), List.of());
        assertThatThrownBy(() -> engine.execute("SELECT id FROM strict", "sales", List.of())).hasMessageStartingWith("HIVE_CURSOR_ERROR: ");
        glue.table("sales", "lenient", "s3://b/m", "org.openx.data.jsonserde.JsonSerDe", Map.of("ignore.malformed.json", "TRUE"),
                Map.of(), List.of("id int"), List.of());
        assertThat(engine.execute("SELECT id FROM lenient", "sales", List.of()).rows())
                .containsExactly(List.of("1"), java.util.Arrays.asList((String) null), List.of("3"));
    }

    @Test
    void json_keysCaseInsensitive_nested() {
        String data = "{\"ID\": 1, \"Name\": \"a\", \"tags\": [\"x\", \"y\"]}\n{\"id\": 2}\n";
        s3.put("s3://b/j/1.json", data);
        glue.table("sales", "j", "s3://b/j", "org.openx.data.jsonserde.JsonSerDe", Map.of(), Map.of(),
                List.of("id bigint", "name string", "tags array<string>"), List.of());
        EngineResult result = engine.execute("SELECT id, name, tags FROM j ORDER BY id", "sales", List.of());
        assertThat(result.rows()).containsExactly(List.of("1", "a", "[x, y]"), java.util.Arrays.asList("2", null, null));
        assertThat(result.columns().get(2).signature()).isEqualTo("array(varchar)");
        assertThat(result.bytesScanned()).isEqualTo(data.length());
    }

    @Test
    void parquet_billsFooterAndReferencedColumnChunks(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.parquet");
        long idChunk;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); java.sql.Statement s = c.createStatement()) {
            s.execute("COPY (SELECT range AS id, 'name' || range AS name FROM range(100)) TO '" + file + "' (FORMAT parquet)");
            try (ResultSet r = s.executeQuery("SELECT sum(total_compressed_size) FROM parquet_metadata('" + file
                    + "') WHERE path_in_schema = 'id'")) {
                r.next();
                idChunk = r.getLong(1);
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        // Footer: the metadata length is the little-endian int before the trailing "PAR1".
        long footer = ByteBuffer.wrap(bytes, bytes.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() + 8;
        s3.put("s3://b/p/part-0.parquet", bytes);
        glue.table("sales", "p", "s3://b/p", "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe", Map.of(), Map.of(),
                List.of("id bigint", "name string", "missing string"), List.of());
        EngineResult result = engine.execute("SELECT sum(id) AS total, count(missing) AS m FROM p", "sales", List.of());
        assertThat(result.rows()).containsExactly(List.of("4950", "0"));
        assertThat(result.bytesScanned()).isEqualTo(footer + idChunk);
        assertThat(engine.execute("SELECT * FROM p", "sales", List.of()).bytesScanned()).isEqualTo(bytes.length - 4);
    }

    @Test
    void partitions_estimatorAndEngineReadTheSamePartitions() {
        s3.put("s3://b/t/year=2023/a.csv", "1,x\n").put("s3://b/t/year=2024/a.csv", "1,y\n2,z\n")
                .put("s3://b/dim/d.csv", "1,one\n");
        glue.table("sales", "t", "s3://b/t", LAZY, Map.of("field.delim", ","), Map.of(), List.of("id int", "v string"),
                List.of("year string"));
        glue.partition("sales", "t", List.of("2023"), "s3://b/t/year=2023/").partition("sales", "t", List.of("2024"), "s3://b/t/year=2024/");
        glue.table("sales", "dim", "s3://b/dim", LAZY, Map.of("field.delim", ","), Map.of(), List.of("id int", "label string"), List.of());
        String sql = "/* FROM nope */ WITH t AS (SELECT * FROM \"sales\".\"t\" WHERE year = '2024')\n"
                + "SELECT t.v, dim.label FROM (t JOIN \"DIM\" dim ON t.id = dim.id) -- JOIN other\nORDER BY 1";
        EngineResult result = engine.execute(sql, "sales", List.of());
        assertThat(result.rows()).containsExactly(List.of("y", "one"));
        assertThat(AthenaSqlReader.read(sql, List.of()).reads()).extracting(r -> r.name().table()).containsExactly("t", "dim");
        assertThat(engine.lastSelections()).containsExactly(Map.entry("sales.t", List.of(List.of(List.of("2024")))),
                Map.entry("sales.dim", List.of(List.of(List.of()))));
        assertThat(result.bytesScanned()).isEqualTo("1,y\n2,z\n".length() + "1,one\n".length());
    }

    @Test
    void projection_enumAndIntegerWithTemplate() {
        s3.put("s3://b/p/eu/1/a.csv", "1\n").put("s3://b/p/us/1/a.csv", "2\n").put("s3://b/p/eu/2/a.csv", "3\n");
        glue.table("sales", "pr", "s3://b/p", LAZY, Map.of(), Map.of("projection.enabled", "true",
                        "projection.region.type", "enum", "projection.region.values", "eu,us",
                        "projection.n.type", "integer", "projection.n.range", "1,2",
                        "storage.location.template", "s3://b/p/${region}/${n}/"),
                List.of("id int"), List.of("region string", "n int"));
        EngineResult result = engine.execute("SELECT id, region, n FROM pr WHERE region = 'eu' ORDER BY id", "sales", List.of());
        assertThat(result.rows()).containsExactly(List.of("1", "eu", "1"), List.of("3", "eu", "2"));
        assertThat(result.bytesScanned()).isEqualTo(4);
    }

    @Test
    void missingTable_isTableNotFound() {
        assertThatThrownBy(() -> rows("SELECT * FROM nope")).isInstanceOf(EngineFailure.class)
                .hasMessage("TABLE_NOT_FOUND: Table 'awsdatacatalog.sales.nope' does not exist");
    }

    @Test
    void syntaxError_hasTrinoPosition() {
        assertThatThrownBy(() -> rows("SELECT FROM WHERE")).isInstanceOf(EngineFailure.class)
                .hasMessageStartingWith("SYNTAX_ERROR: line 1:8: ");
    }

    @Test
    void parameters_boundAsLiterals() {
        s3.put("s3://b/t/a.csv", "1,a\n2,b\n");
        glue.table("sales", "t", "s3://b/t", LAZY, Map.of("field.delim", ","), Map.of(), List.of("id int", "v string"), List.of());
        assertThat(engine.execute("SELECT v FROM t WHERE id = ? AND v <> '?'", "sales", List.of("2")).rows())
                .containsExactly(List.of("b"));
        assertThatThrownBy(() -> engine.execute("SELECT v FROM t WHERE id = ?", "sales", List.of("1 OR 1=1")))
                .hasMessage("INVALID_PARAMETER_USAGE: Execution parameter '1 OR 1=1' is not a literal");
    }

    @Test
    void rendering_everyType() {
        EngineCore direct = new EngineCore(s3, glue, Clock.systemUTC(), new Fixed(
                "SELECT TIMESTAMP '2024-01-01 00:00:00' AS ts, DATE '2024-01-01' AS d, CAST(1.5 AS DECIMAL(10,2)) AS dec,"
                        + " CAST(2.5 AS DOUBLE) AS dbl, CAST(1e10 AS DOUBLE) AS big, CAST(0.0001 AS DOUBLE) AS small, true AS b,"
                        + " [1, 2] AS arr, map(['a', 'b'], [1, 2]) AS m, {'x': 1, 'y': 'a'} AS r, 'hel'::BLOB AS bin,"
                        + " '{\"k\":1}'::JSON AS j, CAST(NULL AS VARCHAR) AS n, 42 AS i, 5 // 2 AS intdiv"));
        try (direct) {
            EngineResult result = direct.execute("SELECT 1", "sales", List.of());
            assertThat(result.rows().get(0)).containsExactly("2024-01-01 00:00:00.000", "2024-01-01", "1.50", "2.5", "1.0E10",
                    "1.0E-4", "true", "[1, 2]", "{a=1, b=2}", "{x=1, y=a}", "68 65 6c", "{\"k\":1}", null, "42", "2");
            assertThat(result.columns()).extracting(EngineColumn::type).containsExactly("timestamp", "date", "decimal", "double",
                    "double", "double", "boolean", "array", "map", "row", "varbinary", "json", "varchar", "integer", "integer");
            assertThat(result.columns().get(2)).isEqualTo(new EngineColumn("dec", "decimal", "decimal(10,2)", 10, 2));
            assertThat(result.columns().get(0).precision()).isEqualTo(3);
        }
    }

    @Test
    void rendering_timestampsWithTimeZoneInsideCollections_asAthenaPrintsThem() {
        // As plain timestamps inside an array print with milliseconds, so do instants, in the session zone UTC:
        // not DuckDB's "2024-01-01 10:00:00+00".
        EngineCore direct = new EngineCore(s3, glue, Clock.systemUTC(), new Fixed(
                "SELECT [TIMESTAMPTZ '2024-01-01 10:00:00+00'] AS arr, {'t': TIMESTAMPTZ '2024-01-01 10:00:00.123+02'} AS r,"
                        + " map(['a'], [TIMESTAMPTZ '2024-01-01 23:30:00-01:30']) AS m"));
        try (direct) {
            assertThat(direct.execute("SELECT 1", "sales", List.of()).rows().get(0)).containsExactly(
                    "[2024-01-01 10:00:00.000 UTC]", "{t=2024-01-01 08:00:00.123 UTC}", "{a=2024-01-02 01:00:00.000 UTC}");
        }
    }

    @Test
    void functionFailuresDuckDbRaises_areWordedAsTrinosFunctionErrors_notAsDuckDbs() {
        try (EngineCore trino = new EngineCore(s3, glue, Clock.systemUTC(), new TrinoTranslator())) {
            assertThatThrownBy(() -> trino.execute("SELECT from_hex('zz')", "sales", List.of()))
                    .hasMessageStartingWith("INVALID_FUNCTION_ARGUMENT: ");
            assertThatThrownBy(() -> trino.execute("SELECT from_base64('***')", "sales", List.of()))
                    .hasMessageStartingWith("INVALID_FUNCTION_ARGUMENT: ");
            assertThatThrownBy(() -> trino.execute("SELECT chr(-1)", "sales", List.of()))
                    .hasMessage("INVALID_FUNCTION_ARGUMENT: Not a valid Unicode code point: -1");
            assertThatThrownBy(() -> trino.execute("SELECT map_from_entries(ARRAY[ROW('a', 1), ROW('a', 2)])", "sales", List.of()))
                    .hasMessageStartingWith("INVALID_FUNCTION_ARGUMENT: ");
            assertThatThrownBy(() -> trino.execute("SELECT CAST(json_parse('\"a\"') AS integer)", "sales", List.of()))
                    .hasMessageStartingWith("INVALID_CAST_ARGUMENT: ");
        }
    }

    /** Runs the SQL as it is but for {@code FROM table}, which reads the relation the engine resolved (a view or its copy). */
    private static final class Relational implements SqlTranslator {
        @Override
        public Statement parse(String sql) {
            return new PassThroughTranslator().parse(sql);
        }

        @Override
        public Translated translate(String sql, Statement statement, TableLookup tables) {
            String duckDb = sql;
            for (List<String> name : tables.tablesRead()) {
                String table = name.get(name.size() - 1);
                duckDb = duckDb.replace("FROM " + table, "FROM " + tables.resolve(name).duckDbRelation());
            }
            return new Translated(duckDb, List.of());
        }

        @Override
        public List<String> macros() {
            return List.of();
        }
    }

    /** Runs one fixed DuckDB statement whatever the SQL: rendering tests without a translator. */
    private record Fixed(String duckDb) implements SqlTranslator {
        @Override
        public Statement parse(String sql) {
            return new PassThroughTranslator().parse(sql);
        }

        @Override
        public Translated translate(String sql, Statement statement, TableLookup tables) {
            return new Translated(duckDb, List.of());
        }

        @Override
        public List<String> macros() {
            return List.of();
        }
    }

    private static byte[] gzip(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
