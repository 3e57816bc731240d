package io.dataplatform.glue;

import io.dataplatform.internal.Checks;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a table's files are stored: the SerDe, the input and output formats and the properties that
 * Glue crawlers write and Athena reads for each format.
 *
 * <pre>{@code
 * DataFormat.csv(',', true);   // LazySimpleSerDe, field.delim=',', skip.header.line.count=1
 * DataFormat.json();           // org.openx.data.jsonserde.JsonSerDe
 * DataFormat.parquet();        // ParquetHiveSerDe, MapredParquetInputFormat/OutputFormat
 * }</pre>
 *
 * @param classification       Glue's classification table property: {@code csv}, {@code json}, {@code parquet}, ...
 * @param serializationLibrary the SerDe class
 * @param inputFormat          the Hadoop input format class
 * @param outputFormat         the Hadoop output format class
 * @param serdeParameters      the SerDe's parameters, e.g. {@code field.delim}
 * @param tableParameters      table properties the format needs, e.g. {@code skip.header.line.count}
 */
public record DataFormat(String classification, String serializationLibrary, String inputFormat, String outputFormat,
                         Map<String, String> serdeParameters, Map<String, String> tableParameters) {
    /** Hive's plain text input format, used for CSV and JSON. */
    public static final String TEXT_INPUT_FORMAT = "org.apache.hadoop.mapred.TextInputFormat";
    /** Hive's text output format, used for CSV and JSON. */
    public static final String TEXT_OUTPUT_FORMAT = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat";
    /** The SerDe Glue writes for delimited text without quotes. */
    public static final String LAZY_SIMPLE_SERDE = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe";
    /** The SerDe Glue writes for CSV with quoted fields. */
    public static final String OPEN_CSV_SERDE = "org.apache.hadoop.hive.serde2.OpenCSVSerde";
    /** The JSON SerDe Glue writes for JSON tables. */
    public static final String JSON_SERDE = "org.openx.data.jsonserde.JsonSerDe";
    /** The Parquet SerDe. */
    public static final String PARQUET_SERDE = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";
    /** The Parquet input format. */
    public static final String PARQUET_INPUT_FORMAT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";
    /** The Parquet output format. */
    public static final String PARQUET_OUTPUT_FORMAT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat";

    /** Copies the maps and requires the class names. */
    public DataFormat {
        if (classification == null || serializationLibrary == null || inputFormat == null || outputFormat == null) {
            throw new IllegalArgumentException("classification, serializationLibrary, inputFormat and outputFormat must not be null");
        }
        serdeParameters = Checks.copyOf(serdeParameters, "serdeParameters");
        tableParameters = Checks.copyOf(tableParameters, "tableParameters");
    }

    /**
     * Returns delimited text read by LazySimpleSerDe (unquoted fields).
     *
     * @param delimiter the field delimiter, e.g. ',' '|' '\t' ';'
     * @param header    whether the first line of each file is a header to skip
     */
    public static DataFormat csv(char delimiter, boolean header) {
        Map<String, String> table = new LinkedHashMap<>();
        table.put("classification", "csv");
        table.put("delimiter", String.valueOf(delimiter));
        if (header) {
            // Athena and Hive skip this many lines of each file; Glue sets it on CSV tables with a header.
            table.put("skip.header.line.count", "1");
        }
        return new DataFormat("csv", LAZY_SIMPLE_SERDE, TEXT_INPUT_FORMAT, TEXT_OUTPUT_FORMAT,
                Map.of("field.delim", String.valueOf(delimiter)), table);
    }

    /**
     * Returns CSV with double-quoted fields, read by OpenCSVSerDe (which reads every column as text;
     * Athena converts to the declared types).
     */
    public static DataFormat quotedCsv(char delimiter, boolean header) {
        Map<String, String> table = new LinkedHashMap<>(csv(delimiter, header).tableParameters());
        return new DataFormat("csv", OPEN_CSV_SERDE, TEXT_INPUT_FORMAT, TEXT_OUTPUT_FORMAT,
                Map.of("separatorChar", String.valueOf(delimiter), "quoteChar", "\""), table);
    }

    /** Returns JSON lines read by the OpenX JSON SerDe. */
    public static DataFormat json() {
        return new DataFormat("json", JSON_SERDE, TEXT_INPUT_FORMAT, TEXT_OUTPUT_FORMAT, Map.of(),
                Map.of("classification", "json"));
    }

    /** Returns Parquet. */
    public static DataFormat parquet() {
        return new DataFormat("parquet", PARQUET_SERDE, PARQUET_INPUT_FORMAT, PARQUET_OUTPUT_FORMAT,
                Map.of("serialization.format", "1"), Map.of("classification", "parquet"));
    }
}
