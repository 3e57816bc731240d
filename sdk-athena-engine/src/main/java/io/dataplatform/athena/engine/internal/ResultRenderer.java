package io.dataplatform.athena.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Athena's text form of result values, as GetQueryResults returns them: timestamps
 * {@code 2024-01-01 00:00:00.000}, dates {@code 2024-01-01}, decimals with their scale, doubles as
 * Java prints them ({@code 2.5}, {@code 1.0E10}, {@code 1.0E-4}: Athena turns Trino's JSON numbers
 * into text with Java's {@code Double.toString}), arrays {@code [1, 2]}, maps {@code {a=1, b=2}},
 * rows {@code {x=1, y=a}}, varbinary as spaced hex ({@code 68 65 6c}), json as its text.
 *
 * <p>Scalars come from JDBC; DuckDB renders dates, timestamps and bytes itself ({@link #select})
 * and hands complex values over as JSON, rendered here by the column's Trino type.
 */
final class ResultRenderer {
    /** Built on the first complex value: an ObjectMapper's first construction costs ~0.1 s, which a query of scalars need not pay. */
    private static final class Json {
        // DuckDB's to_json writes NaN, Infinity and -Infinity bare, which strict JSON has no word for.
        static final ObjectMapper MAPPER = com.fasterxml.jackson.databind.json.JsonMapper.builder()
                .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    }
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    /** A timestamp with its offset as DuckDB's JSON writes it: {@code 2024-01-01 10:00:00.123+00}. */
    private static final java.util.regex.Pattern ZONED_JSON = java.util.regex.Pattern.compile(
            "(\\d{4,}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?)([+-]\\d{2}(?::\\d{2})?)");

    private ResultRenderer() {
    }

    /**
     * As {@link #select(String, TrinoType)}, for a column whose {@code timestamp with time zone} values
     * print in {@code zone} (a region such as {@code America/New_York} or an offset such as {@code +02:00});
     * null for UTC.
     */
    static String select(String column, TrinoType type, String zone) {
        if (zone == null || !type.base().equals("timestamp with time zone")) {
            return select(column, type);
        }
        return "(strftime(" + localTime(column, zone) + ", '%Y-%m-%d %H:%M:%S.%g') || ' ' || '" + zone.replace("'", "''") + "')";
    }

    /** The wall-clock time in {@code zone} of an instant held as a DuckDB TIMESTAMPTZ. */
    static String localTime(String column, String zone) {
        java.util.regex.Matcher offset = java.util.regex.Pattern.compile("([+-])([0-9]{2}):([0-9]{2})").matcher(zone);
        if (offset.matches()) {
            int minutes = Integer.parseInt(offset.group(2)) * 60 + Integer.parseInt(offset.group(3));
            return "(CAST(" + column + " AS TIMESTAMP) + INTERVAL '" + (offset.group(1).equals("-") ? -minutes : minutes) + " minutes')";
        }
        return "timezone('" + zone.replace("'", "''") + "', " + column + ")";
    }

    /** Returns the DuckDB expression that selects column {@code column} of Trino type {@code type} for rendering. */
    static String select(String column, TrinoType type) {
        return switch (type.base()) {
            case "timestamp" -> "strftime(" + column + ", '%Y-%m-%d %H:%M:%S.%g')";
            // Values are held in UTC (the engine runs DuckDB with TimeZone UTC), and Athena prints the zone.
            case "timestamp with time zone" -> "(strftime(" + column + ", '%Y-%m-%d %H:%M:%S.%g') || ' UTC')";
            case "date", "json", "time", "uuid" -> "CAST(" + column + " AS VARCHAR)";
            case "varbinary" -> "hex(" + column + ")";
            // Intervals travel as a count (months, or milliseconds) and are printed as Trino does by interval().
            case "interval year to month" -> "(datepart('year', " + column + ") * 12 + datepart('month', " + column + "))";
            case "interval day to second" -> "CAST(round(epoch(" + column + ") * 1000) AS BIGINT)";
            case "array", "map", "row" -> "CAST(to_json(" + column + ") AS VARCHAR)";
            default -> column;
        };
    }

    /** Returns the value of column {@code index} (1-based) of the current row, or null for NULL. */
    static String text(ResultSet rows, int index, TrinoType type) throws SQLException {
        String value = switch (type.base()) {
            case "double" -> {
                double d = rows.getDouble(index);
                yield rows.wasNull() ? null : Double.toString(d);
            }
            case "real" -> {
                float f = rows.getFloat(index);
                yield rows.wasNull() ? null : Float.toString(f);
            }
            case "decimal" -> {
                BigDecimal decimal = rows.getBigDecimal(index);
                yield decimal == null ? null : decimal.setScale(type.scale(), RoundingMode.HALF_UP).toPlainString();
            }
            case "interval year to month", "interval day to second" -> {
                long count = rows.getLong(index);
                yield rows.wasNull() ? null : interval(count, type.base().endsWith("month"));
            }
            case "boolean" -> {
                boolean b = rows.getBoolean(index);
                yield rows.wasNull() ? null : Boolean.toString(b);
            }
            default -> rows.getString(index);
        };
        if (value == null) {
            return null;
        }
        return switch (type.base()) {
            case "varbinary" -> spacedHex(value);
            case "array", "map", "row" -> {
                try {
                    yield render(Json.MAPPER.readTree(value), type);
                } catch (java.io.IOException e) {
                    throw new SQLException("Cannot read DuckDB's JSON for a " + type.signature() + " value: " + value, e);
                }
            }
            default -> value;
        };
    }

    /** Trino's interval text: {@code 1-2} for a year-month interval, {@code 1 06:00:00.000} for a day-second one. */
    static String interval(long count, boolean yearToMonth) {
        String sign = count < 0 ? "-" : "";
        long n = Math.abs(count);
        if (yearToMonth) {
            return sign + (n / 12) + "-" + (n % 12);
        }
        long seconds = n / 1000;
        return String.format(Locale.ROOT, "%s%d %02d:%02d:%02d.%03d", sign, seconds / 86400, seconds / 3600 % 24, seconds / 60 % 60,
                seconds % 60, n % 1000);
    }

    private static String spacedHex(String hex) {
        return HexFormat.ofDelimiter(" ").formatHex(HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT)));
    }

    /** Renders a value inside an array, map or row. */
    static String render(JsonNode node, TrinoType type) {
        if (node == null || node.isNull()) {
            return "null";
        }
        switch (type.base()) {
            case "array" -> {
                List<String> items = new ArrayList<>();
                node.forEach(item -> items.add(render(item, type.elements().get(0))));
                return "[" + String.join(", ", items) + "]";
            }
            case "map" -> {
                List<String> entries = new ArrayList<>();
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> entry = fields.next();
                    entries.add(entry.getKey() + "=" + render(entry.getValue(), type.elements().get(1)));
                }
                return "{" + String.join(", ", entries) + "}";
            }
            case "row" -> {
                List<String> fields = new ArrayList<>();
                for (int i = 0; i < type.elements().size(); i++) {
                    // Unnamed fields are field0, field1 ... as Athena prints them (and as the translator names them).
                    String name = type.fieldNames().get(i).isEmpty() ? "field" + i : type.fieldNames().get(i);
                    fields.add(name + "=" + render(field(node, name), type.elements().get(i)));
                }
                return "{" + String.join(", ", fields) + "}";
            }
            case "double" -> {
                return Double.toString(node.asDouble());
            }
            case "real" -> {
                return Float.toString((float) node.asDouble());
            }
            case "decimal" -> {
                return new BigDecimal(node.asText()).setScale(type.scale(), RoundingMode.HALF_UP).toPlainString();
            }
            case "timestamp" -> {
                return TIMESTAMP.format(LocalDateTime.parse(node.asText().replace(' ', 'T')));
            }
            case "timestamp with time zone" -> {
                // DuckDB's JSON gives the instant with its offset ("2024-01-01 10:00:00+00"); Trino prints it as a
                // top-level value, in the session zone, UTC (values in other zones are refused before they get here).
                java.util.regex.Matcher m = ZONED_JSON.matcher(node.asText());
                if (!m.matches()) {
                    return node.asText();
                }
                String offset = m.group(2).length() == 3 ? m.group(2) + ":00" : m.group(2);
                return TIMESTAMP.format(java.time.OffsetDateTime.parse(m.group(1).replace(' ', 'T') + offset)
                        .withOffsetSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime()) + " UTC";
            }
            default -> {
                return node.isValueNode() ? node.asText() : node.toString();
            }
        }
    }

    private static JsonNode field(JsonNode row, String name) {
        JsonNode exact = row.get(name);
        if (exact != null) {
            return exact;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = row.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
