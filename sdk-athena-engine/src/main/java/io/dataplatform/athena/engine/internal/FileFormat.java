package io.dataplatform.athena.engine.internal;

import io.dataplatform.glue.GlueType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.glue.model.SerDeInfo;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * How DuckDB reads a catalog table's files, from the SerDe and input format of its (or a
 * partition's) storage descriptor and the table parameters, as Athena reads them:
 * <ul>
 * <li>LazySimpleSerDe: {@code field.delim} (Hive's default {@code \001}; {@code serialization.format=1}
 *     means that default), no quoting, {@code serialization.null.format} ({@code \N}) is NULL, an empty
 *     field an empty string (NULL for other types), {@code escape.delim} unescaped while staging;</li>
 * <li>OpenCSVSerde: {@code separatorChar} ({@code ,}), {@code quoteChar} ({@code "}), {@code escapeChar}
 *     ({@code \}); every field read as a string (empty fields are empty strings) and cast to the column's type;</li>
 * <li>{@code skip.header.line.count} lines skipped at the start of every file;</li>
 * <li>JSON SerDes: one object per line, keys matched case-insensitively (lowercased while staging);</li>
 * <li>Parquet; gzip text by the {@code .gz} extension.</li>
 * </ul>
 */
final class FileFormat {
    static final String LAZY_SIMPLE = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe";
    static final String OPEN_CSV = "org.apache.hadoop.hive.serde2.OpenCSVSerde";
    static final String SKIP_HEADER = "skip.header.line.count";
    private static final String IGNORE_MALFORMED_JSON = "ignore.malformed.json";
    /** DuckDB's null string for text files: text no field holds (control characters around a word). */
    private static final String NO_NULL_TEXT = "\u0002\u0003no-null\u0003\u0002";
    /** The same, for a delimiter that is one of those control characters (DuckDB refuses a null string holding it). */
    private static final String NO_NULL_TEXT_ELSE = "\u0004\u0005no-null\u0005\u0004";

    enum Kind { TEXT, OPEN_CSV, JSON, PARQUET }

    private final Kind kind;
    private final Map<String, String> serde;
    private final int headerLines;
    private final String tableName;

    private FileFormat(Kind kind, Map<String, String> serde, int headerLines, String tableName) {
        this.kind = kind;
        this.serde = serde;
        this.headerLines = headerLines;
        this.tableName = tableName;
    }

    Kind kind() {
        return kind;
    }

    /**
     * Whether a malformed JSON line is a row of NULLs rather than a failed query: the OpenX SerDe's
     * {@code ignore.malformed.json} ("malformed records will return as NULL", Athena's OpenX JSON SerDe page).
     */
    boolean ignoresMalformedJson() {
        return kind == Kind.JSON && "true".equalsIgnoreCase(serde.get(IGNORE_MALFORMED_JSON));
    }

    private static Map<String, String> without(Map<String, String> map, String key) {
        Map<String, String> copy = new java.util.HashMap<>(map);
        copy.remove(key);
        return copy;
    }

    /** Returns the format of files described by {@code descriptor}, which belongs to {@code table} or one of its partitions. */
    static FileFormat of(Table table, StorageDescriptor descriptor) {
        SerDeInfo info = descriptor == null || descriptor.serdeInfo() == null ? table.storageDescriptor().serdeInfo()
                : descriptor.serdeInfo();
        String library = info == null || info.serializationLibrary() == null ? "" : info.serializationLibrary();
        String inputFormat = descriptor != null && descriptor.inputFormat() != null ? descriptor.inputFormat()
                : table.storageDescriptor().inputFormat() == null ? "" : table.storageDescriptor().inputFormat();
        Map<String, String> serde = info == null || !info.hasParameters() ? Map.of() : info.parameters();
        String name = table.databaseName() + "." + table.name();
        String lower = library.toLowerCase(Locale.ROOT);
        int header = headerLines(table, serde);
        if (lower.contains("parquet") || inputFormat.toLowerCase(Locale.ROOT).contains("parquet")) {
            return new FileFormat(Kind.PARQUET, serde, 0, name);
        }
        if (lower.contains("jsonserde")) {
            // Only the OpenX SerDe has ignore.malformed.json; Hive's JsonSerDe always fails a malformed line.
            Map<String, String> json = lower.startsWith("org.openx.") ? serde : without(serde, IGNORE_MALFORMED_JSON);
            return new FileFormat(Kind.JSON, json, 0, name);
        }
        if (library.equals(OPEN_CSV)) {
            return new FileFormat(Kind.OPEN_CSV, serde, header, name);
        }
        if (library.equals(LAZY_SIMPLE) || (library.isEmpty() && inputFormat.endsWith("TextInputFormat"))) {
            return new FileFormat(Kind.TEXT, serde, header, name);
        }
        throw new EngineFailure("HIVE_UNSUPPORTED_FORMAT", "Unable to create input format for table " + name
                + ": SerDe '" + library + "' with input format '" + inputFormat + "' (the fake Athena reads"
                + " LazySimpleSerDe, OpenCSVSerde, the JSON SerDes and Parquet)");
    }

    private static int headerLines(Table table, Map<String, String> serde) {
        String value = table.hasParameters() && table.parameters().containsKey(SKIP_HEADER)
                ? table.parameters().get(SKIP_HEADER) : serde.get(SKIP_HEADER);
        if (value == null) {
            return 0;
        }
        try {
            int lines = Integer.parseInt(value.trim());
            if (lines >= 0) {
                return lines;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new EngineFailure("HIVE_INVALID_METADATA", "Invalid value for " + SKIP_HEADER + " table property: " + value);
    }

    /** LazySimpleSerDe's escape character, or null: staging then rewrites the files as quoted CSV. */
    String textEscape() {
        return kind == Kind.TEXT ? serde.get("escape.delim") : null;
    }

    char csvSeparator() {
        return serde.getOrDefault("separatorChar", ",").charAt(0);
    }

    char csvQuote() {
        return serde.getOrDefault("quoteChar", "\"").charAt(0);
    }

    char csvEscape() {
        return serde.getOrDefault("escapeChar", "\\").charAt(0);
    }

    char textDelimiter() {
        String delimiter = serde.getOrDefault("field.delim", serde.getOrDefault("serialization.format", "\u0001"));
        // Hive writes serialization.format=1 meaning "the default delimiter", not the character '1'.
        return delimiter.equals("1") && !serde.containsKey("field.delim") ? '\u0001' : delimiter.charAt(0);
    }

    /**
     * Returns a DuckDB query over {@code files} yielding {@code names} (lowercase catalog column names)
     * typed as {@code types}; {@code present} lists the columns a Parquet file set holds.
     */
    String scan(List<Path> files, List<String> names, List<GlueType> types, java.util.Set<String> present) {
        List<String> paths = files.stream().map(p -> Sql.string(p.toString())).toList();
        String list = "[" + String.join(", ", paths) + "]";
        List<String> select = new ArrayList<>();
        return switch (kind) {
            case PARQUET -> {
                for (int i = 0; i < names.size(); i++) {
                    String type = EngineTypes.duckDb(types.get(i));
                    boolean primitive = !(types.get(i) instanceof GlueType.Array || types.get(i) instanceof GlueType.MapType
                            || types.get(i) instanceof GlueType.Struct);
                    select.add(!present.contains(names.get(i)) ? "CAST(NULL AS " + type + ") AS " + Sql.identifier(names.get(i))
                            : primitive ? "TRY_CAST(" + Sql.identifier(names.get(i)) + " AS " + type + ") AS " + Sql.identifier(names.get(i))
                            : Sql.identifier(names.get(i)));
                }
                yield "SELECT " + selectList(select) + " FROM read_parquet(" + list + ", union_by_name = true)";
            }
            case JSON -> {
                List<String> columns = new ArrayList<>();
                for (int i = 0; i < names.size(); i++) {
                    columns.add(Sql.string(names.get(i)) + ": " + Sql.string(EngineTypes.duckDb(types.get(i))));
                    select.add(Sql.identifier(names.get(i)));
                }
                yield "SELECT " + selectList(select) + " FROM read_json(" + list + ", format = 'newline_delimited', columns = {"
                        + String.join(", ", columns) + "})";
            }
            case TEXT, OPEN_CSV -> text(list, names, types);
        };
    }

    /**
     * A text field as the column's type, NULL where Hive's text readers find no value of it: integers are
     * digits with an optional sign (DuckDB would also read '1.5' and ' 12'), booleans are "true" or "false" in
     * any case (DuckDB would also read 'yes', 't' and '1').
     */
    private static String textValue(String raw, GlueType type) {
        if (type.equals(GlueType.STRING) || type instanceof GlueType.Varchar || type instanceof GlueType.Char) {
            return raw;
        }
        if (type.equals(GlueType.TINYINT) || type.equals(GlueType.SMALLINT) || type.equals(GlueType.INT) || type.equals(GlueType.BIGINT)) {
            return "CASE WHEN regexp_full_match(" + raw + ", '[+-]?[0-9]+') THEN TRY_CAST(" + raw + " AS " + EngineTypes.duckDb(type)
                    + ") END";
        }
        if (type.equals(GlueType.BOOLEAN)) {
            return "CASE lower(" + raw + ") WHEN 'true' THEN true WHEN 'false' THEN false END";
        }
        return "TRY_CAST(" + raw + " AS " + EngineTypes.duckDb(type) + ")";
    }

    private static String selectList(List<String> select) {
        return select.isEmpty() ? "NULL AS \"$empty\"" : String.join(", ", select);
    }

    private String text(String list, List<String> names, List<GlueType> types) {
        boolean rewritten = textEscape() != null;
        String delimiter;
        String quote;
        String escape;
        if (kind == Kind.OPEN_CSV || rewritten) {
            // Staging read the fields (OpenCSVSerde's quoting and escapes, LazySimpleSerDe's escape.delim) and
            // wrote them as RFC 4180 CSV.
            delimiter = ",";
            quote = "\"";
            escape = "\"";
        } else {
            delimiter = String.valueOf(textDelimiter());
            quote = "";
            escape = "";
        }
        String nullText = serde.getOrDefault("serialization.null.format", "\\N");
        List<String> columns = new ArrayList<>();
        List<String> select = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String raw = "c" + i;
            columns.add(Sql.string(raw) + ": 'VARCHAR'");
            GlueType type = types.get(i);
            if (type instanceof GlueType.Array || type instanceof GlueType.MapType || type instanceof GlueType.Struct) {
                throw new EngineFailure("NOT_SUPPORTED", "Column '" + names.get(i) + "' of " + tableName + " is of type "
                        + type.toGlueString() + ": the fake Athena reads complex types from JSON and Parquet files only");
            }
            String value = textValue(raw, type);
            select.add((kind == Kind.TEXT ? "CASE WHEN " + raw + " = " + Sql.string(nullText) + " THEN NULL ELSE " + value + " END"
                    : value) + " AS " + Sql.identifier(names.get(i)));
        }
        if (columns.isEmpty()) {
            columns.add("'c0': 'VARCHAR'");
        }
        // An empty field is an empty string and a field the line lacks is NULL (Hive's text readers): DuckDB reads
        // every field as text with a null string no file holds, and pads the missing ones with NULL.
        return "SELECT " + selectList(select) + " FROM read_csv(" + list + ", columns = {" + String.join(", ", columns)
                + "}, delim = " + Sql.string(delimiter) + ", quote = " + Sql.string(quote) + ", escape = " + Sql.string(escape)
                + ", header = false, skip = " + headerLines + ", auto_detect = false, null_padding = true, strict_mode = false"
                + ", nullstr = " + Sql.string(NO_NULL_TEXT.indexOf(delimiter.charAt(0)) < 0 ? NO_NULL_TEXT : NO_NULL_TEXT_ELSE) + ")";
    }
}
