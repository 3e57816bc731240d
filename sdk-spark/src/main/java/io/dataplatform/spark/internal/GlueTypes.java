package io.dataplatform.spark.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;

/**
 * Parses the Hive type strings of the Glue Data Catalog ({@code string}, {@code varchar(10)},
 * {@code decimal(10,2)}, {@code array<struct<a:int,b:string>>} ...) into Spark types.
 *
 * <p>{@code char(n)} and {@code varchar(n)} become Spark strings: Spark accepts its own char and
 * varchar types only in table definitions, not in a read schema, and Athena returns them as
 * varchar anyway. A bare {@code decimal} is {@code decimal(10,0)}, as in Hive.
 */
public final class GlueTypes {
    private final String text;
    private int position;

    private GlueTypes(String text) {
        this.text = text;
    }

    /**
     * Returns the Spark type of {@code type}, or fails naming the type, the position and what was expected.
     *
     * @throws IllegalArgumentException if {@code type} is not a Hive type string
     */
    public static DataType parse(String type) {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("Invalid column type '" + type + "': must be a Hive type such as"
                    + " string, bigint, decimal(10,2) or array<string>");
        }
        GlueTypes parser = new GlueTypes(type);
        DataType parsed = parser.type();
        parser.skipSpaces();
        if (parser.position != type.length()) {
            throw parser.error("end of type");
        }
        return parsed;
    }

    private DataType type() {
        String name = word().toLowerCase(Locale.ROOT);
        switch (name) {
            case "string":
                return DataTypes.StringType;
            case "varchar":
            case "char":
                number("(", ")");
                return DataTypes.StringType;
            case "tinyint":
                return DataTypes.ByteType;
            case "smallint":
                return DataTypes.ShortType;
            case "int":
            case "integer":
                return DataTypes.IntegerType;
            case "bigint":
                return DataTypes.LongType;
            case "float":
            case "real":
                return DataTypes.FloatType;
            case "double":
                return DataTypes.DoubleType;
            case "boolean":
                return DataTypes.BooleanType;
            case "date":
                return DataTypes.DateType;
            case "timestamp":
                return DataTypes.TimestampType;
            case "binary":
                return DataTypes.BinaryType;
            case "decimal":
            case "numeric":
                return decimal();
            case "array":
                expect('<');
                DataType element = type();
                expect('>');
                return DataTypes.createArrayType(element, true);
            case "map":
                expect('<');
                DataType key = type();
                expect(',');
                DataType value = type();
                expect('>');
                return DataTypes.createMapType(key, value, true);
            case "struct":
                return struct();
            default:
                position -= name.length();
                throw error("a type name (string, varchar(n), char(n), tinyint, smallint, int, bigint, float, double,"
                        + " decimal(p,s), boolean, date, timestamp, binary, array<>, map<>, struct<>)");
        }
    }

    private DataType decimal() {
        if (!peek('(')) {
            return DataTypes.createDecimalType(10, 0);
        }
        expect('(');
        int precision = integer();
        int scale = 0;
        if (peek(',')) {
            expect(',');
            scale = integer();
        }
        expect(')');
        if (precision < 1 || precision > DecimalType.MAX_PRECISION() || scale > precision) {
            throw new IllegalArgumentException("Invalid column type '" + text + "': decimal precision must be 1-38"
                    + " and scale at most the precision, but was decimal(" + precision + "," + scale + ")");
        }
        return DataTypes.createDecimalType(precision, scale);
    }

    private DataType struct() {
        expect('<');
        List<StructField> fields = new ArrayList<>();
        if (!peek('>')) {
            do {
                if (!fields.isEmpty()) {
                    expect(',');
                }
                String field = fieldName();
                expect(':');
                fields.add(DataTypes.createStructField(field, type(), true));
            } while (peek(','));
        }
        expect('>');
        return DataTypes.createStructType(fields);
    }

    private String fieldName() {
        skipSpaces();
        if (peek('`')) {
            int end = text.indexOf('`', position + 1);
            if (end < 0) {
                throw error("a closing '`'");
            }
            String name = text.substring(position + 1, end);
            position = end + 1;
            return name;
        }
        int start = position;
        while (position < text.length() && ":,<>".indexOf(text.charAt(position)) < 0) {
            position++;
        }
        String name = text.substring(start, position).trim();
        if (name.isEmpty()) {
            position = start;
            throw error("a field name");
        }
        return name;
    }

    private void number(String open, String close) {
        if (peek(open.charAt(0))) {
            expect(open.charAt(0));
            integer();
            expect(close.charAt(0));
        }
    }

    private String word() {
        skipSpaces();
        int start = position;
        while (position < text.length() && Character.isLetter(text.charAt(position))) {
            position++;
        }
        return text.substring(start, position);
    }

    private int integer() {
        skipSpaces();
        int start = position;
        while (position < text.length() && Character.isDigit(text.charAt(position))) {
            position++;
        }
        if (start == position || position - start > 9) {
            position = start;
            throw error("a number");
        }
        return Integer.parseInt(text.substring(start, position));
    }

    private boolean peek(char c) {
        skipSpaces();
        return position < text.length() && text.charAt(position) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("'" + c + "'");
        }
        position++;
    }

    private void skipSpaces() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private IllegalArgumentException error(String expected) {
        String found = position < text.length() ? "'" + text.charAt(position) + "'" : "the end";
        return new IllegalArgumentException("Invalid column type '" + text + "': expected " + expected
                + " at position " + position + " but found " + found);
    }
}
