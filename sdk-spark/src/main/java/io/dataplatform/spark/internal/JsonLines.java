package io.dataplatform.spark.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * JSON lines read the way the Hive JSON SerDes read them: keys match columns whatever their case
 * (the OpenX SerDe's {@code case.insensitive} defaults to true, and Glue stores column names in
 * lower case), where Spark's JSON source would match case-sensitively and return NULLs. Lines are
 * read as text (the same whole-file bytes), their keys lower-cased, then parsed with the schema.
 */
final class JsonLines {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UserDefinedFunction LOWER_KEYS =
            functions.udf((UDF1<String, String>) JsonLines::lowerKeys, DataTypes.StringType);

    private JsonLines() {
    }

    /**
     * Returns the rows of {@code lines} (Spark's text source: a {@code value} column, then any
     * partition columns it discovered, which are kept) parsed with {@code schema}.
     */
    static Dataset<Row> parse(Dataset<Row> lines, StructType schema) {
        Column parsed = functions.from_json(LOWER_KEYS.apply(functions.col("value")), lower(schema),
                Map.of("mode", "PERMISSIVE"));
        List<Column> columns = new ArrayList<>();
        StructType lowered = lower(schema);
        for (int i = 0; i < schema.fields().length; i++) {
            columns.add(parsed.getField(lowered.fields()[i].name()).as(schema.fields()[i].name()));
        }
        for (String other : lines.columns()) {
            if (!other.equals("value")) {
                columns.add(functions.col("`" + other.replace("`", "``") + "`"));
            }
        }
        return lines.select(columns.toArray(Column[]::new));
    }

    /** Returns {@code line} with every object key lower-cased, or the line unchanged if it is not JSON. */
    static String lowerKeys(String line) {
        if (line == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(lower(JSON.readTree(line)));
        } catch (JsonProcessingException e) {
            return line;
        }
    }

    private static JsonNode lower(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JSON.createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(field.getKey().toLowerCase(Locale.ROOT), lower(field.getValue()));
            }
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JSON.createArrayNode();
            array.forEach(item -> copy.add(lower(item)));
            return copy;
        }
        return node;
    }

    private static DataType lower(DataType type) {
        if (type instanceof StructType struct) {
            List<StructField> fields = new ArrayList<>();
            for (StructField field : struct.fields()) {
                fields.add(DataTypes.createStructField(field.name().toLowerCase(Locale.ROOT), lower(field.dataType()),
                        field.nullable()));
            }
            return DataTypes.createStructType(fields);
        }
        if (type instanceof ArrayType array) {
            return DataTypes.createArrayType(lower(array.elementType()), array.containsNull());
        }
        if (type instanceof MapType map) {
            return DataTypes.createMapType(map.keyType(), lower(map.valueType()), map.valueContainsNull());
        }
        return type;
    }

    private static StructType lower(StructType schema) {
        return (StructType) lower((DataType) schema);
    }
}
