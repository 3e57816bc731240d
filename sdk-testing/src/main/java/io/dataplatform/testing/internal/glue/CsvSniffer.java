package io.dataplatform.testing.internal.glue;

import io.dataplatform.glue.Column;
import io.dataplatform.glue.DataFormat;
import io.dataplatform.glue.GlueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Glue's built-in CSV classifier on a sample of text: picks the delimiter among ',', '|', tab,
 * ';' and Ctrl-A, detects a header and infers column types with widening. Per the Glue documentation the file
 * needs at least two columns and two rows, and the first row is a header only if it is
 * "sufficiently different": every header cell is a string while some data column is not.
 *
 * <p>Hand-written on purpose: univocity-parsers' format detection picks a delimiter by frequency but
 * knows neither Glue's header rule nor its type widening (what this class is for), and it is not on
 * sdk-testing's lean classpath (it came with Spark).
 */
final class CsvSniffer {
    /**
     * The five the Glue developer guide's "Built-in CSV classifier" lists; Ctrl-A (Hive's default
     * field delimiter, what Hive and Spark's Hive text tables write) included.
     */
    private static final char[] DELIMITERS = {',', '|', '\t', ';', '\u0001'};

    private CsvSniffer() {
    }

    /**
     * Classifies {@code text}; {@code truncated} says the sample stopped mid-file, so its last
     * record may be cut and is ignored.
     */
    static Optional<FileSchema> sniff(String text, boolean truncated, String compression) {
        Candidate best = null;
        for (char delimiter : DELIMITERS) {
            Candidate candidate = Candidate.of(text, delimiter, truncated);
            if (candidate != null && (best == null || candidate.betterThan(best))) {
                best = candidate;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        return Optional.of(best.schema(compression));
    }

    /** Splits text into records of fields, honouring double quotes (with "" as an escaped quote). */
    static List<List<String>> parse(String text, char delimiter, boolean[] quotedSeen) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean inQuotes = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    inQuotes = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                inQuotes = true;
                quotedSeen[0] = true;
                any = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || field.length() > 0) {
                    fields.add(field.toString());
                    records.add(fields);
                }
                fields = new ArrayList<>();
                field.setLength(0);
                any = false;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (any || field.length() > 0) {
            fields.add(field.toString());
            records.add(fields);
        }
        return records;
    }

    /** One delimiter's reading of the sample. */
    private record Candidate(char delimiter, List<List<String>> rows, int width, int malformed, boolean quoted) {
        static final int MAX_HEADER_CELL = 150;

        static Candidate of(String text, char delimiter, boolean truncated) {
            boolean[] quoted = {false};
            List<List<String>> records = parse(text, delimiter, quoted);
            if (truncated && records.size() > 1) {
                records = records.subList(0, records.size() - 1);
            }
            Map<Integer, Integer> widths = new HashMap<>();
            records.forEach(r -> widths.merge(r.size(), 1, Integer::sum));
            int width = widths.entrySet().stream()
                    .max((a, b) -> a.getValue().equals(b.getValue()) ? Integer.compare(a.getKey(), b.getKey())
                            : Integer.compare(a.getValue(), b.getValue()))
                    .map(Map.Entry::getKey).orElse(0);
            List<List<String>> rows = records.stream().filter(r -> r.size() == width).toList();
            if (width < 2 || rows.size() < 2) {
                return null;
            }
            return new Candidate(delimiter, rows, width, records.size() - rows.size(), quoted[0]);
        }

        boolean betterThan(Candidate other) {
            // More consistent rows first, then more columns; ties keep the earlier delimiter.
            if (rows.size() != other.rows.size()) {
                return rows.size() > other.rows.size();
            }
            return width > other.width;
        }

        FileSchema schema(String compression) {
            boolean header = hasHeader();
            List<List<String>> data = header ? rows.subList(1, rows.size()) : rows;
            List<Column> columns = new ArrayList<>();
            Set<String> used = new HashSet<>();
            for (int i = 0; i < width; i++) {
                GlueType type = null;
                for (List<String> row : data) {
                    type = TypeWidening.widen(type, ValueTypes.of(row.get(i)));
                }
                String name = header ? ValueTypes.columnName(rows.get(0).get(i), i) : "col" + i;
                if (!used.add(name)) {
                    name = "col" + i;
                    used.add(name);
                }
                columns.add(Column.of(name, type == null ? GlueType.STRING : type));
            }
            DataFormat format = quoted ? DataFormat.quotedCsv(delimiter, header) : DataFormat.csv(delimiter, header);
            long bytes = data.stream().mapToLong(r -> r.stream().mapToLong(String::length).sum() + r.size()).sum();
            return new FileSchema(format, columns, compression, data.size(), bytes, malformed);
        }

        /**
         * The rules of the Glue developer guide's "Built-in CSV classifier": every header cell parses
         * as a string; every one but the last is fewer than {@value #MAX_HEADER_CELL} characters; the
         * last may be empty when that column is empty throughout (a trailing delimiter); and some
         * data column parses as other than string.
         */
        private boolean hasHeader() {
            List<String> first = rows.get(0);
            Set<String> distinct = new HashSet<>();
            for (int i = 0; i < width; i++) {
                String cell = first.get(i);
                boolean last = i == width - 1;
                if (last && cell.isBlank() && rows.stream().allMatch(r -> r.get(width - 1).isBlank())) {
                    continue;
                }
                if (cell.isBlank() || !GlueType.STRING.equals(ValueTypes.of(cell)) || (!last && cell.length() >= MAX_HEADER_CELL)
                        || !distinct.add(ValueTypes.columnName(cell, 0))) {
                    return false;
                }
            }
            for (int i = 0; i < width; i++) {
                GlueType type = null;
                for (List<String> row : rows.subList(1, rows.size())) {
                    type = TypeWidening.widen(type, ValueTypes.of(row.get(i)));
                }
                if (type != null && !type.equals(GlueType.STRING)) {
                    return true;
                }
            }
            return false;
        }
    }
}
