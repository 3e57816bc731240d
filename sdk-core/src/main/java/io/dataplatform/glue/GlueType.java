package io.dataplatform.glue;

import io.dataplatform.internal.Checks;
import io.dataplatform.glue.internal.GlueTypeParser;
import java.util.List;

/**
 * A Glue (Hive) column type: a primitive such as {@code bigint} or {@code decimal(10,2)}, or a
 * complex {@code array<..>}, {@code map<..,..>} or {@code struct<..>} nested to any depth.
 * {@link #parse(String)} and {@link #toGlueString()} round-trip the strings Glue stores.
 *
 * <pre>{@code
 * GlueType tags = GlueType.parse("struct<a:int,b:array<string>>");
 * tags.toGlueString();   // "struct<a:int,b:array<string>>"
 * }</pre>
 */
public sealed interface GlueType permits GlueType.Primitive, GlueType.Decimal, GlueType.Char, GlueType.Varchar,
        GlueType.Array, GlueType.MapType, GlueType.Struct {

    /** {@code string}. */
    Primitive STRING = new Primitive("string");
    /** {@code tinyint}: 8-bit signed integer. */
    Primitive TINYINT = new Primitive("tinyint");
    /** {@code smallint}: 16-bit signed integer. */
    Primitive SMALLINT = new Primitive("smallint");
    /** {@code int}: 32-bit signed integer. */
    Primitive INT = new Primitive("int");
    /** {@code bigint}: 64-bit signed integer. */
    Primitive BIGINT = new Primitive("bigint");
    /** {@code float}: 32-bit floating point. */
    Primitive FLOAT = new Primitive("float");
    /** {@code double}: 64-bit floating point. */
    Primitive DOUBLE = new Primitive("double");
    /** {@code boolean}. */
    Primitive BOOLEAN = new Primitive("boolean");
    /** {@code date}: a calendar day. */
    Primitive DATE = new Primitive("date");
    /** {@code timestamp}: a date and time of day without zone. */
    Primitive TIMESTAMP = new Primitive("timestamp");
    /** {@code binary}: raw bytes. */
    Primitive BINARY = new Primitive("binary");

    /** Returns the type as Glue stores it, e.g. {@code map<string,array<bigint>>}. */
    String toGlueString();

    /**
     * Parses a Glue type string; case and whitespace are ignored, the result is canonical.
     *
     * @throws IllegalArgumentException naming the position and what was expected if the string is not a valid type
     */
    static GlueType parse(String type) {
        return GlueTypeParser.parse(type);
    }

    /** Returns {@code decimal(precision,scale)}; precision 1-38, scale 0-precision. */
    static Decimal decimal(int precision, int scale) {
        return new Decimal(precision, scale);
    }

    /** Returns {@code char(length)}; length 1-255. */
    static Char charOf(int length) {
        return new Char(length);
    }

    /** Returns {@code varchar(length)}; length 1-65535. */
    static Varchar varchar(int length) {
        return new Varchar(length);
    }

    /** Returns {@code array<element>}. */
    static Array array(GlueType element) {
        return new Array(element);
    }

    /** Returns {@code map<key,value>}; the key must be a primitive type. */
    static MapType map(GlueType key, GlueType value) {
        return new MapType(key, value);
    }

    /** Returns {@code struct<..>} of the given fields, in order. */
    static Struct struct(List<Field> fields) {
        return new Struct(fields);
    }

    /** A primitive type without parameters, one of the constants of {@link GlueType}. */
    record Primitive(String name) implements GlueType {
        /** Creates the primitive; only the names of {@link GlueType}'s constants are valid. */
        public Primitive {
            GlueTypeParser.checkPrimitive(name);
        }

        @Override
        public String toGlueString() {
            return name;
        }
    }

    /** {@code decimal(precision,scale)}. */
    record Decimal(int precision, int scale) implements GlueType {
        /** Validates precision 1-38 and scale 0-precision. */
        public Decimal {
            if (precision < 1 || precision > 38 || scale < 0 || scale > precision) {
                throw new IllegalArgumentException("Invalid decimal(" + precision + "," + scale
                        + "): precision must be 1-38 and scale 0-precision");
            }
        }

        @Override
        public String toGlueString() {
            return "decimal(" + precision + "," + scale + ")";
        }
    }

    /** {@code char(length)}, fixed length. */
    record Char(int length) implements GlueType {
        /** Validates length 1-255. */
        public Char {
            if (length < 1 || length > 255) {
                throw new IllegalArgumentException("Invalid char(" + length + "): length must be 1-255");
            }
        }

        @Override
        public String toGlueString() {
            return "char(" + length + ")";
        }
    }

    /** {@code varchar(length)}, bounded length. */
    record Varchar(int length) implements GlueType {
        /** Validates length 1-65535. */
        public Varchar {
            if (length < 1 || length > 65535) {
                throw new IllegalArgumentException("Invalid varchar(" + length + "): length must be 1-65535");
            }
        }

        @Override
        public String toGlueString() {
            return "varchar(" + length + ")";
        }
    }

    /** {@code array<element>}. */
    record Array(GlueType element) implements GlueType {
        /** Requires an element type. */
        public Array {
            if (element == null) {
                throw new IllegalArgumentException("array element type must not be null");
            }
        }

        @Override
        public String toGlueString() {
            return "array<" + element.toGlueString() + ">";
        }
    }

    /** {@code map<key,value>}. */
    record MapType(GlueType key, GlueType value) implements GlueType {
        /** Requires a primitive key type and a value type. */
        public MapType {
            if (key == null || value == null) {
                throw new IllegalArgumentException("map key and value types must not be null");
            }
            if (key instanceof Array || key instanceof MapType || key instanceof Struct) {
                throw new IllegalArgumentException("Invalid map key type '" + key.toGlueString()
                        + "': must be a primitive type");
            }
        }

        @Override
        public String toGlueString() {
            return "map<" + key.toGlueString() + "," + value.toGlueString() + ">";
        }
    }

    /** {@code struct<name:type,..>}; field names are unique. */
    record Struct(List<Field> fields) implements GlueType {
        /** Copies the fields; requires at least one and unique names. */
        public Struct {
            fields = Checks.copyOf(fields, "fields");
            if (fields.isEmpty()) {
                throw new IllegalArgumentException("struct must have at least one field");
            }
            if (fields.stream().map(Field::name).distinct().count() != fields.size()) {
                throw new IllegalArgumentException("struct field names must be unique, but were "
                        + fields.stream().map(Field::name).toList());
            }
        }

        @Override
        public String toGlueString() {
            StringBuilder out = new StringBuilder("struct<");
            for (int i = 0; i < fields.size(); i++) {
                out.append(i == 0 ? "" : ",").append(fields.get(i).name()).append(':')
                        .append(fields.get(i).type().toGlueString());
            }
            return out.append('>').toString();
        }
    }

    /**
     * One field of a {@link Struct}.
     *
     * @param name the field name (not empty; no ':', ',', '&lt;' or '&gt;')
     * @param type the field type
     */
    record Field(String name, GlueType type) {
        /** Validates the name and requires a type. */
        public Field {
            if (name == null || name.isEmpty() || name.matches(".*[:,<>\\s].*")) {
                throw new IllegalArgumentException("Invalid struct field name '" + name
                        + "': must be non-empty without ':', ',', '<', '>' or whitespace");
            }
            if (type == null) {
                throw new IllegalArgumentException("type of struct field '" + name + "' must not be null");
            }
        }

        /** Returns a field. */
        public static Field of(String name, GlueType type) {
            return new Field(name, type);
        }
    }
}
