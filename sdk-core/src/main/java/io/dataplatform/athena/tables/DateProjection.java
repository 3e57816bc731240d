package io.dataplatform.athena.tables;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of a partition key projected with type {@code date} (Athena User Guide, "Supported
 * types for partition projection"): every date from the first to the last bound of
 * {@code projection.KEY.range}, stepping {@code interval} {@code interval.unit}s, formatted with
 * {@code projection.KEY.format}, in UTC. A bound may be relative, {@code NOW}, {@code NOW-3YEARS},
 * evaluated at the query's start. Without {@code interval.unit}, a format with days steps a day,
 * one with months only a month; a finer format needs the unit.
 */
final class DateProjection {
    /** The relative bound syntax, as the Athena User Guide gives it. */
    private static final Pattern RELATIVE = Pattern.compile(
            "\\s*NOW\\s*(([+-])\\s*([0-9]+)\\s*(YEARS?|MONTHS?|WEEKS?|DAYS?|HOURS?|MINUTES?|SECONDS?)\\s*)?");
    private static final Set<ChronoUnit> UNITS = Set.of(ChronoUnit.YEARS, ChronoUnit.MONTHS, ChronoUnit.WEEKS,
            ChronoUnit.DAYS, ChronoUnit.HOURS, ChronoUnit.MINUTES, ChronoUnit.SECONDS, ChronoUnit.MILLIS);
    /** Enumerating more values than this is a configuration error, not a query the fake should try. */
    static final int MAX_VALUES = 100_000;

    private DateProjection() {
    }

    /**
     * Returns the projected values of {@code key}, oldest first: in locations always as formatted;
     * as column values formatted too for a {@code string} key, as the date or timestamp itself for
     * a {@code date} or {@code timestamp} key (as Trino's projection does).
     *
     * @throws IllegalArgumentException naming the key and property if the configuration is invalid
     */
    static List<PartitionProjection.Value> values(String key, String keyType, Map<String, String> properties,
            Instant now) {
        String pattern = PartitionProjection.required(key, properties, "format");
        DateTimeFormatter format;
        try {
            format = new DateTimeFormatterBuilder().appendPattern(pattern)
                    .parseDefaulting(ChronoField.MONTH_OF_YEAR, 1).parseDefaulting(ChronoField.DAY_OF_MONTH, 1)
                    .parseDefaulting(ChronoField.HOUR_OF_DAY, 0).toFormatter(Locale.ENGLISH).withZone(ZoneOffset.UTC);
        } catch (IllegalArgumentException e) {
            throw PartitionProjection.invalid(key, "format", pattern, "not a java.time DateTimeFormatter pattern");
        }
        String[] range = PartitionProjection.required(key, properties, "range").split(",", -1);
        if (range.length != 2) {
            throw PartitionProjection.invalid(key, "range", String.join(",", range), "must be two dates, 'first,last'");
        }
        LocalDateTime first = truncate(bound(key, range[0], format, now), format);
        LocalDateTime last = truncate(bound(key, range[1], format, now), format);
        ChronoUnit unit = unit(key, properties, pattern);
        long interval = PartitionProjection.positive(key, properties, "interval", 1);
        Set<PartitionProjection.Value> values = new LinkedHashSet<>();
        for (LocalDateTime at = first; !at.isAfter(last); at = at.plus(interval, unit)) {
            String text = format.format(at);
            String column = keyType.equals("date") ? at.toLocalDate().toString()
                    : keyType.equals("timestamp") ? at.toString().replace('T', ' ') : text;
            values.add(new PartitionProjection.Value(column, text));
            if (values.size() > MAX_VALUES) {
                throw PartitionProjection.invalid(key, "range", String.join(",", range),
                        "projects more than " + MAX_VALUES + " values, more than the engine enumerates");
            }
        }
        return new ArrayList<>(values);
    }

    private static LocalDateTime bound(String key, String text, DateTimeFormatter format, Instant now) {
        Matcher relative = RELATIVE.matcher(text);
        if (relative.matches()) {
            LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
            if (relative.group(1) == null) {
                return at;
            }
            long amount = Long.parseLong(relative.group(3)) * (relative.group(2).equals("+") ? 1 : -1);
            String unit = relative.group(4).endsWith("S") ? relative.group(4) : relative.group(4) + "S";
            return at.plus(amount, ChronoUnit.valueOf(unit));
        }
        try {
            return LocalDateTime.from(format.parse(text));
        } catch (DateTimeParseException e) {
            throw PartitionProjection.invalid(key, "range", text, "not a date in the projection's format nor NOW[+-N UNIT]");
        }
    }

    /** Drops what the format does not show (NOW's seconds in a daily format), as Athena lists whole periods. */
    private static LocalDateTime truncate(LocalDateTime at, DateTimeFormatter format) {
        return LocalDateTime.from(format.parse(format.format(at)));
    }

    private static ChronoUnit unit(String key, Map<String, String> properties, String pattern) {
        String unit = properties.get("interval.unit");
        if (unit != null) {
            String name = unit.trim().toUpperCase(Locale.ROOT);
            try {
                ChronoUnit parsed = name.equals("MILLISECONDS") ? ChronoUnit.MILLIS : ChronoUnit.valueOf(name);
                if (UNITS.contains(parsed)) {
                    return parsed;
                }
            } catch (IllegalArgumentException e) {
                // Reported below, as for a unit outside the documented set.
            }
            throw PartitionProjection.invalid(key, "interval.unit", unit,
                    "must be YEARS, MONTHS, WEEKS, DAYS, HOURS, MINUTES, SECONDS or MILLISECONDS");
        }
        String fields = pattern.replaceAll("'[^']*'", "");
        if (fields.matches(".*[HhKkmsSAnN].*")) {
            throw new IllegalArgumentException("Invalid partition projection for key '" + key + "': property"
                    + " 'projection." + key + ".interval.unit' is required when the format '" + pattern
                    + "' is finer than a day");
        }
        return fields.contains("d") || fields.contains("D") ? ChronoUnit.DAYS : ChronoUnit.MONTHS;
    }
}
