package io.dataplatform.athena.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The values of a partition key projected with type {@code integer} (Athena User Guide, "Supported
 * types for partition projection"): {@code projection.KEY.range} "first,last" (inclusive, may be
 * negative), stepping {@code interval} (default 1), each written with at least {@code digits}
 * digits, zero-padded, when that is set.
 */
final class IntegerProjection {
    private IntegerProjection() {
    }

    static List<PartitionProjection.Value> values(String key, Map<String, String> properties) {
        String range = PartitionProjection.required(key, properties, "range");
        String[] bounds = range.split(",", -1);
        long first;
        long last;
        try {
            if (bounds.length != 2) {
                throw new NumberFormatException();
            }
            first = Long.parseLong(bounds[0].trim());
            last = Long.parseLong(bounds[1].trim());
        } catch (NumberFormatException e) {
            throw PartitionProjection.invalid(key, "range", range, "must be two integers, 'first,last'");
        }
        long interval = PartitionProjection.positive(key, properties, "interval", 1);
        long digits = PartitionProjection.positive(key, properties, "digits", 0);
        if (last >= first && (last - first) / interval >= PartitionProjection.MAX_PARTITIONS) {
            throw PartitionProjection.invalid(key, "range", range,
                    "projects more than " + PartitionProjection.MAX_PARTITIONS + " values, more than the engine enumerates");
        }
        List<PartitionProjection.Value> values = new ArrayList<>();
        for (long value = first; value <= last; value += interval) {
            String text = digits == 0 ? Long.toString(value) : String.format(Locale.ROOT, "%0" + digits + "d", value);
            values.add(new PartitionProjection.Value(text, text));
            if (value > Long.MAX_VALUE - interval) {
                break;
            }
        }
        return values;
    }
}
