package io.dataplatform.athena.engine.internal;

import io.dataplatform.glue.GlueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Maps types between the Glue catalog, DuckDB and Trino (whose names Athena reports). */
final class EngineTypes {
    private EngineTypes() {
    }

    /** Returns the DuckDB type a catalog column of {@code glue} type is read as. */
    static String duckDb(GlueType glue) {
        if (glue instanceof GlueType.Decimal d) {
            return "DECIMAL(" + d.precision() + "," + d.scale() + ")";
        }
        if (glue instanceof GlueType.Char || glue instanceof GlueType.Varchar) {
            return "VARCHAR";
        }
        if (glue instanceof GlueType.Array a) {
            return duckDb(a.element()) + "[]";
        }
        if (glue instanceof GlueType.MapType m) {
            return "MAP(" + duckDb(m.key()) + ", " + duckDb(m.value()) + ")";
        }
        if (glue instanceof GlueType.Struct s) {
            List<String> fields = new ArrayList<>();
            s.fields().forEach(f -> fields.add(Sql.identifier(f.name()) + " " + duckDb(f.type())));
            return "STRUCT(" + String.join(", ", fields) + ")";
        }
        return switch (((GlueType.Primitive) glue).name()) {
            case "string" -> "VARCHAR";
            case "tinyint" -> "TINYINT";
            case "smallint" -> "SMALLINT";
            case "int" -> "INTEGER";
            case "bigint" -> "BIGINT";
            case "float" -> "FLOAT";
            case "double" -> "DOUBLE";
            case "boolean" -> "BOOLEAN";
            case "date" -> "DATE";
            case "timestamp" -> "TIMESTAMP";
            case "binary" -> "BLOB";
            default -> throw new EngineFailure("NOT_SUPPORTED", "Unsupported Hive type: " + glue.toGlueString());
        };
    }

    /** Returns the Trino type Athena gives a catalog column of {@code glue} type. */
    static String trino(GlueType glue) {
        if (glue instanceof GlueType.Decimal d) {
            return "decimal(" + d.precision() + "," + d.scale() + ")";
        }
        if (glue instanceof GlueType.Char c) {
            return "char(" + c.length() + ")";
        }
        if (glue instanceof GlueType.Varchar v) {
            return "varchar(" + v.length() + ")";
        }
        if (glue instanceof GlueType.Array a) {
            return "array(" + trino(a.element()) + ")";
        }
        if (glue instanceof GlueType.MapType m) {
            return "map(" + trino(m.key()) + "," + trino(m.value()) + ")";
        }
        if (glue instanceof GlueType.Struct s) {
            List<String> fields = new ArrayList<>();
            s.fields().forEach(f -> fields.add(f.name() + " " + trino(f.type())));
            return "row(" + String.join(", ", fields) + ")";
        }
        return switch (((GlueType.Primitive) glue).name()) {
            case "string" -> "varchar";
            case "int" -> "integer";
            case "float" -> "real";
            case "binary" -> "varbinary";
            case "timestamp" -> "timestamp(3)";
            default -> ((GlueType.Primitive) glue).name();
        };
    }

    /** Returns the Trino type of a DuckDB result column type ({@code INTEGER[]}, {@code STRUCT(a BIGINT)} ...). */
    static String trinoOfDuckDb(String duckDb) {
        String type = duckDb.trim();
        if (type.endsWith("]")) {
            return "array(" + trinoOfDuckDb(type.substring(0, type.lastIndexOf('['))) + ")";
        }
        String upper = type.toUpperCase(Locale.ROOT);
        if (upper.startsWith("MAP(")) {
            List<String> parts = split(type.substring(4, type.length() - 1));
            return "map(" + trinoOfDuckDb(parts.get(0)) + "," + trinoOfDuckDb(parts.get(1)) + ")";
        }
        if (upper.startsWith("STRUCT(")) {
            List<String> fields = new ArrayList<>();
            for (String field : split(type.substring(7, type.length() - 1))) {
                String trimmed = field.trim();
                int space = nameEnd(trimmed);
                String name = trimmed.substring(0, space);
                if (name.startsWith("\"")) {
                    name = name.substring(1, name.length() - 1).replace("\"\"", "\"");
                }
                fields.add(Sql.identifier(name) + " " + trinoOfDuckDb(trimmed.substring(space + 1)));
            }
            return "row(" + String.join(", ", fields) + ")";
        }
        if (upper.startsWith("DECIMAL")) {
            return upper.toLowerCase(Locale.ROOT).replace(" ", "");
        }
        return switch (upper) {
            case "VARCHAR" -> "varchar";
            case "BIGINT", "UBIGINT", "UINTEGER" -> "bigint";
            case "INTEGER", "USMALLINT" -> "integer";
            case "SMALLINT", "UTINYINT" -> "smallint";
            case "TINYINT" -> "tinyint";
            case "HUGEINT", "UHUGEINT" -> "decimal(38,0)";
            case "DOUBLE" -> "double";
            case "FLOAT" -> "real";
            case "BOOLEAN" -> "boolean";
            case "DATE" -> "date";
            case "TIMESTAMP", "TIMESTAMP_MS", "TIMESTAMP_NS", "TIMESTAMP_S" -> "timestamp(3)";
            case "TIMESTAMP WITH TIME ZONE" -> "timestamp(3) with time zone";
            case "TIME" -> "time(3)";
            case "BLOB" -> "varbinary";
            case "JSON" -> "json";
            case "UUID" -> "uuid";
            case "\"NULL\"", "NULL" -> "unknown";
            default -> "varchar";
        };
    }

    private static int nameEnd(String field) {
        if (field.startsWith("\"")) {
            int at = 1;
            while (at < field.length()) {
                if (field.charAt(at) == '"') {
                    if (at + 1 < field.length() && field.charAt(at + 1) == '"') {
                        at += 2;
                        continue;
                    }
                    return at + 1;
                }
                at++;
            }
        }
        return field.indexOf(' ');
    }

    /** Splits at the top-level commas (outside parentheses and quotes). */
    private static List<String> split(String list) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                parts.add(list.substring(start, i).trim());
                start = i + 1;
            }
        }
        parts.add(list.substring(start).trim());
        return parts;
    }
}
