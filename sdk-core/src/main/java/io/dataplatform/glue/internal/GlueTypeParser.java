package io.dataplatform.glue.internal;

import io.dataplatform.glue.GlueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Recursive-descent parser for Glue/Hive type strings such as {@code struct<a:int,b:array<string>>}. */
public final class GlueTypeParser {
    private static final Set<String> PRIMITIVES = Set.of("string", "tinyint", "smallint", "int", "bigint", "float",
            "double", "boolean", "date", "timestamp", "binary");

    private final String text;
    private int pos;

    private GlueTypeParser(String text) {
        this.text = text;
    }

    /** Parses a complete type string. */
    public static GlueType parse(String type) {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("Invalid Glue type '" + type + "': must not be empty");
        }
        GlueTypeParser parser = new GlueTypeParser(type);
        GlueType result = parser.type();
        parser.skipSpaces();
        if (parser.pos != type.length()) {
            throw parser.error("end of type");
        }
        return result;
    }

    /** Fails unless {@code name} is one of the parameterless primitive type names. */
    public static void checkPrimitive(String name) {
        if (name == null || !PRIMITIVES.contains(name)) {
            throw new IllegalArgumentException("Invalid primitive type '" + name + "': must be one of "
                    + PRIMITIVES.stream().sorted().toList());
        }
    }

    private GlueType type() {
        String word = word().toLowerCase(Locale.ROOT);
        switch (word) {
            case "integer":
                return GlueType.INT;
            case "decimal": {
                if (!peek('(')) {
                    return GlueType.decimal(10, 0); // Hive's default for a bare decimal
                }
                expect('(');
                int precision = number();
                int scale = 0;
                if (peek(',')) {
                    expect(',');
                    scale = number();
                }
                expect(')');
                int finalScale = scale;
                return wrap(() -> GlueType.decimal(precision, finalScale));
            }
            case "char", "varchar": {
                expect('(');
                int length = number();
                expect(')');
                return wrap(() -> word.equals("char") ? GlueType.charOf(length) : GlueType.varchar(length));
            }
            case "array": {
                expect('<');
                GlueType element = type();
                expect('>');
                return GlueType.array(element);
            }
            case "map": {
                expect('<');
                GlueType key = type();
                expect(',');
                GlueType value = type();
                expect('>');
                return wrap(() -> GlueType.map(key, value));
            }
            case "struct": {
                expect('<');
                List<GlueType.Field> fields = new ArrayList<>();
                do {
                    if (!fields.isEmpty()) {
                        expect(',');
                    }
                    String name = fieldName();
                    expect(':');
                    fields.add(wrap(() -> GlueType.Field.of(name, type())));
                } while (peek(','));
                expect('>');
                return wrap(() -> GlueType.struct(fields));
            }
            default:
                if (PRIMITIVES.contains(word)) {
                    return new GlueType.Primitive(word);
                }
                pos -= word.length();
                throw error("a type name");
        }
    }

    private <T> T wrap(java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            if (e.getMessage().startsWith("Invalid Glue type")) {
                throw e;
            }
            throw new IllegalArgumentException("Invalid Glue type '" + text + "': " + e.getMessage(), e);
        }
    }

    private String word() {
        skipSpaces();
        int start = pos;
        while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private String fieldName() {
        skipSpaces();
        int start = pos;
        while (pos < text.length() && ":,<>".indexOf(text.charAt(pos)) < 0 && !Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw error("a field name");
        }
        return text.substring(start, pos);
    }

    private int number() {
        skipSpaces();
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (start == pos || pos - start > 9) {
            pos = start;
            throw error("a number");
        }
        return Integer.parseInt(text.substring(start, pos));
    }

    private boolean peek(char c) {
        skipSpaces();
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("'" + c + "'");
        }
        pos++;
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String expected) {
        String found = pos < text.length() ? "'" + text.charAt(pos) + "'" : "end of input";
        return new IllegalArgumentException("Invalid Glue type '" + text + "': expected " + expected
                + " at position " + pos + " but found " + found);
    }
}
