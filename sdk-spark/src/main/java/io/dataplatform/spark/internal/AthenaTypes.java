package io.dataplatform.spark.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.collection.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Athena's names for Spark's result types and Athena's text form of values, as GetQueryResults
 * returns them ({@code VarCharValue}): timestamps as {@code 2024-01-31 10:00:00.000}, arrays as
 * {@code [a, b]}, maps and rows as {@code {k=v}}, varbinary as spaced hex bytes.
 */
public final class AthenaTypes {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private AthenaTypes() {
    }

    /** Returns the Athena type signature of {@code type}, such as {@code decimal(10,2)} or {@code array(varchar)}. */
    public static String signature(DataType type) {
        if (type instanceof DecimalType decimal) {
            return "decimal(" + decimal.precision() + "," + decimal.scale() + ")";
        }
        if (type instanceof ArrayType array) {
            return "array(" + signature(array.elementType()) + ")";
        }
        if (type instanceof MapType map) {
            return "map(" + signature(map.keyType()) + "," + signature(map.valueType()) + ")";
        }
        if (type instanceof StructType struct) {
            List<String> fields = new ArrayList<>();
            for (StructField field : struct.fields()) {
                fields.add(field.name() + " " + signature(field.dataType()));
            }
            return "row(" + String.join(",", fields) + ")";
        }
        return name(type);
    }

    /** Returns the Athena type name of {@code type} as in {@code ColumnInfo.Type}: {@code decimal}, {@code array}, ... */
    public static String name(DataType type) {
        if (type instanceof DecimalType) {
            return "decimal";
        }
        if (type instanceof ArrayType) {
            return "array";
        }
        if (type instanceof MapType) {
            return "map";
        }
        if (type instanceof StructType) {
            return "row";
        }
        Map<DataType, String> names = Map.ofEntries(Map.entry(DataTypes.StringType, "varchar"),
                Map.entry(DataTypes.ByteType, "tinyint"), Map.entry(DataTypes.ShortType, "smallint"),
                Map.entry(DataTypes.IntegerType, "integer"), Map.entry(DataTypes.LongType, "bigint"),
                Map.entry(DataTypes.FloatType, "real"), Map.entry(DataTypes.DoubleType, "double"),
                Map.entry(DataTypes.BooleanType, "boolean"), Map.entry(DataTypes.DateType, "date"),
                Map.entry(DataTypes.TimestampType, "timestamp"), Map.entry(DataTypes.TimestampNTZType, "timestamp"),
                Map.entry(DataTypes.BinaryType, "varbinary"), Map.entry(DataTypes.NullType, "unknown"));
        return names.getOrDefault(type, "varchar");
    }

    /** Returns the precision Athena reports for {@code type} in {@code ColumnInfo.Precision}. */
    public static int precision(DataType type) {
        if (type instanceof DecimalType decimal) {
            return decimal.precision();
        }
        return switch (name(type)) {
            case "varchar", "varbinary" -> Integer.MAX_VALUE;
            case "tinyint" -> 3;
            case "smallint" -> 5;
            case "integer" -> 10;
            case "bigint" -> 19;
            case "real" -> 24;
            case "double" -> 53;
            case "timestamp" -> 3;
            default -> 0;
        };
    }

    /** Returns the scale Athena reports for {@code type} in {@code ColumnInfo.Scale}. */
    public static int scale(DataType type) {
        return type instanceof DecimalType decimal ? decimal.scale() : 0;
    }

    /** Returns Athena's text form of {@code value}, or null for SQL NULL. */
    public static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Instant instant) {
            return TIMESTAMP.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
        if (value instanceof LocalDateTime dateTime) {
            return TIMESTAMP.format(dateTime);
        }
        if (value instanceof byte[] bytes) {
            return HexFormat.ofDelimiter(" ").formatHex(bytes);
        }
        if (value instanceof Seq<?> seq) {
            List<String> items = new ArrayList<>();
            CollectionConverters.asJava(seq).forEach(item -> items.add(String.valueOf(text(item))));
            return "[" + String.join(", ", items) + "]";
        }
        if (value instanceof scala.collection.Map<?, ?> map) {
            List<String> entries = new ArrayList<>();
            CollectionConverters.asJava(map).forEach((k, v) -> entries.add(text(k) + "=" + text(v)));
            return "{" + String.join(", ", entries) + "}";
        }
        if (value instanceof Row row) {
            List<String> fields = new ArrayList<>();
            String[] names = row.schema().fieldNames();
            for (int i = 0; i < row.length(); i++) {
                fields.add(names[i] + "=" + text(row.get(i)));
            }
            return "{" + String.join(", ", fields) + "}";
        }
        return String.valueOf(value);
    }
}
