package io.dataplatform.testing.internal.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.testing.glue.TestFiles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** JSON lines, Parquet footers and gzip samples. */
class JsonAndParquetSnifferTest {

    private static List<String> columns(FileSchema schema) {
        return schema.columns().stream().map(c -> c.name() + " " + c.type().toGlueString()).toList();
    }

    @Test
    void json_nullsAndMissingFieldsAndWidening() {
        FileSchema schema = JsonSniffer.sniff("{\"a\":null,\"b\":1,\"c\":{\"x\":1}}\n"
                + "{\"a\":\"s\",\"b\":2.5,\"c\":{\"y\":[1,2]},\"d\":3000000000}\n"
                + "{\"b\":3,\"c\":{\"x\":2.5}}\n", false, "none").orElseThrow();

        assertThat(columns(schema)).containsExactly("a string", "b double", "c struct<x:double,y:array<int>>", "d bigint");
    }

    @Test
    void json_malformedAndCutLines_areSkipped() {
        FileSchema schema = JsonSniffer.sniff("{\"id\":1}\nnot json\n{\"id\":2}\n{\"id\":3,\"na", true, "none").orElseThrow();

        assertThat(columns(schema)).containsExactly("id int");
        assertThat(schema.records()).isEqualTo(2);
        assertThat(schema.malformedLines()).isEqualTo(1);
    }

    @Test
    void json_mixedScalarAndObject_becomesString() {
        FileSchema schema = JsonSniffer.sniff("{\"v\":1}\n{\"v\":{\"k\":1}}\n", false, "none").orElseThrow();

        assertThat(columns(schema)).containsExactly("v string");
    }

    @Test
    void classify_parquet_readsOnlyTheFooterRanges() {
        byte[] file = TestFiles.parquet("message m { required int32 id (INTEGER(16,true)); optional double score; "
                + "optional group attrs (MAP) { repeated group key_value { required binary key (STRING); "
                + "optional int64 value; } } optional group point { required float x; required float y; } }",
                2000, (row, i) -> {
                    row.append("id", i % 30000).append("score", i * 0.5);
                    row.addGroup("point").append("x", 1f).append("y", 2f);
                });
        List<long[]> reads = new ArrayList<>();
        RangedInputFile input = new RangedInputFile(file.length, (offset, length) -> {
            reads.add(new long[] {offset, length});
            return Arrays.copyOfRange(file, (int) offset, (int) offset + length);
        });

        FileSchema schema = Classifier.classify(Arrays.copyOf(file, 4), file.length, () -> input).orElseThrow();

        assertThat(columns(schema)).containsExactly("id smallint", "score double", "attrs map<string,bigint>",
                "point struct<x:float,y:float>");
        assertThat(schema.records()).isEqualTo(2000);
        long bytesRead = reads.stream().mapToLong(r -> r[1]).sum();
        assertThat(bytesRead).isLessThan(file.length / 2);
        assertThat(reads).allMatch(r -> r[0] > file.length / 2);
    }

    @Test
    void classify_parquet_mapsLegacyListsTimestampsWidthsAndAnnotationsToGlueTypes() {
        byte[] file = TestFiles.parquet("message m { optional group legacy (LIST) { repeated int32 element; } "
                + "optional group pairs (LIST) { repeated group array { required int32 a; required binary b (UTF8); } } "
                + "optional group three (LIST) { repeated group list { optional int64 element; } } "
                + "repeated binary raw; optional int96 ts96; optional int64 ts (TIMESTAMP(MICROS,true)); "
                + "optional int64 tsm (TIMESTAMP_MILLIS); optional int32 tiny (INT_8); optional int32 u16 (UINT_16); "
                + "optional int64 big (INTEGER(64,true)); optional binary e (ENUM); optional binary j (JSON); "
                + "optional fixed_len_byte_array(16) f; optional fixed_len_byte_array(9) d (DECIMAL(20,4)); "
                + "optional int32 day (DATE); optional boolean ok; "
                + "optional group kv (MAP_KEY_VALUE) { repeated group map { required binary key (UTF8); optional double value; } } "
                + "repeated group events { required float x; } }", 0, (row, i) -> { });
        List<long[]> reads = new ArrayList<>();
        RangedInputFile input = new RangedInputFile(file.length, (offset, length) -> {
            reads.add(new long[] {offset, length});
            return Arrays.copyOfRange(file, (int) offset, (int) offset + length);
        });

        FileSchema schema = Classifier.classify(Arrays.copyOf(file, 4), file.length, () -> input).orElseThrow();

        assertThat(columns(schema)).containsExactly("legacy array<int>", "pairs array<struct<a:int,b:string>>",
                "three array<bigint>", "raw array<binary>", "ts96 timestamp", "ts timestamp", "tsm timestamp",
                "tiny tinyint", "u16 smallint", "big bigint", "e string", "j string", "f binary", "d decimal(20,4)",
                "day date", "ok boolean", "kv map<string,double>", "events array<struct<x:float>>");
        assertThat(schema.records()).isZero();
        // The tail (footer length and magic), then the footer: two ranged reads.
        assertThat(reads).hasSize(2);
        assertThat(reads.get(0)).containsExactly(file.length - 8L, 8L);
    }

    @Test
    void classify_parquetMagicAtTheStartButNotAtTheEnd_failsNamingTheRule() {
        byte[] file = "PAR1 but not a Parquet file".getBytes(StandardCharsets.UTF_8);
        RangedInputFile input = new RangedInputFile(file.length,
                (offset, length) -> Arrays.copyOfRange(file, (int) offset, (int) offset + length));

        assertThatThrownBy(() -> Classifier.classify(Arrays.copyOf(file, 4), file.length, () -> input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Not a readable Parquet file: the last 4 bytes are not the magic PAR1 (an encrypted footer ends in PARE)");
    }

    @Test
    void classify_gzipCsvCutMidStream_stillInfersFromWhatInflated() {
        String csv = "id,amount\n" + IntStream.range(0, 20000).mapToObj(i -> i + "," + (i * 1.5)).collect(Collectors.joining("\n")) + "\n";
        byte[] gz = TestFiles.gzip(csv);
        byte[] head = Arrays.copyOf(gz, gz.length / 2);

        FileSchema schema = Classifier.classify(head, gz.length, () -> null).orElseThrow();

        assertThat(columns(schema)).containsExactly("id bigint", "amount double");
        assertThat(schema.compression()).isEqualTo("gzip");
    }

    @Test
    void classify_jsonBeforeCsv_andUnknownText() {
        byte[] json = "{\"a\":1,\"b\":\"x\"}\n{\"a\":2,\"b\":\"y\"}\n".getBytes(StandardCharsets.UTF_8);
        assertThat(Classifier.classify(json, json.length, () -> null).orElseThrow().format().classification()).isEqualTo("json");
        byte[] prose = "hello world\n".getBytes(StandardCharsets.UTF_8);
        assertThat(Classifier.classify(prose, prose.length, () -> null)).isEmpty();
        assertThat(Classifier.classify(new byte[0], 0, () -> null)).isEmpty();
    }
}
