package io.dataplatform.athena.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * Where projected partitions live: {@code storage.location.template} with each {@code ${KEY}}
 * replaced by the partition's value, or by default {@code TABLE_LOCATION/key=value/...}, values
 * escaped as Hive escapes partition folder names (Athena User Guide, "Setting up partition
 * projection"; Trino's {@code PartitionProjection}, which Athena's engine is built on).
 */
final class ProjectedLocations {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");
    /** The characters Hive's {@code FileUtils.escapePathName} writes as %XX in a key=value folder name. */
    private static final String HIVE_ESCAPED = "\"#%'*/:=?\\\u007f{[]^";

    private final String template;
    private final List<String> keys;
    private final boolean escape;

    private ProjectedLocations(String template, List<String> keys, boolean escape) {
        this.template = template;
        this.keys = keys;
        this.escape = escape;
    }

    /**
     * Returns the locations of {@code table}'s projected partitions.
     *
     * @throws IllegalArgumentException if the template lacks a placeholder for a key or names a column that is no key
     */
    static ProjectedLocations of(Table table) {
        List<String> keys = table.partitionKeys().stream().map(Column::name).toList();
        String template = table.parameters().get("storage.location.template");
        if (template == null) {
            String location = table.storageDescriptor().location();
            StringBuilder hive = new StringBuilder(location.endsWith("/") ? location : location + "/");
            keys.forEach(key -> hive.append(key).append("=${").append(key).append("}/"));
            return new ProjectedLocations(hive.toString(), keys, true);
        }
        List<String> missing = new ArrayList<>(keys);
        Matcher placeholders = PLACEHOLDER.matcher(template);
        while (placeholders.find()) {
            if (!keys.contains(placeholders.group(1))) {
                throw new IllegalArgumentException("Invalid table parameter 'storage.location.template' of "
                        + PartitionProjection.name(table) + ": placeholder ${" + placeholders.group(1)
                        + "} names no partition key of " + keys);
            }
            missing.remove(placeholders.group(1));
        }
        if (!missing.isEmpty()) {
            // "if you use a custom template, the template must contain a placeholder for each partition column"
            throw new IllegalArgumentException("Invalid table parameter 'storage.location.template' of "
                    + PartitionProjection.name(table) + ": '" + template + "' has no placeholder for partition key(s) "
                    + missing + "; it must have one ${key} per partition key");
        }
        return new ProjectedLocations(template, keys, false);
    }

    /** Returns the location of the partition with {@code values}, in key order. */
    String location(List<PartitionProjection.Value> values) {
        Matcher placeholders = PLACEHOLDER.matcher(template);
        StringBuilder location = new StringBuilder();
        while (placeholders.find()) {
            String value = values.get(keys.indexOf(placeholders.group(1))).path();
            placeholders.appendReplacement(location, Matcher.quoteReplacement(escape ? hiveEscape(value) : value));
        }
        placeholders.appendTail(location);
        return location.toString();
    }

    private static String hiveEscape(String value) {
        StringBuilder escaped = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c < 0x20 || HIVE_ESCAPED.indexOf(c) >= 0) {
                escaped.append(String.format("%%%02X", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
