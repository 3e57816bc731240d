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

    /** JSON lines with every object key lowercased: Athena's JSON SerDes match keys case-insensitively. */
    static byte[] lowercaseJsonKeys(byte[] content) {
        StringBuilder out = new StringBuilder();
        for (String line : new String(content, StandardCharsets.UTF_8).split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                out.append(JSON.writeValueAsString(lower(JSON.readTree(line)))).append('\n');
            } catch (JsonProcessingException e) {
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
