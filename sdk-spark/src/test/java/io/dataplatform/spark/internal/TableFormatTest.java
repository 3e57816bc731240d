package io.dataplatform.spark.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.SerDeInfo;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;

/** SerDe, input format and table parameters map to Spark's data source options as Athena reads the files. */
class TableFormatTest {
    private static Table table(String serde, String inputFormat, Map<String, String> serdeParameters,
            Map<String, String> tableParameters) {
        return Table.builder().databaseName("sales").name("orders").parameters(tableParameters)
                .storageDescriptor(StorageDescriptor.builder().location("s3://acme-raw/orders/").inputFormat(inputFormat)
                        .serdeInfo(SerDeInfo.builder().serializationLibrary(serde).parameters(serdeParameters).build())
                        .build())
                .build();
    }

    @Test
    void lazySimple_crawlerCsv_commaAndHeader_noQuoting() {
        TableFormat format = TableFormat.of(table(TableFormat.LAZY_SIMPLE, "org.apache.hadoop.mapred.TextInputFormat",
                Map.of("field.delim", ","), Map.of("skip.header.line.count", "1", "classification", "csv")));

        assertThat(format).isEqualTo(new TableFormat("csv", Map.of("mode", "PERMISSIVE", "header", "true", "sep", ",",
                "quote", "\u0000", "nullValue", "\\N")));
    }

    @Test
    void lazySimple_defaults_hiveCtrlADelimiter_noHeader() {
        TableFormat format = TableFormat.of(table(TableFormat.LAZY_SIMPLE, "", Map.of("serialization.format", "1"), Map.of()));

        assertThat(format.options()).containsEntry("sep", "\u0001").containsEntry("header", "false");
    }

    @Test
    void lazySimple_nullFormatAndEscape_areHonoured() {
        TableFormat format = TableFormat.of(table(TableFormat.LAZY_SIMPLE, "", Map.of("field.delim", "|",
                "serialization.null.format", "", "escape.delim", "\\"), Map.of()));

        assertThat(format.options()).containsEntry("sep", "|").containsEntry("nullValue", "").containsEntry("escape", "\\");
    }

    @Test
    void textInputFormatWithoutSerde_isLazySimple() {
        assertThat(TableFormat.of(table(null, "org.apache.hadoop.mapred.TextInputFormat", Map.of(), Map.of())).source())
                .isEqualTo("csv");
    }

    @Test
    void openCsv_separatorQuoteEscape_andHeaderFromSerdeParameters() {
        TableFormat format = TableFormat.of(table(TableFormat.OPEN_CSV, "org.apache.hadoop.mapred.TextInputFormat",
                Map.of("separatorChar", "\t", "quoteChar", "'", "skip.header.line.count", "1"), Map.of()));

        assertThat(format).isEqualTo(new TableFormat("csv", Map.of("mode", "PERMISSIVE", "header", "true", "sep", "\t",
                "quote", "'", "escape", "\\")));
    }

    @Test
    void openCsv_defaults_commaDoubleQuoteBackslash() {
        TableFormat format = TableFormat.of(table(TableFormat.OPEN_CSV, "", Map.of(), Map.of()));

        assertThat(format.options()).containsEntry("sep", ",").containsEntry("quote", "\"").containsEntry("escape", "\\")
                .containsEntry("header", "false");
    }

    @Test
    void jsonSerdes_openxAndHcatalog_areJsonLines() {
        assertThat(TableFormat.of(table("org.openx.data.jsonserde.JsonSerDe", "", Map.of(), Map.of())))
                .isEqualTo(new TableFormat("json", Map.of("mode", "PERMISSIVE")));
        assertThat(TableFormat.of(table("org.apache.hive.hcatalog.data.JsonSerDe", "", Map.of(), Map.of())).source())
                .isEqualTo("json");
    }

    @Test
    void parquet_bySerdeOrInputFormat() {
        assertThat(TableFormat.of(table("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe", "", Map.of(),
                Map.of()))).isEqualTo(new TableFormat("parquet", Map.of()));
        assertThat(TableFormat.of(table(null, "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat", Map.of(),
                Map.of())).source()).isEqualTo("parquet");
    }

    @Test
    void unsupportedSerde_namesTableSerdeAndWhatIsSupported() {
        assertThatThrownBy(() -> TableFormat.of(table("org.apache.hadoop.hive.ql.io.orc.OrcSerde",
                "org.apache.hadoop.hive.ql.io.orc.OrcInputFormat", Map.of(), Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unsupported table format for 'sales.orders': SerDe 'org.apache.hadoop.hive.ql.io.orc.OrcSerde'"
                        + " with input format 'org.apache.hadoop.hive.ql.io.orc.OrcInputFormat'; supported are"
                        + " LazySimpleSerDe, OpenCSVSerde, the JSON SerDes and Parquet");
    }

    @Test
    void headerLineCount_aboveOne_orNotANumber_isRefused() {
        assertThatThrownBy(() -> TableFormat.of(table(TableFormat.LAZY_SIMPLE, "", Map.of(),
                Map.of("skip.header.line.count", "2")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid table parameter 'skip.header.line.count' of 'sales.orders': must be 0 or 1, but was '2'");
        assertThatThrownBy(() -> TableFormat.of(table(TableFormat.OPEN_CSV, "", Map.of(),
                Map.of("skip.header.line.count", "one")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid table parameter 'skip.header.line.count' of 'sales.orders': must be 0 or 1, but was 'one'");
    }
}
