package io.dataplatform.athena.engine.internal.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A Trino type: its base name, a length/precision and scale where it has them, and element (array,
 * map) or field (row) types. {@link #toString()} writes it as Trino does; {@link #duckDb()} as DuckDB's.
 */
record TrinoType(String base, int precision, int scale, List<TrinoType> elements, List<String> fieldNames) {
    static final TrinoType UNKNOWN = simple("unknown");
    static final TrinoType BOOLEAN = simple("boolean");
    static final TrinoType TINYINT = simple("tinyint");
    static final TrinoType SMALLINT = simple("smallint");
    static final TrinoType INTEGER = simple("integer");
    static final TrinoType BIGINT = simple("bigint");
    static final TrinoType REAL = simple("real");
    static final TrinoType DOUBLE = simple("double");
    static final TrinoType VARCHAR = new TrinoType("varchar", -1, 0, List.of(), List.of());
    static final TrinoType VARBINARY = simple("varbinary");
    static final TrinoType DATE = simple("date");
    static final TrinoType TIMESTAMP = new TrinoType("timestamp", 3, 0, List.of(), List.of());
    static final TrinoType TIMESTAMP_TZ = new TrinoType("timestamp with time zone", 3, 0, List.of(), List.of());
    static final TrinoType JSON = simple("json");
    static final TrinoType INTERVAL_DAY = simple("interval day to second");
    static final TrinoType INTERVAL_YEAR = simple("interval year to month");

    private static final Set<String> SIMPLE = Set.of("unknown", "boolean", "tinyint", "smallint", "integer",
            "bigint", "real", "double", "varbinary", "date", "json", "interval day to second",
            "interval year to month", "uuid", "ipaddress");
    private static final List<String> INTEGRAL = List.of("tinyint", "smallint", "integer", "bigint");

    TrinoType {
        elements = List.copyOf(elements);
        fieldNames = List.copyOf(fieldNames);
    }

    static TrinoType simple(String base) {
        return new TrinoType(base, -1, 0, List.of(), List.of());
    }

    static TrinoType decimal(int precision, int scale) {
        return new TrinoType("decimal", precision, scale, List.of(), List.of());
    }

    static TrinoType varchar(int length) {
        return new TrinoType("varchar", length, 0, List.of(), List.of());
    }

    static TrinoType array(TrinoType element) {
        return new TrinoType("array", -1, 0, List.of(element), List.of());
    }

    static TrinoType map(TrinoType key, TrinoType value) {
        return new TrinoType("map", -1, 0, List.of(key, value), List.of());
    }

    /** A row; a field without a name has an empty string as its name. */
    static TrinoType row(List<String> names, List<TrinoType> types) {
        return new TrinoType("row", -1, 0, types, names);
    }

    boolean is(String name) {
        return base.equals(name);
    }

    boolean isIntegral() {
        return INTEGRAL.contains(base);
    }

    boolean isNumeric() {
        return isIntegral() || base.equals("decimal") || base.equals("real") || base.equals("double");
    }

    boolean isString() {
        return base.equals("varchar") || base.equals("char");
    }

    boolean isTemporal() {
        return base.equals("date") || base.equals("timestamp") || base.equals("timestamp with time zone");
    }

    TrinoType element() {
        return elements.get(0);
    }

    /** The decimal an integral type widens to (Trino: tinyint decimal(3,0) ... bigint decimal(19,0)). */
    TrinoType asDecimal() {
        return switch (base) {
            case "tinyint" -> decimal(3, 0);
            case "smallint" -> decimal(5, 0);
            case "integer" -> decimal(10, 0);
            case "bigint" -> decimal(19, 0);
            default -> this;
        };
    }

    int integralRank() {
        return INTEGRAL.indexOf(base);
    }

    /** Parses a Trino type as written in a query or a catalog; unknown names fail as Trino does. */
    static TrinoType parse(String text) {
        Parser p = new Parser(text.toLowerCase(Locale.ROOT));
        TrinoType t = p.type();
        p.skipSpaces();
        if (p.pos != p.text.length()) {
            throw new IllegalArgumentException("Unknown type: " + text);
        }
        return t;
    }

    @Override
    public String toString() {
        return switch (base) {
            case "decimal" -> "decimal(" + precision + "," + scale + ")";
            case "varchar" -> precision < 0 ? "varchar" : "varchar(" + precision + ")";
            case "char" -> "char(" + precision + ")";
            case "timestamp" -> "timestamp(" + precision + ")";
            case "timestamp with time zone" -> "timestamp(" + precision + ") with time zone";
            case "array" -> "array(" + element() + ")";
            case "map" -> "map(" + elements.get(0) + ", " + elements.get(1) + ")";
            case "row" -> {
                List<String> fields = new ArrayList<>();
                for (int i = 0; i < elements.size(); i++) {
                    String name = fieldNames.get(i);
                    fields.add(name.isEmpty() ? elements.get(i).toString() : name + " " + elements.get(i));
                }
                yield "row(" + String.join(", ", fields) + ")";
            }
            default -> base;
        };
    }

    /** The DuckDB type holding this type's values. */
    String duckDb() {
        return switch (base) {
            case "boolean" -> "BOOLEAN";
            case "tinyint" -> "TINYINT";
            case "smallint" -> "SMALLINT";
            case "integer" -> "INTEGER";
            case "bigint" -> "BIGINT";
            case "real" -> "FLOAT";
            case "double" -> "DOUBLE";
            case "decimal" -> "DECIMAL(" + precision + "," + scale + ")";
            case "varchar", "char", "unknown" -> "VARCHAR";
            case "varbinary" -> "BLOB";
            case "date" -> "DATE";
            case "timestamp" -> "TIMESTAMP";
            case "timestamp with time zone" -> "TIMESTAMPTZ";
            case "json" -> "JSON";
            case "uuid" -> "UUID";
            case "interval day to second", "interval year to month" -> "INTERVAL";
            case "array" -> element().duckDb() + "[]";
            case "map" -> "MAP(" + elements.get(0).duckDb() + ", " + elements.get(1).duckDb() + ")";
            case "row" -> {
                List<String> fields = new ArrayList<>();
                for (int i = 0; i < elements.size(); i++) {
                    String name = fieldNames.get(i).isEmpty() ? "field" + i : fieldNames.get(i);
                    fields.add(Sql.identifier(name) + " " + elements.get(i).duckDb());
                }
                yield "STRUCT(" + String.join(", ", fields) + ")";
            }
            default -> throw new IllegalStateException("No DuckDB type for " + this);
        };
    }

    private static final class Parser {
        final String text;
        int pos;

        Parser(String text) {
            this.text = text;
        }

        void skipSpaces() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        String word() {
            skipSpaces();
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            if (start == pos && pos < text.length() && text.charAt(pos) == '"') {
                int end = text.indexOf('"', pos + 1);
                String quoted = text.substring(pos + 1, end);
                pos = end + 1;
                return quoted;
            }
            return text.substring(start, pos);
        }

        boolean accept(char c) {
            skipSpaces();
            if (pos < text.length() && text.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        boolean acceptWord(String w) {
            int save = pos;
            if (word().equals(w)) {
                return true;
            }
            pos = save;
            return false;
        }

        int number() {
            return Integer.parseInt(word());
        }

        void expect(char c) {
            if (!accept(c)) {
                throw new IllegalArgumentException("Unknown type: " + text);
            }
        }

        TrinoType type() {
            String name = word();
            switch (name) {
                case "int":
                    return INTEGER;
                case "decimal": {
                    int p = 38;
                    int s = 0;
                    if (accept('(')) {
                        p = number();
                        if (accept(',')) {
                            s = number();
                        }
                        expect(')');
                    }
                    return decimal(p, s);
                }
                case "varchar":
                case "char": {
                    int n = name.equals("char") ? 1 : -1;
                    if (accept('(')) {
                        n = number();
                        expect(')');
                    }
                    return new TrinoType(name, n, 0, List.of(), List.of());
                }
                case "timestamp": {
                    int p = 3;
                    if (accept('(')) {
                        p = number();
                        expect(')');
                    }
                    if (acceptWord("with")) {
                        word();
                        word();
                        return new TrinoType("timestamp with time zone", p, 0, List.of(), List.of());
                    }
                    acceptWord("without");
                    return new TrinoType("timestamp", p, 0, List.of(), List.of());
                }
                case "double":
                    acceptWord("precision");
                    return DOUBLE;
                case "interval": {
                    String from = word();
                    acceptWord("to");
                    word();
                    return from.equals("year") || from.equals("month") ? INTERVAL_YEAR : INTERVAL_DAY;
                }
                case "array": {
                    expect('(');
                    TrinoType e = type();
                    expect(')');
                    return array(e);
                }
                case "map": {
                    expect('(');
                    TrinoType k = type();
                    expect(',');
                    TrinoType v = type();
                    expect(')');
                    return map(k, v);
                }
                case "row": {
                    expect('(');
                    List<String> names = new ArrayList<>();
                    List<TrinoType> types = new ArrayList<>();
                    do {
                        int save = pos;
                        String first = word();
                        skipSpaces();
                        boolean named = pos < text.length() && text.charAt(pos) != ',' && text.charAt(pos) != ')'
                                && text.charAt(pos) != '(' && !first.equals("double") && !first.equals("timestamp")
                                && !first.equals("interval");
                        if (named) {
                            names.add(first);
                        } else {
                            pos = save;
                            names.add("");
                        }
                        types.add(type());
                    } while (accept(','));
                    expect(')');
                    return row(names, types);
                }
                default:
                    if (SIMPLE.contains(name)) {
                        return simple(name);
                    }
                    throw new IllegalArgumentException("Unknown type: " + name);
            }
        }
    }
}
