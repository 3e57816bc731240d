package io.dataplatform.testing.internal.athena;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructType;

/** Spark types and values in Athena's terms: type names of GetQueryResults and values as Athena prints them. */
final class AthenaTypes {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private AthenaTypes() {
    }

    static String name(DataType type) {
        if (type.equals(DataTypes.StringType)) {
            return "varchar";
        } else if (type.equals(DataTypes.IntegerType)) {
            return "integer";
        } else if (type.equals(DataTypes.LongType)) {
            return "bigint";
        } else if (type.equals(DataTypes.ShortType)) {
            return "smallint";
        } else if (type.equals(DataTypes.ByteType)) {
            return "tinyint";
        } else if (type.equals(DataTypes.DoubleType)) {
            return "double";
        } else if (type.equals(DataTypes.FloatType)) {
            return "real";
        } else if (type.equals(DataTypes.BooleanType)) {
            return "boolean";
        } else if (type.equals(DataTypes.DateType)) {
            return "date";
        } else if (type.equals(DataTypes.TimestampType) || type.equals(DataTypes.TimestampNTZType)) {
            return "timestamp";
        } else if (type instanceof DecimalType) {
            return "decimal";
        } else if (type instanceof ArrayType) {
            return "array";
        } else if (type instanceof MapType) {
            return "map";
        } else if (type instanceof StructType) {
            return "row";
        } else if (type.equals(DataTypes.BinaryType)) {
            return "varbinary";
        }
        return "varchar";
    }

    /** Prints a value as Athena's GetQueryResults does; null for SQL NULL. */
    static String text(Object value) {
        if (value == null) {
            return null;
        } else if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        } else if (value instanceof Timestamp timestamp) {
            return TIMESTAMP.format(LocalDateTime.ofInstant(timestamp.toInstant(), ZoneOffset.UTC));
        } else if (value instanceof Instant instant) {
            return TIMESTAMP.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else if (value instanceof LocalDateTime time) {
            return TIMESTAMP.format(time);
        } else if (value instanceof Date date) {
            return date.toLocalDate().toString();
        } else if (value instanceof LocalDate date) {
            return date.toString();
        } else if (value instanceof scala.collection.Seq<?> seq) {
            List<?> items = scala.jdk.javaapi.CollectionConverters.asJava(seq);
            return items.stream().map(AthenaTypes::text).collect(Collectors.joining(", ", "[", "]"));
        } else if (value instanceof Row row) {
            StringBuilder out = new StringBuilder("{");
            for (int i = 0; i < row.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(row.schema().fieldNames()[i]).append('=').append(text(row.get(i)));
            }
            return out.append('}').toString();
        }
        return value.toString();
    }

    /** Turns a Spark failure into an Athena-style reason: a category, then the first line of the message. */
    static String reason(Throwable error) {
        String message = String.valueOf(error.getMessage());
        String first = message.lines().findFirst().orElse(message).trim();
        String type = error.getClass().getSimpleName();
        String category = type.contains("Parse") ? "SYNTAX_ERROR"
                : first.contains("UNRESOLVED_COLUMN") ? "COLUMN_NOT_FOUND"
                : first.contains("TABLE_OR_VIEW_NOT_FOUND") ? "TABLE_NOT_FOUND"
                : type.contains("Analysis") ? "SYNTAX_ERROR" : "GENERIC_INTERNAL_ERROR";
        return category + ": " + first;
    }
}
