package io.dataplatform.athena.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Trino type signature as a tree: {@code decimal(10,2)}, {@code array(varchar)},
 * {@code map(varchar,bigint)}, {@code row(a bigint, b varchar)}, {@code timestamp(3)}.
 *
 * @param base       the lowercase base name ({@code varchar}, {@code row} ...)
 * @param parameters numeric parameters (length, precision and scale)
 * @param elements   type parameters (array element, map key and value, row fields)
 * @param fieldNames row field names, parallel to {@code elements}
 */
record TrinoType(String base, List<Integer> parameters, List<TrinoType> elements, List<String> fieldNames) {

    static TrinoType parse(String signature) {
        Parser parser = new Parser(signature);
        TrinoType type = parser.type();
        parser.skipSpaces();
        if (parser.at < signature.length()) {
            throw new IllegalArgumentException("Invalid type '" + signature + "': unexpected text at " + parser.at);
        }
        return type;
    }

    /** Returns Athena's ColumnInfo type name: the base, with {@code timestamp(3)} as {@code timestamp}. */
    String athenaName() {
        return base;
    }

    /** Returns the precision Athena reports in ColumnInfo. */
    int precision() {
        return switch (base) {
            case "decimal" -> parameters.isEmpty() ? 38 : parameters.get(0);
            case "varchar", "char" -> parameters.isEmpty() ? Integer.MAX_VALUE : parameters.get(0);
            case "varbinary" -> Integer.MAX_VALUE;
            case "tinyint" -> 3;
            case "smallint" -> 5;
            case "integer" -> 10;
            case "bigint" -> 19;
            case "real" -> 24;
            case "double" -> 53;
            case "timestamp", "time" -> 3;
            default -> 0;
        };
    }

    int scale() {
        return base.equals("decimal") && parameters.size() > 1 ? parameters.get(1) : 0;
    }

    String signature() {
        StringBuilder text = new StringBuilder(base);
        if (!elements.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < elements.size(); i++) {
                boolean named = !fieldNames.isEmpty() && !fieldNames.get(i).isEmpty();
                parts.add(named ? fieldNames.get(i) + " " + elements.get(i).signature() : elements.get(i).signature());
            }
            text.append('(').append(String.join(base.equals("row") ? ", " : ",", parts)).append(')');
        } else if (!parameters.isEmpty()) {
            text.append('(').append(String.join(",", parameters.stream().map(String::valueOf).toList())).append(')');
        }
        return text.toString();
    }

    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        TrinoType type() {
            skipSpaces();
            String base = word().toLowerCase(Locale.ROOT);
            // "timestamp(3) with time zone" and "double precision" are single types.
            List<Integer> parameters = new ArrayList<>();
            List<TrinoType> elements = new ArrayList<>();
            List<String> names = new ArrayList<>();
            skipSpaces();
            if (at < text.length() && text.charAt(at) == '(') {
                at++;
                do {
                    skipSpaces();
                    if (base.equals("row")) {
                        rowField(names, elements);
                    } else if (Character.isDigit(text.charAt(at))) {
                        parameters.add(Integer.parseInt(word()));
                    } else {
                        elements.add(type());
                    }
                    skipSpaces();
                } while (at < text.length() && text.charAt(at++) == ',');
            }
            skipSpaces();
            if (text.startsWith("with time zone", at)) {
                at += "with time zone".length();
                base = base + " with time zone";
            }
            // Interval types are named by their fields: interval day to second, interval year to month.
            for (String fields : List.of("day to second", "year to month")) {
                if (base.equals("interval") && text.regionMatches(true, at, fields, 0, fields.length())) {
                    at += fields.length();
                    base = base + " " + fields;
                }
            }
            return new TrinoType(base, List.copyOf(parameters), List.copyOf(elements), List.copyOf(names));
        }

        /** A row field: {@code name type}, or an anonymous {@code type} ({@code row(integer, varchar(1))}). */
        private void rowField(List<String> names, List<TrinoType> elements) {
            skipSpaces();
            int start = at;
            if (text.charAt(at) != '"') {
                word();
                skipSpaces();
                boolean anonymous = at >= text.length() || text.charAt(at) == ',' || text.charAt(at) == ')'
                        || text.charAt(at) == '(' || text.startsWith("with time zone", at)
                        || text.regionMatches(true, at, "day to second", 0, 13)
                        || text.regionMatches(true, at, "year to month", 0, 13);
                at = start;
                if (anonymous) {
                    names.add("");
                    elements.add(type());
                    return;
                }
            }
            names.add(name());
            elements.add(type());
        }

        private String name() {
            skipSpaces();
            if (text.charAt(at) == '"') {
                StringBuilder name = new StringBuilder();
                at++;
                while (at < text.length()) {
                    char c = text.charAt(at++);
                    if (c == '"') {
                        if (at < text.length() && text.charAt(at) == '"') {
                            name.append('"');
                            at++;
                            continue;
                        }
                        break;
                    }
                    name.append(c);
                }
                return name.toString();
            }
            return word();
        }

        private String word() {
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                at++;
            }
            if (start == at) {
                throw new IllegalArgumentException("Invalid type '" + text + "': expected a name at " + at);
            }
            return text.substring(start, at);
        }

        void skipSpaces() {
            while (at < text.length() && text.charAt(at) == ' ') {
                at++;
            }
        }
    }
}
