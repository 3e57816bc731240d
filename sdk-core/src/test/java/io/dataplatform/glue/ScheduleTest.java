package io.dataplatform.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void cron_daily_firesNextAtTwoUtc() {
        Schedule nightly = Schedule.cron("0 2 * * ? *");

        assertThat(nightly.expression()).isEqualTo("cron(0 2 * * ? *)");
        assertThat(nightly.nextAfter(Instant.parse("2024-01-01T00:00:00Z"))).contains(Instant.parse("2024-01-01T02:00:00Z"));
        assertThat(nightly.nextAfter(Instant.parse("2024-01-01T02:00:00Z"))).contains(Instant.parse("2024-01-02T02:00:00Z"));
    }

    @Test
    void cron_wrappedExpression_isAccepted() {
        assertThat(Schedule.cron("cron(15 10 ? * MON-FRI *)").fields()).isEqualTo("15 10 ? * MON-FRI *");
    }

    @Test
    void cron_weekdaysStepsAndLists_computeNextFiring() {
        // 2024-01-06 is a Saturday; the next weekday 10:15 is Monday the 8th.
        assertThat(Schedule.cron("15 10 ? * MON-FRI *").nextAfter(Instant.parse("2024-01-06T00:00:00Z")))
                .contains(Instant.parse("2024-01-08T10:15:00Z"));
        assertThat(Schedule.cron("0/15 * * * ? *").nextAfter(Instant.parse("2024-01-01T00:16:00Z")))
                .contains(Instant.parse("2024-01-01T00:30:00Z"));
        assertThat(Schedule.cron("0 8,20 1 JAN,JUL ? *").nextAfter(Instant.parse("2024-01-01T09:00:00Z")))
                .contains(Instant.parse("2024-01-01T20:00:00Z"));
    }

    @Test
    void cron_lastDayAndNthWeekday_computeNextFiring() {
        assertThat(Schedule.cron("0 0 L * ? *").nextAfter(Instant.parse("2024-02-01T00:00:00Z")))
                .contains(Instant.parse("2024-02-29T00:00:00Z"));
        // The second Tuesday of January 2024 is the 9th (day-of-week 3 = Tuesday; 1 = Sunday).
        assertThat(Schedule.cron("0 12 ? * 3#2 *").nextAfter(Instant.parse("2024-01-01T00:00:00Z")))
                .contains(Instant.parse("2024-01-09T12:00:00Z"));
    }

    @Test
    void cron_pastYearOnly_neverFiresAgain() {
        assertThat(Schedule.cron("0 0 1 1 ? 2023").nextAfter(Instant.parse("2024-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void cron_wrongFieldCount_fails() {
        assertThatThrownBy(() -> Schedule.cron("0 2 * * *"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid cron expression '0 2 * * *': must have 6 fields (minutes hours day-of-month month "
                        + "day-of-week year), but has 5");
    }

    @Test
    void cron_bothDayFieldsGiven_fails() {
        assertThatThrownBy(() -> Schedule.cron("0 2 * * * *"))
                .hasMessage("Invalid cron expression '0 2 * * * *': exactly one of day-of-month and day-of-week must be '?'");
        assertThatThrownBy(() -> Schedule.cron("0 2 ? * ? *"))
                .hasMessage("Invalid cron expression '0 2 ? * ? *': exactly one of day-of-month and day-of-week must be '?'");
    }

    @Test
    void cron_outOfRangeFields_nameTheField() {
        assertThatThrownBy(() -> Schedule.cron("60 2 * * ? *"))
                .hasMessage("Invalid cron expression '60 2 * * ? *': minutes field '60' must be 0-59");
        assertThatThrownBy(() -> Schedule.cron("0 24 * * ? *"))
                .hasMessage("Invalid cron expression '0 24 * * ? *': hours field '24' must be 0-23");
        assertThatThrownBy(() -> Schedule.cron("0 2 32 * ? *"))
                .hasMessage("Invalid cron expression '0 2 32 * ? *': day-of-month field '32' must be 1-31");
        assertThatThrownBy(() -> Schedule.cron("0 2 * 13 ? *"))
                .hasMessage("Invalid cron expression '0 2 * 13 ? *': month field '13' must be 1-12 or JAN-DEC");
        assertThatThrownBy(() -> Schedule.cron("0 2 ? * 8 *"))
                .hasMessage("Invalid cron expression '0 2 ? * 8 *': day-of-week field '8' must be 1-7 or SUN-SAT");
        assertThatThrownBy(() -> Schedule.cron("0 2 * * ? 1969"))
                .hasMessage("Invalid cron expression '0 2 * * ? 1969': year field '1969' must be 1970-2199");
        assertThatThrownBy(() -> Schedule.cron("0/0 2 * * ? *"))
                .hasMessage("Invalid cron expression '0/0 2 * * ? *': minutes field '0/0' must be 0-59 with a step >= 1");
        assertThatThrownBy(() -> Schedule.cron("0 5-2 * * ? *"))
                .hasMessage("Invalid cron expression '0 5-2 * * ? *': hours field '5-2' must be 0-23 with a range's start <= its end");
        assertThatThrownBy(() -> Schedule.cron("0 2 ? * 2#6 *"))
                .hasMessage("Invalid cron expression '0 2 ? * 2#6 *': day-of-week field '2#6' must be n#k with k 1-5");
    }

    @Test
    void cron_firingLessThanFiveMinutesApart_fails() {
        // "Cron expressions that lead to rates faster than 5 minutes are not supported" (Glue schedules).
        assertThatThrownBy(() -> Schedule.cron("* * * * ? *"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid cron expression '* * * * ? *': it fires 1 minute(s) apart, but Glue runs "
                        + "schedules at most every 5 minutes");
        assertThatThrownBy(() -> Schedule.cron("0/2 8 * * ? *"))
                .hasMessage("Invalid cron expression '0/2 8 * * ? *': it fires 2 minute(s) apart, but Glue runs "
                        + "schedules at most every 5 minutes");
        assertThatThrownBy(() -> Schedule.cron("0,58 * * * ? *"))
                .hasMessage("Invalid cron expression '0,58 * * * ? *': it fires 2 minute(s) apart, but Glue runs "
                        + "schedules at most every 5 minutes");
        assertThat(Schedule.cron("0/5 * * * ? *").fields()).isEqualTo("0/5 * * * ? *");
        assertThat(Schedule.cron("0,58 8,10 * * ? *").fields()).isEqualTo("0,58 8,10 * * ? *");
    }
}
