package io.dataplatform.athena.engine.internal.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Trino type Athena shows for a Glue (Hive) column type: {@code string} is {@code varchar},
 * {@code int} {@code integer}, {@code float} {@code real}, {@code timestamp} {@code timestamp(3)},
 * {@code binary} {@code varbinary}, {@code array<T>} {@code array(T)}, {@code map<K,V>}
 * {@code map(K, V)} and {@code struct<a:T>} {@code row(a T)}.
 */
public final class HiveTypes {
    private HiveTypes() {
    }

    /** The Trino type of a Hive type; throws IllegalArgumentException naming a type it does not know. */
    public static String toTrino(String hiveType) {
        Reader r = new Reader(hiveType.strip().toLowerCase(Locale.ROOT), hiveType);
        String t = r.type();
        if (r.pos != r.text.length()) {
            throw new IllegalArgumentException("Unknown Hive type '" + hiveType + "'");
        }
        return t;
    }

    private static final class Reader {
        final String text;
        final String original;
        int pos;

        Reader(String text, String original) {
            this.text = text;
            this.original = original;
        }

        String word() {
            skip();
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            return text.substring(start, pos);
        }

        void skip() {
            while (pos < text.length() && text.charAt(pos) == ' ') {
                pos++;
            }
        }

        boolean accept(char c) {
            skip();
            if (pos < text.length() && text.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        void expect(char c) {
            if (!accept(c)) {
                throw new IllegalArgumentException("Unknown Hive type '" + original + "'");
            }
        }

        /** The text up to the matching ')' of a type parameter list, kept as written: "(10,2)". */
        String parameters() {
            int start = pos;
            expect('(');
            while (pos < text.length() && text.charAt(pos) != ')') {
                pos++;
            }
            expect(')');
            return text.substring(start, pos).replace(" ", "");
        }

        String type() {
            String name = word();
            switch (name) {
                case "string":
                    return "varchar";
                case "int", "integer":
                    return "integer";
                case "tinyint", "smallint", "bigint", "boolean", "double", "date":
                    return name;
                case "float", "real":
                    return "real";
                case "binary":
                    return "varbinary";
                case "timestamp":
                    return "timestamp(3)";
                case "decimal":
                    skip();
                    return pos < text.length() && text.charAt(pos) == '(' ? "decimal" + parameters() : "decimal(10,0)";
                case "varchar", "char":
                    return name + parameters();
                case "array": {
                    expect('<');
                    String e = type();
                    expect('>');
                    return "array(" + e + ")";
                }
                case "map": {
                    expect('<');
                    String k = type();
                    expect(',');
                    String v = type();
                    expect('>');
                    return "map(" + k + ", " + v + ")";
                }
                case "struct": {
                    expect('<');
                    List<String> fields = new ArrayList<>();
                    do {
                        String field = word();
                        expect(':');
                        fields.add(field + " " + type());
                    } while (accept(','));
                    expect('>');
                    return "row(" + String.join(", ", fields) + ")";
                }
                default:
                    throw new IllegalArgumentException("Unknown Hive type '" + original + "'");
            }
        }
    }
}
