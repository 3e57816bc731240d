package io.dataplatform.glue;

import io.dataplatform.glue.internal.CronExpression;
import java.time.Instant;
import java.util.Optional;

/**
 * A schedule in AWS's 6-field cron syntax (UTC): minutes, hours, day-of-month, month, day-of-week,
 * year. One of day-of-month and day-of-week must be {@code ?}. Fields take {@code *}, numbers,
 * ranges {@code a-b}, lists {@code a,b}, steps {@code a/n}; day-of-month also {@code L} and
 * {@code nW}; day-of-week also {@code L}, {@code nL} and {@code n#k}; months and days take names
 * ({@code JAN}, {@code MON}); day-of-week 1 is Sunday. Firings must be at least 5 minutes apart,
 * the most often Glue runs a schedule.
 *
 * <pre>{@code
 * Schedule nightly = Schedule.cron("0 2 * * ? *");   // 02:00 UTC every day
 * nightly.expression();                             // "cron(0 2 * * ? *)", as Glue takes it
 * }</pre>
 */
public final class Schedule {
    private final CronExpression cron;

    private Schedule(CronExpression cron) {
        this.cron = cron;
    }

    /**
     * Parses a cron expression, bare ({@code 0 2 * * ? *}) or wrapped ({@code cron(0 2 * * ? *)}).
     *
     * @throws IllegalArgumentException naming the field and the rule it breaks
     */
    public static Schedule cron(String expression) {
        return new Schedule(CronExpression.parse(expression));
    }

    /** Returns the expression as AWS APIs take it: {@code cron(0 2 * * ? *)}. */
    public String expression() {
        return "cron(" + cron.fields() + ")";
    }

    /** Returns the six fields, {@code 0 2 * * ? *}. */
    public String fields() {
        return cron.fields();
    }

    /** Returns the first time strictly after {@code instant} the schedule fires, if it ever does again. */
    public Optional<Instant> nextAfter(Instant instant) {
        return cron.nextAfter(instant);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Schedule other && other.cron.fields().equals(cron.fields());
    }

    @Override
    public int hashCode() {
        return cron.fields().hashCode();
    }

    @Override
    public String toString() {
        return expression();
    }
}
