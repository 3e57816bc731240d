package io.dataplatform.spark.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.glue.model.SerDeInfo;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * How Spark reads a catalog table's files: its data source ({@code csv}, {@code json} or
 * {@code parquet}) and options, derived from the SerDe and input format in the table's
 * {@code StorageDescriptor} and from the table parameters, as Athena reads them. Gzip needs no
 * option: Hadoop picks the codec from the {@code .gz} extension, as Athena does.
 *
 * @param source the Spark data source
 * @param options the data source options
 */
public record TableFormat(String source, Map<String, String> options) {
    static final String LAZY_SIMPLE = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe";
    static final String OPEN_CSV = "org.apache.hadoop.hive.serde2.OpenCSVSerde";
    static final String SKIP_HEADER = "skip.header.line.count";

    /** Copies the options. */
    public TableFormat {
        options = Map.copyOf(options);
    }

    /**
     * Returns the format of {@code table}'s files (a partition's own storage descriptor may
     * differ; see {@link #of(Table, StorageDescriptor)}).
     *
     * @throws IllegalArgumentException naming the table and the SerDe if Athena could not read it either
     */
    public static TableFormat of(Table table) {
        return of(table, table.storageDescriptor());
    }

    /** Returns the format of files described by {@code descriptor}, which belongs to {@code table} or one of its partitions. */
    public static TableFormat of(Table table, StorageDescriptor descriptor) {
        SerDeInfo serde = descriptor == null ? null : descriptor.serdeInfo();
        String library = serde == null || serde.serializationLibrary() == null ? "" : serde.serializationLibrary();
        String inputFormat = descriptor == null || descriptor.inputFormat() == null ? "" : descriptor.inputFormat();
        Map<String, String> serdeParameters = serde == null ? Map.of() : serde.parameters();
        String lowerLibrary = library.toLowerCase(Locale.ROOT);
        if (lowerLibrary.contains("parquet") || inputFormat.toLowerCase(Locale.ROOT).contains("parquet")) {
            return new TableFormat("parquet", Map.of());
        }
        if (lowerLibrary.contains("jsonserde")) {
            // Openx and HCatalog JSON SerDes: one JSON object per line; malformed lines become nulls (PERMISSIVE).
            return new TableFormat("json", Map.of("mode", "PERMISSIVE"));
        }
        if (library.equals(OPEN_CSV)) {
            return openCsv(table, serdeParameters);
        }
        if (library.equals(LAZY_SIMPLE) || (library.isEmpty() && inputFormat.endsWith("TextInputFormat"))) {
            return lazySimple(table, serdeParameters);
        }
        throw new IllegalArgumentException("Unsupported table format for '" + table.databaseName() + "." + table.name()
                + "': SerDe '" + library + "' with input format '" + inputFormat + "'; supported are LazySimpleSerDe,"
                + " OpenCSVSerde, the JSON SerDes and Parquet");
    }

    /** LazySimpleSerDe: no quoting at all; the delimiter defaults to Hive's \u0001; \N is NULL. */
    private static TableFormat lazySimple(Table table, Map<String, String> serde) {
        Map<String, String> options = csvBase(table, serde);
        String delimiter = serde.getOrDefault("field.delim", serde.getOrDefault("serialization.format", "\u0001"));
        // Hive writes serialization.format=1 meaning "the default delimiter", not the character '1'.
        options.put("sep", delimiter.equals("1") && !serde.containsKey("field.delim") ? "\u0001" : delimiter);
        options.put("quote", "\u0000");
        options.put("nullValue", serde.getOrDefault("serialization.null.format", "\\N"));
        if (serde.containsKey("escape.delim")) {
            options.put("escape", serde.get("escape.delim"));
        }
        return new TableFormat("csv", options);
    }

    /** OpenCSVSerde: separator ',' quote '"' escape '\' by default; empty fields are empty strings, as in Athena. */
    private static TableFormat openCsv(Table table, Map<String, String> serde) {
        Map<String, String> options = csvBase(table, serde);
        options.put("sep", serde.getOrDefault("separatorChar", ","));
        options.put("quote", serde.getOrDefault("quoteChar", "\""));
        options.put("escape", serde.getOrDefault("escapeChar", "\\"));
        return new TableFormat("csv", options);
    }

    private static Map<String, String> csvBase(Table table, Map<String, String> serde) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("mode", "PERMISSIVE");
        options.put("header", Boolean.toString(headerLines(table, serde) == 1));
        return options;
    }

    /**
     * Returns skip.header.line.count from the table parameters (where Athena's TBLPROPERTIES and
     * Glue crawlers put it) or the SerDe parameters; Spark can skip one header line per file only.
     */
    static int headerLines(Table table, Map<String, String> serde) {
        String value = table.parameters().getOrDefault(SKIP_HEADER, serde.get(SKIP_HEADER));
        if (value == null) {
            return 0;
        }
        String rule = "Invalid table parameter '" + SKIP_HEADER + "' of '" + table.databaseName() + "." + table.name()
                + "': must be 0 or 1, but was '" + value + "'";
        try {
            int lines = Integer.parseInt(value.trim());
            if (lines < 0 || lines > 1) {
                throw new IllegalArgumentException(rule);
            }
            return lines;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(rule, e);
        }
    }
}
