package io.dataplatform.testing.internal.glue;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataplatform.glue.Column;
import io.dataplatform.glue.DataFormat;
import io.dataplatform.glue.GlueType;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Acceptance 2 of issue 4: type inference on tricky CSV values. */
class CsvSnifferTest {

    private static FileSchema sniff(String text) {
        return CsvSniffer.sniff(text, false, "none").orElseThrow();
    }

    private static List<String> columns(FileSchema schema) {
        return schema.columns().stream().map(c -> c.name() + " " + c.type().toGlueString()).toList();
    }

    @Test
    void emptyCells_sayNothingAboutTheType() {
        FileSchema schema = sniff("id,amount,note\n1,,\n2,3.5,\n,4,\n");

        assertThat(columns(schema)).containsExactly("id bigint", "amount double", "note string");
    }

    @Test
    void quotedDelimiters_stayInsideTheirField() {
        FileSchema schema = sniff("name,city,amount\n\"Smith, John\",\"Leeds, UK\",10\n\"Doe, \"\"JD\"\" Jane\",York,12\n");

        assertThat(columns(schema)).containsExactly("name string", "city string", "amount bigint");
        assertThat(schema.format().serializationLibrary()).isEqualTo(DataFormat.OPEN_CSV_SERDE);
        assertThat(schema.format().serdeParameters()).containsEntry("separatorChar", ",").containsEntry("quoteChar", "\"");
        assertThat(schema.records()).isEqualTo(2);
    }

    @Test
    void mixedIntegersAndDoubles_widenToDouble() {
        FileSchema schema = sniff("a,b\n1,1\n2.5,2\n3,3e2\n");

        assertThat(columns(schema)).containsExactly("a double", "b double");
    }

    @Test
    void datesTimestampsAndStrings_areToldApart() {
        FileSchema schema = sniff("d,ts,mixed,bad_date,iso\n"
                + "2024-01-31,2024-01-31 10:00:00,2024-01-31,2024-02-30,2024-01-31T10:00:00.123\n"
                + "2024-02-01,2024-02-01 23:59:59.5,2024-02-01 08:00:00,2024-02-28,2024-02-01T00:00:00\n");

        assertThat(columns(schema)).containsExactly("d date", "ts timestamp", "mixed string", "bad_date string", "iso timestamp");
    }

    @Test
    void booleansAndHugeIntegers() {
        FileSchema schema = sniff("flag,big,id\nTRUE,99999999999999999999,1\nfalse,1,2\n");

        assertThat(columns(schema)).containsExactly("flag boolean", "big double", "id bigint");
    }

    @Test
    void veryWideRows_keepEveryColumn() {
        String header = IntStream.range(0, 600).mapToObj(i -> "c" + i).collect(Collectors.joining(","));
        String row = IntStream.range(0, 600).mapToObj(i -> i % 2 == 0 ? String.valueOf(i) : "v" + i).collect(Collectors.joining(","));

        FileSchema schema = sniff(header + "\n" + row + "\n" + row + "\n");

        assertThat(schema.columns()).hasSize(600);
        assertThat(schema.columns().get(598)).isEqualTo(Column.of("c598", GlueType.BIGINT));
        assertThat(schema.columns().get(599)).isEqualTo(Column.of("c599", GlueType.STRING));
    }

    @Test
    void malformedLine_isSkippedAndTheSchemaStaysRight() {
        FileSchema schema = sniff("id,amount,region\n1,10,north\nthis line is broken\n2,11.5,south\n3,12,east,extra\n");

        assertThat(columns(schema)).containsExactly("id bigint", "amount double", "region string");
        assertThat(schema.malformedLines()).isEqualTo(2);
        assertThat(schema.records()).isEqualTo(2);
    }

    @Test
    void delimiter_isChosenAmongCommaPipeTabAndSemicolon() {
        assertThat(sniff("a|b|c\n1|x,y|2\n3|z|4\n").format().serdeParameters()).containsEntry("field.delim", "|");
        assertThat(sniff("a\tb\n1\t2,5\n3\t4\n").format().serdeParameters()).containsEntry("field.delim", "\t");
        assertThat(sniff("a;b\n1;2\n3;4\n").format().serdeParameters()).containsEntry("field.delim", ";");
        assertThat(columns(sniff("a;b\n1;2,5\n3;4\n"))).containsExactly("a bigint", "b string");
    }

    @Test
    void header_onlyWhenItDiffersFromTheData() {
        // All-string data: Glue cannot tell a header from data, so the first row is data.
        FileSchema allStrings = sniff("name,city\nann,leeds\nbo,york\n");
        assertThat(allStrings.names()).containsExactly("col0", "col1");
        assertThat(allStrings.records()).isEqualTo(3);
        assertThat(allStrings.format().tableParameters()).doesNotContainKey("skip.header.line.count");

        FileSchema withHeader = sniff("Order ID,Unit Price\n1,2.5\n2,3\n");
        assertThat(withHeader.names()).containsExactly("order_id", "unit_price");
        assertThat(withHeader.format().tableParameters()).containsEntry("skip.header.line.count", "1");
    }

    @Test
    void truncatedSample_dropsTheCutLastRecord() {
        FileSchema schema = CsvSniffer.sniff("id,amount\n1,10\n2,11\n3,1x", true, "none").orElseThrow();

        assertThat(columns(schema)).containsExactly("id bigint", "amount bigint");
    }

    @Test
    void singleColumnOrSingleRow_isNotCsv() {
        assertThat(CsvSniffer.sniff("just\none\ncolumn\n", false, "none")).isEmpty();
        assertThat(CsvSniffer.sniff("a,b,c\n", false, "none")).isEmpty();
    }

    @Test
    void headerCellOf150CharactersOrMore_isData_notAHeader() {
        String longCell = "x".repeat(150);
        FileSchema schema = sniff(longCell + ",amount\nsome text,1\nmore text,2\n");

        assertThat(columns(schema)).containsExactly("col0 string", "col1 string");
        assertThat(schema.format().tableParameters()).doesNotContainKey("skip.header.line.count");
        assertThat(schema.records()).isEqualTo(3);
    }

    @Test
    void headerCellJustUnder150Characters_isStillAHeader() {
        String name = "n".repeat(149);
        FileSchema schema = sniff(name + ",amount\nsome text,1\nmore text,2\n");

        assertThat(schema.format().tableParameters()).containsEntry("skip.header.line.count", "1");
        assertThat(schema.columns().get(0).name()).isEqualTo(name);
    }

    @Test
    void trailingDelimiterOnEveryLine_stillLetsTheFirstLineBeAHeader() {
        FileSchema schema = sniff("id,amount,\n1,10,\n2,11.5,\n");

        assertThat(schema.format().tableParameters()).containsEntry("skip.header.line.count", "1");
        assertThat(columns(schema)).startsWith("id bigint", "amount double");
        assertThat(schema.records()).isEqualTo(2);
    }
}
