package io.dataplatform.athena.engine.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Rewrites staged files DuckDB could not read as Athena does. */
final class Transforms {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Transforms() {
    }

    /**
     * JSON lines with every object key lowercased: Athena's JSON SerDes match keys case-insensitively. A
     * malformed line fails the query, or is a row of NULLs ({@code {}}) when {@code ignoreMalformed}.
     */
    static byte[] lowercaseJsonKeys(byte[] content, boolean ignoreMalformed) {
        StringBuilder out = new StringBuilder();
        for (String line : new String(content, StandardCharsets.UTF_8).split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                out.append(JSON.writeValueAsString(lower(JSON.readTree(line)))).append('\n');
            } catch (JsonProcessingException e) {
                if (ignoreMalformed) {
                    out.append("{}\n");
                    continue;
                }
                throw new EngineFailure("HIVE_CURSOR_ERROR", "Row is not a valid JSON Object - JSONException: "
                        + e.getOriginalMessage() + " (line: " + line + ")", e);
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode lower(JsonNode node) {
        if (node.isObject()) {
            ObjectNode lowered = JSON.createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = field.getKey().toLowerCase(Locale.ROOT);
                if (!lowered.has(key)) {
                    lowered.set(key, lower(field.getValue()));
                }
            }
            return lowered;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(item -> items.add(lower(item)));
            return JSON.createArrayNode().addAll(items);
        }
        return node;
    }

    /**
     * OpenCSVSerde text, read as Hive's OpenCSVSerde reads it (opencsv 2.3's CSVParser, which Athena's reader
     * follows), rewritten as RFC 4180 CSV with every field quoted: inside quotes a doubled quote character is one
     * quote, the escape character makes a following quote or escape character literal and is dropped before any
     * other, a quoted field may span lines, and a quote in the middle of an unquoted field stays in it.
     */
    static byte[] openCsv(byte[] content, char separator, char quote, char escape) {
        String text = new String(content, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean inQuotes = false;
        boolean inField = false;
        int column = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                int end = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
                if (inQuotes) {
                    // The record goes on on the next line; opencsv joins the lines with a newline.
                    field.append('\n');
                } else {
                    fields.add(field.toString());
                    writeQuoted(out, fields);
                    fields.clear();
                    field.setLength(0);
                    inField = false;
                }
                column = 0;
                i = end;
                continue;
            }
            boolean escapable = (inQuotes || inField) && i + 1 < text.length()
                    && (text.charAt(i + 1) == quote || text.charAt(i + 1) == escape);
            if (c == escape && escape != quote) {
                if (escapable) {
                    field.append(text.charAt(i + 1));
                    i++;
                    column++;
                }
            } else if (c == quote) {
                if ((inQuotes || inField) && i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    field.append(quote);
                    i++;
                    column++;
                } else {
                    inQuotes = !inQuotes;
                    boolean midField = column > 2 && text.charAt(i - 1) != separator && i + 1 < text.length()
                            && text.charAt(i + 1) != separator && text.charAt(i + 1) != '\n' && text.charAt(i + 1) != '\r';
                    if (midField) {
                        if (!field.isEmpty() && field.toString().isBlank()) {
                            field.setLength(0);
                        } else {
                            field.append(c);
                        }
                    }
                }
                inField = !inField;
            } else if (c == separator && !inQuotes) {
                fields.add(field.toString());
                field.setLength(0);
                inField = false;
            } else {
                field.append(c);
                inField = true;
            }
            column++;
            i++;
        }
        if (!field.isEmpty() || !fields.isEmpty() || inQuotes) {
            fields.add(field.toString());
            writeQuoted(out, fields);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void writeQuoted(StringBuilder out, List<String> fields) {
        for (int f = 0; f < fields.size(); f++) {
            out.append(f == 0 ? "" : ",").append('"').append(fields.get(f).replace("\"", "\"\"")).append('"');
        }
        out.append('\n');
    }

    /**
     * LazySimpleSerDe text with an {@code escape.delim}: the escape character makes the next character
     * literal (an escaped delimiter stays in the field), rewritten as RFC 4180 CSV with every field quoted.
     */
    static byte[] unescapeText(byte[] content, char delimiter, char escape, String nullText) {
        StringBuilder out = new StringBuilder();
        for (String line : new String(content, StandardCharsets.UTF_8).split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            StringBuilder raw = new StringBuilder();
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == escape && i + 1 < line.length()) {
                    raw.append(c).append(line.charAt(i + 1));
                    field.append(line.charAt(++i));
                } else if (c == delimiter) {
                    // The null text is matched before unescaping (\N stays NULL with escape.delim '\').
                    fields.add(raw.toString().equals(nullText) ? nullText : field.toString());
                    field.setLength(0);
                    raw.setLength(0);
                } else {
                    field.append(c);
                    raw.append(c);
                }
            }
            fields.add(raw.toString().equals(nullText) ? nullText : field.toString());
            List<String> quoted = fields.stream().map(f -> "\"" + f.replace("\"", "\"\"") + "\"").toList();
            out.append(String.join(",", quoted)).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
