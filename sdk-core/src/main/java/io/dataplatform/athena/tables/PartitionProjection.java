package io.dataplatform.athena.tables;

import io.dataplatform.internal.Checks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * Athena's partition projection for one table: with table parameter {@code projection.enabled}
 * true, the partitions are computed from {@code projection.KEY.*} parameters and the catalog's
 * partitions are ignored (Athena User Guide, "Use partition projection with Amazon Athena"). Each
 * partition lives at {@code storage.location.template} with {@code ${KEY}} replaced by its value,
 * or else at {@code TABLE_LOCATION/key1=value1/key2=value2/}. A partition with no objects reads
 * nothing. Types: {@code enum}, {@code integer}, {@code date} ({@link DateProjection}) and
 * {@code injected} (the values a query's WHERE clause gives the key). The engines that read tables as
 * Athena does (the fake Athena's, sdk-spark's Spark SQL engine) enumerate partitions with it.
 *
 * <pre>{@code
 * PartitionProjection.of(table).ifPresent(p -> p.partitions(Instant.now(), (t, key) -> Set.of()));
 * }</pre>
 */
public final class PartitionProjection {
    /** Enumerating more partitions than this is a configuration error, not a query an engine should try. */
    public static final int MAX_PARTITIONS = 100_000;

    private final Table table;
    private final Map<String, Map<String, String>> keyProperties;

    /** One projected value: as the partition column shows it, and as partition locations spell it. */
    record Value(String column, String path) {
    }

    /**
     * One projected partition.
     *
     * @param values   its column values, in key order
     * @param location its S3 location
     */
    public record Partition(List<String> values, String location) {
        /** Copies the values. */
        public Partition {
            values = Checks.copyOf(values, "values");
        }
    }

    private PartitionProjection(Table table, Map<String, Map<String, String>> keyProperties) {
        this.table = table;
        this.keyProperties = keyProperties;
    }

    /**
     * Returns the projection of {@code table}, or empty if it has no partition keys or projection is
     * not enabled; fails with Athena's HIVE_METASTORE_ERROR when a key has no projection configuration.
     */
    public static Optional<PartitionProjection> of(Table table) {
        Map<String, String> parameters = table.hasParameters() ? table.parameters() : Map.of();
        if (table.partitionKeys().isEmpty() || !"true".equalsIgnoreCase(parameters.getOrDefault("projection.enabled", "").trim())) {
            return Optional.empty();
        }
        Map<String, Map<String, String>> keyProperties = new LinkedHashMap<>();
        List<String> unconfigured = new ArrayList<>();
        for (Column key : table.partitionKeys()) {
            Map<String, String> properties = new LinkedHashMap<>();
            String prefix = "projection." + key.name().toLowerCase(Locale.ROOT) + ".";
            parameters.forEach((name, value) -> {
                if (name.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    properties.put(name.substring(prefix.length()), value);
                }
            });
            if (!properties.containsKey("type")) {
                unconfigured.add(key.name());
            }
            keyProperties.put(key.name(), properties);
        }
        if (!unconfigured.isEmpty()) {
            // Athena's own error for this (Athena User Guide, "Setting up partition projection").
            throw new IllegalArgumentException("HIVE_METASTORE_ERROR: Table " + name(table) + " is configured for"
                    + " partition projection, but the following partition columns are missing projection"
                    + " configuration: " + unconfigured + " (table " + name(table) + ")");
        }
        return Optional.of(new PartitionProjection(table, keyProperties));
    }

    /**
     * Returns every projected partition, with date ranges relative to {@code now} and the values of
     * injected keys taken from {@code injected} (key name to the values the query's WHERE clause gives it).
     */
    public List<Partition> partitions(Instant now, BiFunction<Table, String, Set<String>> injected) {
        List<List<Value>> values = new ArrayList<>();
        long combinations = 1;
        for (Column key : table.partitionKeys()) {
            List<Value> keyValues = values(key, keyProperties.get(key.name()), now, injected);
            values.add(keyValues);
            combinations *= Math.max(1, keyValues.size());
            if (combinations > MAX_PARTITIONS) {
                throw new IllegalArgumentException("Partition projection of " + name(table) + " projects more than "
                        + MAX_PARTITIONS + " partitions, more than the engine enumerates");
            }
        }
        ProjectedLocations locations = ProjectedLocations.of(table);
        List<Partition> partitions = new ArrayList<>();
        combine(values, 0, new ArrayList<>(), combination -> partitions.add(new Partition(
                combination.stream().map(Value::column).toList(), locations.location(combination))));
        return partitions;
    }

    private void combine(List<List<Value>> values, int index, List<Value> prefix, Consumer<List<Value>> out) {
        if (index == values.size()) {
            out.accept(List.copyOf(prefix));
            return;
        }
        for (Value value : values.get(index)) {
            prefix.add(value);
            combine(values, index + 1, prefix, out);
            prefix.remove(prefix.size() - 1);
        }
    }

    private List<Value> values(Column key, Map<String, String> properties, Instant now,
            BiFunction<Table, String, Set<String>> injected) {
        String type = properties.get("type").trim().toLowerCase(Locale.ROOT);
        String keyType = key.type() == null ? "string" : key.type().trim().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "enum" -> required(key.name(), properties, "values").isEmpty() ? List.of()
                    : List.of(properties.get("values").split(",", -1)).stream().map(v -> new Value(v, v)).toList();
            case "integer" -> IntegerProjection.values(key.name(), properties);
            case "date" -> DateProjection.values(key.name(), keyType, properties, now);
            case "injected" -> {
                if (!keyType.equals("string") && !keyType.startsWith("varchar")) {
                    throw new IllegalArgumentException("Invalid partition projection for key '" + key.name() + "' of "
                            + name(table) + ": type 'injected' supports string keys only, but the key is " + keyType);
                }
                yield injected.apply(table, key.name()).stream().map(v -> new Value(v, v)).toList();
            }
            default -> throw invalid(key.name(), "type", properties.get("type"), "must be enum, integer, date or injected");
        };
    }

    /** Returns {@code database.table}. */
    public static String name(Table table) {
        return table.databaseName() + "." + table.name();
    }

    /** Returns property {@code name} of {@code key}'s projection, or fails naming it. */
    static String required(String key, Map<String, String> properties, String name) {
        String value = properties.get(name);
        if (value == null) {
            throw new IllegalArgumentException("Invalid partition projection for key '" + key + "': table parameter"
                    + " 'projection." + key + "." + name + "' is required for its type");
        }
        return value;
    }

    /** Returns optional property {@code name} as a positive integer, {@code absent} if it is not set. */
    static long positive(String key, Map<String, String> properties, String name, long absent) {
        String value = properties.get(name);
        if (value == null) {
            return absent;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw invalid(key, name, value, "must be a positive integer");
    }

    static IllegalArgumentException invalid(String key, String property, String value, String rule) {
        return new IllegalArgumentException("Invalid partition projection: table parameter 'projection." + key + "."
                + property + "' is '" + value + "': " + rule);
    }
}
