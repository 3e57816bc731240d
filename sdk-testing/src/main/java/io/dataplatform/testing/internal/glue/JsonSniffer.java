package io.dataplatform.testing.internal.glue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dataplatform.glue.Column;
import io.dataplatform.glue.DataFormat;
import io.dataplatform.glue.GlueType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Glue's built-in JSON classifier on JSON lines: each line an object; nested objects become
 * {@code struct<..>}, arrays {@code array<..>}, integers {@code int} (or {@code bigint} when they
 * do not fit), other numbers {@code double}; nulls say nothing. Lines that do not parse are skipped;
 * when no line is an object on its own, the objects are read as they span lines.
 */
final class JsonSniffer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonSniffer() {
    }

    static boolean looksLikeJson(String text) {
        for (String line : text.split("\n", 20)) {
            String trimmed = line.trim();
            if (!trimmed.isEmpty()) {
                return trimmed.startsWith("{");
            }
        }
        return false;
    }

    static Optional<FileSchema> sniff(String text, boolean truncated, String compression) {
        String[] lines = text.split("\r?\n");
        int usable = truncated && lines.length > 1 ? lines.length - 1 : lines.length;
        Map<String, GlueType> columns = new LinkedHashMap<>();
        long records = 0;
        long bytes = 0;
        int malformed = 0;
        for (int i = 0; i < usable; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                malformed++;
                continue;
            }
            if (node == null || !node.isObject()) {
                malformed++;
                continue;
            }
            records++;
            bytes += line.length() + 1;
            addColumns(node, columns);
        }
        if (records == 0) {
            // The Glue guide's "Writing JSON custom classifiers" shows the built-in classifier reading
            // objects that span lines (pretty-printed, one after another) into a schema as well.
            columns.clear();
            malformed = 0;
            try (JsonParser parser = JSON.getFactory().createParser(text)) {
                long end = 0;
                while (parser.nextToken() != null) {
                    JsonNode node = JSON.readTree(parser);
                    if (node == null || !node.isObject()) {
                        break;
                    }
                    records++;
                    long offset = parser.currentLocation().getCharOffset();
                    bytes += offset - end;
                    end = offset;
                    addColumns(node, columns);
                }
            } catch (IOException cutOrBroken) {
                // A truncated sample ends inside an object; what parsed before it is the sample.
            }
        }
        if (records == 0) {
            return Optional.empty();
        }
        List<Column> result = new ArrayList<>();
        columns.forEach((name, type) -> result.add(Column.of(name, type == null ? GlueType.STRING : type)));
        return Optional.of(new FileSchema(DataFormat.json(), result, compression, records, bytes, malformed));
    }

    private static void addColumns(JsonNode node, Map<String, GlueType> columns) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = ValueTypes.columnName(field.getKey(), columns.size());
            GlueType type = typeOf(field.getValue());
            if (type == null) {
                columns.putIfAbsent(name, null);
            } else {
                columns.merge(name, type, TypeWidening::widen);
            }
        }
    }

    /** Returns the type of a JSON value, or null for null or [] (unknown until another record tells). */
    static GlueType typeOf(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isBoolean()) {
            return GlueType.BOOLEAN;
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToInt() ? GlueType.INT : value.canConvertToLong() ? GlueType.BIGINT : GlueType.DOUBLE;
        }
        if (value.isNumber()) {
            return GlueType.DOUBLE;
        }
        if (value.isArray()) {
            GlueType element = null;
            for (JsonNode item : value) {
                element = TypeWidening.widen(element, typeOf(item));
            }
            // An empty array tells nothing about its elements; a later record's array will.
            return element == null ? null : GlueType.array(element);
        }
        if (value.isObject()) {
            Map<String, GlueType> fields = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                fields.merge(fieldName(field.getKey()), orString(typeOf(field.getValue())), TypeWidening::widen);
            }
            if (fields.isEmpty()) {
                return GlueType.STRING;
            }
            List<GlueType.Field> out = new ArrayList<>();
            fields.forEach((name, type) -> out.add(GlueType.Field.of(name, type)));
            return GlueType.struct(out);
        }
        return GlueType.STRING;
    }

    private static GlueType orString(GlueType type) {
        return type == null ? GlueType.STRING : type;
    }

    private static String fieldName(String key) {
        String name = key.replaceAll("[:,<>\\s]", "_");
        return name.isEmpty() ? "_" : name;
    }
}
