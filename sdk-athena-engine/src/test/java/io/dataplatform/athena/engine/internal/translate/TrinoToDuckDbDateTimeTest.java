package io.dataplatform.athena.engine.internal.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Date and time functions, formats, intervals and extract. */
class TrinoToDuckDbDateTimeTest extends DuckDbHarness {

    @Test
    void dateAdd_keepsTheTypeAndClampsTheMonthEnd() {
        assertThat(rows("SELECT date_add('day', 1, DATE '2024-01-31'), date_add('month', 1, DATE '2024-01-31'), "
                + "date_add('hour', 2, TIMESTAMP '2024-01-01 23:00:00')"))
                .containsExactly(List.of("2024-02-01", "2024-02-29", "2024-01-02 01:00:00.0"));
        assertThat(type("SELECT date_add('day', 1, placed) FROM orders")).isEqualTo("date");
    }

    @Test
    void dateDiff_countsWholeUnits() {
        assertThat(rows("SELECT date_diff('day', DATE '2024-01-01', DATE '2024-01-10'), "
                + "date_diff('month', DATE '2024-01-15', DATE '2024-02-14'), date_diff('year', DATE '2023-06-01', DATE '2024-05-31'), "
                + "date_diff('month', DATE '2024-01-31', DATE '2024-02-29')"))
                .containsExactly(List.of("9", "0", "0", "1"));
        assertThat(type("SELECT date_diff('day', placed, placed) FROM orders")).isEqualTo("bigint");
    }

    @Test
    void dateTrunc_onADate_returnsADate() {
        assertThat(value("SELECT date_trunc('month', DATE '2024-02-15')")).isEqualTo("2024-02-01");
        assertThat(type("SELECT date_trunc('month', placed) FROM orders")).isEqualTo("date");
        assertThat(type("SELECT date_trunc('hour', ts) FROM orders")).isEqualTo("timestamp(3)");
    }

    @Test
    void dateFormatAndParse_useMySqlSpecifiers() {
        assertThat(value("SELECT date_format(TIMESTAMP '2024-01-05 13:04:05', '%Y-%m-%d %H:%i:%s %b %W %a %e %c %j %p')"))
                .isEqualTo("2024-01-05 13:04:05 Jan Friday Fri 5 1 005 PM");
        assertThat(value("SELECT date_parse('05/01/2024 13:04', '%d/%m/%Y %H:%i')")).isEqualTo("2024-01-05 13:04:00.0");
        assertThat(type("SELECT date_parse('2024', '%Y')")).isEqualTo("timestamp(3)");
    }

    @Test
    void formatDatetime_usesJodaPatterns() {
        assertThat(value("SELECT format_datetime(TIMESTAMP '2024-01-05 13:04:05.123', 'yyyy-MM-dd''T''HH:mm:ss.SSS EEE')"))
                .isEqualTo("2024-01-05T13:04:05.123 Fri");
    }

    @Test
    void fromIso8601Date_readsCalendarOrdinalAndWeekDates_asJodasIsoDateElementParser() {
        // 2020-W10 is the Monday of ISO week 10 (2020-03-02); 2020-W01-1 falls in 2019 (2019-12-30); 2020 is leap.
        assertThat(rows("SELECT from_iso8601_date('2020'), from_iso8601_date('2020-05'), from_iso8601_date('2020-05-01'), "
                + "from_iso8601_date('2020-123'), from_iso8601_date('2020-366'), from_iso8601_date('2020-W10'), "
                + "from_iso8601_date('2020-W10-5'), from_iso8601_date('2020-W01-1'), from_iso8601_date('2020-W53-7'), "
                + "from_iso8601_date(CAST(NULL AS varchar))"))
                .containsExactly(java.util.Arrays.asList("2020-01-01", "2020-05-01", "2020-05-01", "2020-05-02", "2020-12-31",
                        "2020-03-02", "2020-03-06", "2019-12-30", "2021-01-03", null));
        for (String bad : List.of("2021-366", "2020-13", "2021-W53", "2020-W00", "2020-W10-8", "2020-02-30", "20-01-01")) {
            assertThat(error("SELECT from_iso8601_date('" + bad + "')").getMessage())
                    .as(bad).contains("INVALID_FUNCTION_ARGUMENT").contains("Invalid format: \"" + bad + "\"");
        }
    }

    @Test
    void iso8601AndUnixTime() {
        assertThat(rows("SELECT from_iso8601_date('2024-01-05'), to_iso8601(DATE '2024-01-05'), "
                + "to_unixtime(from_unixtime(86400)), to_iso8601(TIMESTAMP '2024-01-05 01:02:03.004')"))
                .containsExactly(List.of("2024-01-05", "2024-01-05", "86400.0", "2024-01-05T01:02:03.004"));
        assertThat(type("SELECT from_iso8601_timestamp('2024-01-05T01:02:03Z')")).isEqualTo("timestamp(3) with time zone");
    }

    @Test
    void dayOfWeek_isMondayOne_andPartsAreBigint() {
        assertThat(rows("SELECT day_of_week(DATE '2024-01-01'), dow(DATE '2024-01-07'), day_of_year(DATE '2024-02-01'), "
                + "week(DATE '2024-01-01'), year(placed), month(placed), day(placed), hour(ts), minute(ts), second(ts), "
                + "millisecond(ts) FROM orders WHERE id = 1"))
                .containsExactly(List.of("1", "7", "32", "1", "2024", "1", "31", "10", "15", "30", "123"));
        assertThat(type("SELECT year(placed) FROM orders")).isEqualTo("bigint");
    }

    @Test
    void extract_givesTheField() {
        assertThat(rows("SELECT extract(year FROM placed), extract(dow FROM placed), EXTRACT(quarter FROM placed) "
                + "FROM orders WHERE id = 2")).containsExactly(List.of("2024", "4", "1"));
    }

    @Test
    void intervalArithmetic_onADateGivesADate() {
        assertThat(rows("SELECT DATE '2024-01-31' + INTERVAL '1' DAY, DATE '2024-01-31' + INTERVAL '1' MONTH, "
                + "TIMESTAMP '2024-01-01 00:00:00' - INTERVAL '90' MINUTE"))
                .containsExactly(List.of("2024-02-01", "2024-02-29", "2023-12-31 22:30:00.0"));
        assertThat(type("SELECT placed + INTERVAL '1' DAY FROM orders")).isEqualTo("date");
    }

    @Test
    void lastDayOfMonth() {
        assertThat(value("SELECT last_day_of_month(DATE '2024-02-10')")).isEqualTo("2024-02-29");
    }

    @Test
    void timestampLiteral_precisionFollowsItsDigits() {
        assertThat(type("SELECT TIMESTAMP '2024-01-01 00:00:00.123'")).isEqualTo("timestamp(3)");
        assertThat(type("SELECT TIMESTAMP '2024-01-01 00:00:00'")).isEqualTo("timestamp(0)");
    }

    @Test
    void currentDate_isADate() {
        assertThat(type("SELECT current_date")).isEqualTo("date");
    }

    @Test
    void currentTime_readsTheQueryStartTheEngineSets() {
        execute("SET VARIABLE athena_query_start = TIMESTAMPTZ '2024-01-31 23:30:00+00'");
        try {
            assertThat(rows("SELECT current_date, CAST(now() AS varchar), CAST(current_timestamp AS varchar)"))
                    .containsExactly(List.of("2024-01-31", "2024-01-31 23:30:00.000 UTC", "2024-01-31 23:30:00.000 UTC"));
        } finally {
            execute("RESET VARIABLE athena_query_start");
        }
        assertThat(value("SELECT year(current_date) >= 2024")).isEqualTo("true");
    }

    @Test
    void hourOfADate_isNotAFunctionOfDate() {
        assertThat(error("SELECT hour(placed) FROM orders").errorType()).isEqualTo("FUNCTION_NOT_FOUND");
    }

    @Test
    void dateFunctionOnAString_failsInsteadOfCasting() {
        assertThat(error("SELECT date_diff('day', '2024-01-01', placed) FROM orders").getMessage()).isEqualTo(
                "FUNCTION_NOT_FOUND: line 1:8: Unexpected parameters (varchar(3), varchar(10), date) for function date_diff");
        assertThat(error("SELECT date_trunc('month', '2024-01-15')").errorType()).isEqualTo("FUNCTION_NOT_FOUND");
    }

    @Test
    void parsingBadText_failsWithInvalidFunctionArgument_andIsNullUnderTry() {
        assertThat(error("SELECT date_parse('2024/01', '%Y-%m')").getMessage())
                .isEqualTo("INVALID_FUNCTION_ARGUMENT: Invalid format: \"2024/01\"");
        assertThat(error("SELECT from_iso8601_date('nope')").errorType()).isEqualTo("INVALID_FUNCTION_ARGUMENT");
        assertThat(value("SELECT try(date_parse('2024/01', '%Y-%m'))")).isNull();
        // A field out of its range is named as Trino's java.time parser names it.
        assertThat(error("SELECT date_parse('2024-13-01', '%Y-%m-%d')").getMessage()).isEqualTo("INVALID_FUNCTION_ARGUMENT: "
                + "Text '2024-13-01' could not be parsed: Invalid value for MonthOfYear (valid values 1 - 12): 13");
        assertThat(error("SELECT date_parse('2024-12-01 24:00', '%Y-%m-%d %H:%i')").getMessage())
                .endsWith("Invalid value for HourOfDay (valid values 0 - 23): 24");
        assertThat(error("SELECT date_parse('2024-12-32', '%Y-%m-%d')").getMessage())
                .endsWith("Invalid value for DayOfMonth (valid values 1 - 28/31): 32");
        assertThat(value("SELECT try(date_parse('2024-13-01', '%Y-%m-%d'))")).isNull();
        assertThat(value("SELECT CAST(date_parse('2024-12-01 23:59', '%Y-%m-%d %H:%i') AS varchar)")).isEqualTo("2024-12-01 23:59:00.000");
    }

    @Test
    void intervalLiteralsWithAnEndField() {
        assertThat(rows("SELECT DATE '2024-01-31' + INTERVAL '1-1' YEAR TO MONTH, "
                + "TIMESTAMP '2024-01-01 00:00:00' + INTERVAL '1 02:30:00' DAY TO SECOND, "
                + "TIMESTAMP '2024-01-01 00:00:00' - INTERVAL '1 00:00:00' DAY TO SECOND"))
                .containsExactly(List.of("2025-02-28", "2024-01-02 02:30:00.0", "2023-12-31 00:00:00.0"));
    }

    @Test
    void atTimeZoneUtc_givesATimestampWithTimeZone() {
        assertThat(value("SELECT CAST(ts AT TIME ZONE 'UTC' AS varchar) FROM orders WHERE id = 1"))
                .isEqualTo("2024-01-31 10:15:30.123 UTC");
    }

    @Test
    void atTimeZoneOfARegionOrOffset_printsTheInstantInThatZone() {
        assertThat(translate("SELECT TIMESTAMP '2024-01-01 12:00:00 UTC' AT TIME ZONE 'America/New_York'").resultColumns().get(0).zone())
                .isEqualTo("America/New_York");
        assertThat(type("SELECT ts AT TIME ZONE 'America/New_York' FROM orders")).isEqualTo("timestamp(3) with time zone");
        assertThat(value("SELECT CAST(ts AT TIME ZONE 'America/New_York' AS varchar) FROM orders WHERE id = 1"))
                .isEqualTo("2024-01-31 05:15:30.123 America/New_York");
        assertThat(value("SELECT CAST(TIMESTAMP '2024-01-01 12:00:00 UTC' AT TIME ZONE '+05:30' AS varchar)"))
                .isEqualTo("2024-01-01 17:30:00 +05:30");
        assertThat(value("SELECT to_unixtime(ts AT TIME ZONE 'Asia/Tokyo') FROM orders WHERE id = 3")).isEqualTo("1.7092512E9");
        // Fields of the value would be UTC's: refused rather than answered wrongly.
        assertThat(error("SELECT hour(ts AT TIME ZONE 'America/New_York') FROM orders").errorType()).isEqualTo("NOT_SUPPORTED");
        assertThat(error("SELECT CAST(ts AT TIME ZONE 'America/New_York' AS date) FROM orders").errorType()).isEqualTo("NOT_SUPPORTED");
        assertThat(error("SELECT ts AT TIME ZONE 'America/New_York' + INTERVAL '1' DAY FROM orders").errorType()).isEqualTo("NOT_SUPPORTED");
        assertThat(error("SELECT max(ts AT TIME ZONE 'America/New_York') FROM orders").errorType()).isEqualTo("NOT_SUPPORTED");
        assertThat(error("SELECT coalesce(ts AT TIME ZONE 'America/New_York', ts AT TIME ZONE 'UTC') FROM orders").errorType())
                .isEqualTo("NOT_SUPPORTED");
        assertThat(column("SELECT id FROM orders WHERE ts AT TIME ZONE 'America/New_York' > TIMESTAMP '2024-02-01 00:00:00 UTC' ORDER BY id"))
                .containsExactly("2", "3");
        assertThat(value("SELECT max(z) < TIMESTAMP '2030-01-01 00:00:00 UTC' FROM (SELECT ts AT TIME ZONE 'UTC' AS z FROM orders)"))
                .isEqualTo("true");
        // Only the statement's own result columns carry a zone.
        assertThat(error("SELECT z FROM (SELECT ts AT TIME ZONE 'Asia/Tokyo' AS z FROM orders)").errorType()).isEqualTo("NOT_SUPPORTED");
        assertThat(error("SELECT ts AT TIME ZONE 'Asia/Tokyo' FROM orders UNION ALL SELECT ts AT TIME ZONE 'UTC' FROM orders")
                .errorType()).isEqualTo("NOT_SUPPORTED");
        assertThat(translate("SELECT ts AT TIME ZONE 'Asia/Tokyo' AS z FROM orders ORDER BY z LIMIT 1").resultColumns().get(0).zone())
                .isEqualTo("Asia/Tokyo");
    }

    @Test
    void timestampWithTimeZoneLiteral_keepsItsZoneForTheResult() {
        assertThat(value("SELECT CAST(TIMESTAMP '2024-01-01 12:00:00 Europe/Paris' AT TIME ZONE 'UTC' AS varchar)"))
                .isEqualTo("2024-01-01 11:00:00 UTC");
        assertThat(value("SELECT CAST(TIMESTAMP '2024-01-01 12:00:00.000 -05:30' AT TIME ZONE 'UTC' AS varchar)"))
                .isEqualTo("2024-01-01 17:30:00.000 UTC");
        assertThat(type("SELECT TIMESTAMP '2024-01-01 12:00:00 Europe/Paris'")).isEqualTo("timestamp(0) with time zone");
        assertThat(translate("SELECT TIMESTAMP '2024-01-01 12:00:00 Europe/Paris'").resultColumns().get(0).zone())
                .isEqualTo("Europe/Paris");
        assertThat(translate("SELECT from_iso8601_timestamp('2024-01-05T13:45:07+02:00')").resultColumns().get(0).zone())
                .isEqualTo("+02:00");
        assertThat(translate("SELECT from_iso8601_timestamp('2024-01-05T13:45:07Z')").resultColumns().get(0).zone()).isNull();
        assertThat(error("SELECT TIMESTAMP '2024-01-01 12:00:00 Nowhere/Land'").errorType()).isEqualTo("INVALID_LITERAL");
    }

    @Test
    void zonedValues_whoseZoneWouldBeLost_areRefusedNotPrintedInUtc() {
        // Trino prints each of these in Europe/Paris or +02:00; the engine holds instants in UTC and carries a zone
        // only to the statement's own result columns, so anything else is NOT_SUPPORTED, never a UTC answer.
        String paris = "TIMESTAMP '2024-01-01 10:00:00 Europe/Paris'";
        for (String sql : List.of(
                "SELECT t FROM (SELECT " + paris + " AS t)",
                "WITH x AS (SELECT " + paris + " AS t) SELECT t FROM x",
                "SELECT t FROM (VALUES " + paris + ") v(t)",
                "SELECT " + paris + " UNION ALL SELECT TIMESTAMP '2024-01-01 10:00:00 UTC'",
                "SELECT CASE WHEN true THEN " + paris + " END",
                "SELECT coalesce(" + paris + ", null)",
                "SELECT if(true, " + paris + ")",
                "SELECT nullif(" + paris + ", TIMESTAMP '2024-01-01 08:00:00 UTC')",
                "SELECT greatest(" + paris + ", TIMESTAMP '2024-01-01 08:00:00 UTC')",
                "SELECT ARRAY[" + paris + "]",
                "SELECT ROW(" + paris + ", 1)",
                "SELECT " + paris + " + INTERVAL '1' HOUR",
                "SELECT t FROM (SELECT CAST(" + paris + " AS timestamp with time zone) AS t)",
                "SELECT t FROM (SELECT from_iso8601_timestamp('2024-01-05T13:45:07+02:00') AS t)",
                "SELECT ARRAY[from_iso8601_timestamp('2024-01-05T13:45:07+02:00')]")) {
            assertThat(error(sql).errorType()).as(sql).isEqualTo("NOT_SUPPORTED");
        }
        assertThat(error("SELECT hour(" + paris + ")").getMessage()).contains("inside hour()");
        // Where the zone does not matter, or the value is the statement's own column, they run.
        assertThat(value("SELECT x FROM (SELECT 1 AS x WHERE " + paris + " = TIMESTAMP '2024-01-01 09:00:00 UTC')")).isEqualTo("1");
        assertThat(value("SELECT to_unixtime(" + paris + ")")).isEqualTo("1.7040996E9");
        assertThat(value("SELECT CAST(" + paris + " AS varchar)")).isEqualTo("2024-01-01 10:00:00 Europe/Paris");
        assertThat(translate("SELECT " + paris + " AS t ORDER BY t").resultColumns().get(0).zone()).isEqualTo("Europe/Paris");
    }

    @Test
    void dateAndTimestampLiterals_offTheCalendar_areInvalidLiterals() {
        assertThat(error("SELECT DATE '2024-02-30'").getMessage()).contains("'2024-02-30' is not a valid DATE literal");
        assertThat(error("SELECT DATE '2024-13-01'").errorType()).isEqualTo("INVALID_LITERAL");
        assertThat(error("SELECT TIMESTAMP '2024-01-01 25:00:00'").errorType()).isEqualTo("INVALID_LITERAL");
        assertThat(error("SELECT TIMESTAMP '2023-02-29 10:00:00'").errorType()).isEqualTo("INVALID_LITERAL");
        assertThat(error("SELECT TIMESTAMP '2024-02-30 10:00:00 Europe/Paris'").errorType()).isEqualTo("INVALID_LITERAL");
        assertThat(rows("SELECT DATE '2024-02-29', TIMESTAMP '2024-02-29 23:59:59.999'"))
                .containsExactly(List.of("2024-02-29", "2024-02-29 23:59:59.999"));
    }

    @Test
    void dateAddOfVarchar_namesEveryParameter() {
        assertThat(error("SELECT date_add('day', 1, '2024-01-01')").getMessage())
                .isEqualTo("FUNCTION_NOT_FOUND: line 1:8: Unexpected parameters (varchar(3), integer, varchar(10)) for function date_add");
    }
}
