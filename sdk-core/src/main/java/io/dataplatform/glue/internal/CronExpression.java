package io.dataplatform.glue.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * AWS's 6-field cron syntax (EventBridge, Glue triggers and crawlers), in UTC. Documented rules:
 * day-of-month and day-of-week cannot both be given, one must be '?'; day-of-week 1 is Sunday;
 * years run 1970-2199; firings at least 5 minutes apart (Glue's minimum precision).
 *
 * <p>Hand-written for now: cron-utils could describe the fields with a custom definition, but the
 * rules above (one of the day fields '?', the year range, the 5-minute minimum between firings) would
 * still be code of ours, and it would add a dependency to sdk-core for about 250 lines. Revisit if
 * more cron dialects are needed.
 */
public final class CronExpression {
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
            "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final int MIN_GAP_MINUTES = 5;

    private final String fields;
    private final BitSet minutes;
    private final BitSet hours;
    private final String dayOfMonth;
    private final BitSet months;
    private final String dayOfWeek;
    private final BitSet years;

    private CronExpression(String fields, String[] parts) {
        this.fields = fields;
        this.minutes = values(parts[0], "minutes", 0, 59, List.of());
        this.hours = values(parts[1], "hours", 0, 23, List.of());
        this.dayOfMonth = parts[2].toUpperCase(Locale.ROOT);
        this.months = values(parts[3], "month", 1, 12, MONTHS);
        this.dayOfWeek = parts[4].toUpperCase(Locale.ROOT);
        this.years = values(parts[5], "year", 1970, 2199, List.of());
        boolean domAny = dayOfMonth.equals("?");
        boolean dowAny = dayOfWeek.equals("?");
        if (domAny == dowAny) {
            throw new IllegalArgumentException("Invalid cron expression '" + fields
                    + "': exactly one of day-of-month and day-of-week must be '?'");
        }
        if (!domAny) {
            checkDayOfMonth(dayOfMonth);
        } else {
            checkDayOfWeek(dayOfWeek);
        }
        int gap = shortestGap();
        if (gap < MIN_GAP_MINUTES) {
            throw new IllegalArgumentException("Invalid cron expression '" + fields + "': it fires " + gap
                    + " minute(s) apart, but Glue runs schedules at most every " + MIN_GAP_MINUTES + " minutes");
        }
    }

    /**
     * The fewest minutes between two firings within an hour or across the boundary of two consecutive
     * hours; Glue: "Cron expressions that lead to rates faster than 5 minutes are not supported".
     */
    private int shortestGap() {
        int gap = Integer.MAX_VALUE;
        int first = minutes.nextSetBit(0);
        int last = first;
        for (int m = minutes.nextSetBit(first + 1); m >= 0; m = minutes.nextSetBit(m + 1)) {
            gap = Math.min(gap, m - last);
            last = m;
        }
        for (int h = hours.nextSetBit(0); h >= 0 && h < 23; h = hours.nextSetBit(h + 1)) {
            if (hours.get(h + 1)) {
                gap = Math.min(gap, first + 60 - last);
                break;
            }
        }
        return gap;
    }

    /** Parses a bare or {@code cron(..)}-wrapped expression. */
    public static CronExpression parse(String expression) {
        if (expression == null) {
            throw new IllegalArgumentException("cron expression must not be null");
        }
        String text = expression.trim();
        if (text.startsWith("cron(") && text.endsWith(")")) {
            text = text.substring(5, text.length() - 1).trim();
        }
        String[] parts = text.split("\\s+");
        if (parts.length != 6) {
            throw new IllegalArgumentException("Invalid cron expression '" + expression
                    + "': must have 6 fields (minutes hours day-of-month month day-of-week year), but has " + parts.length);
        }
        return new CronExpression(String.join(" ", parts), parts);
    }

    /** Returns the normalised six fields. */
    public String fields() {
        return fields;
    }

    /** Returns the first firing strictly after {@code instant}, searching up to the year 2199. */
    public Optional<Instant> nextAfter(Instant instant) {
        var start = instant.atOffset(ZoneOffset.UTC).withSecond(0).withNano(0).plusMinutes(1);
        LocalDate day = start.toLocalDate();
        while (day.getYear() <= 2199) {
            if (!years.get(day.getYear())) {
                day = LocalDate.of(day.getYear() + 1, 1, 1);
                continue;
            }
            if (months.get(day.getMonthValue()) && dayMatches(day)) {
                int fromMinute = day.equals(start.toLocalDate()) ? start.getHour() * 60 + start.getMinute() : 0;
                for (int m = fromMinute; m < 24 * 60; m++) {
                    if (hours.get(m / 60) && minutes.get(m % 60)) {
                        return Optional.of(day.atStartOfDay().plusMinutes(m).toInstant(ZoneOffset.UTC));
                    }
                }
            }
            day = day.plusDays(1);
        }
        return Optional.empty();
    }

    private boolean dayMatches(LocalDate day) {
        if (!dayOfMonth.equals("?")) {
            int last = day.lengthOfMonth();
            if (dayOfMonth.equals("L")) {
                return day.getDayOfMonth() == last;
            }
            if (dayOfMonth.endsWith("W")) {
                int target = Math.min(Integer.parseInt(dayOfMonth.substring(0, dayOfMonth.length() - 1)), last);
                return day.equals(nearestWeekday(day.withDayOfMonth(target)));
            }
            return values(dayOfMonth, "day-of-month", 1, 31, List.of()).get(day.getDayOfMonth());
        }
        int awsDay = day.getDayOfWeek().getValue() % 7 + 1; // Sunday=1 .. Saturday=7
        if (dayOfWeek.equals("L")) {
            return awsDay == 7;
        }
        if (dayOfWeek.endsWith("L")) {
            DayOfWeek dow = toJava(dayNumber(dayOfWeek.substring(0, dayOfWeek.length() - 1)));
            return day.equals(day.with(TemporalAdjusters.lastInMonth(dow)));
        }
        if (dayOfWeek.contains("#")) {
            String[] parts = dayOfWeek.split("#");
            DayOfWeek dow = toJava(dayNumber(parts[0]));
            return day.equals(day.with(TemporalAdjusters.dayOfWeekInMonth(Integer.parseInt(parts[1]), dow)));
        }
        return values(dayOfWeek, "day-of-week", 1, 7, DAYS).get(awsDay);
    }

    private static LocalDate nearestWeekday(LocalDate date) {
        return switch (date.getDayOfWeek()) {
            case SATURDAY -> date.getDayOfMonth() == 1 ? date.plusDays(2) : date.minusDays(1);
            case SUNDAY -> date.getDayOfMonth() == date.lengthOfMonth() ? date.minusDays(2) : date.plusDays(1);
            default -> date;
        };
    }

    private static DayOfWeek toJava(int awsDay) {
        return DayOfWeek.of(awsDay == 1 ? 7 : awsDay - 1);
    }

    private void checkDayOfMonth(String field) {
        if (field.equals("L")) {
            return;
        }
        if (field.matches("\\d{1,2}W")) {
            int day = Integer.parseInt(field.substring(0, field.length() - 1));
            if (day < 1 || day > 31) {
                throw invalid("day-of-month", field, "1-31");
            }
            return;
        }
        values(field, "day-of-month", 1, 31, List.of());
    }

    private void checkDayOfWeek(String field) {
        if (field.equals("L")) {
            return;
        }
        if (field.endsWith("L")) {
            dayNumber(field.substring(0, field.length() - 1));
            return;
        }
        if (field.contains("#")) {
            String[] parts = field.split("#", -1);
            dayNumber(parts[0]);
            if (parts.length != 2 || !parts[1].matches("[1-5]")) {
                throw invalid("day-of-week", field, "n#k with k 1-5");
            }
            return;
        }
        values(field, "day-of-week", 1, 7, DAYS);
    }

    private int dayNumber(String text) {
        int index = DAYS.indexOf(text);
        if (index >= 0) {
            return index + 1;
        }
        if (text.matches("[1-7]")) {
            return Integer.parseInt(text);
        }
        throw invalid("day-of-week", text, "1-7 or SUN-SAT");
    }

    private BitSet values(String field, String name, int min, int max, List<String> names) {
        BitSet set = new BitSet(max + 1);
        String upper = field.toUpperCase(Locale.ROOT);
        String range = min + "-" + max + (names.isEmpty() ? "" : " or " + names.get(0) + "-" + names.get(names.size() - 1));
        for (String item : upper.split(",", -1)) {
            String base = item;
            int step = 1;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                base = item.substring(0, slash);
                String stepText = item.substring(slash + 1);
                if (!stepText.matches("\\d{1,4}") || Integer.parseInt(stepText) == 0) {
                    throw invalid(name, field, range + " with a step >= 1");
                }
                step = Integer.parseInt(stepText);
            }
            int from;
            int to;
            if (base.equals("*") || (base.equals("?") && (name.startsWith("day")))) {
                from = min;
                to = max;
            } else if (base.contains("-")) {
                String[] bounds = base.split("-", -1);
                if (bounds.length != 2) {
                    throw invalid(name, field, range);
                }
                from = number(bounds[0], name, field, min, max, names, range);
                to = number(bounds[1], name, field, min, max, names, range);
                if (from > to) {
                    throw invalid(name, field, range + " with a range's start <= its end");
                }
            } else {
                from = number(base, name, field, min, max, names, range);
                to = slash >= 0 ? max : from;
            }
            for (int v = from; v <= to; v += step) {
                set.set(v);
            }
        }
        return set;
    }

    private int number(String text, String name, String field, int min, int max, List<String> names, String range) {
        int index = names.indexOf(text);
        if (index >= 0) {
            return index + min;
        }
        if (!text.matches("\\d{1,4}")) {
            throw invalid(name, field, range);
        }
        int value = Integer.parseInt(text);
        if (value < min || value > max) {
            throw invalid(name, field, range);
        }
        return value;
    }

    private IllegalArgumentException invalid(String name, String field, String rule) {
        return new IllegalArgumentException("Invalid cron expression '" + fields + "': " + name + " field '" + field
                + "' must be " + rule);
    }
}
