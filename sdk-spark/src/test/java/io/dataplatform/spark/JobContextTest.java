package io.dataplatform.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobContextTest {

    @Test
    void parse_namedPairs_keepsThemInOrder() {
        JobContext context = JobContext.parse("--date", "2024-01-31", "--input", "s3://acme-raw/sales/");

        assertThat(context.arguments()).containsExactly(
                Map.entry("date", "2024-01-31"), Map.entry("input", "s3://acme-raw/sales/"));
        assertThat(context.argumentList()).containsExactly("--date", "2024-01-31", "--input", "s3://acme-raw/sales/");
    }

    @Test
    void parse_noArguments_isEmpty() {
        assertThat(JobContext.parse().arguments()).isEmpty();
    }

    @Test
    void parse_emptyValue_isKept() {
        assertThat(JobContext.parse("--suffix", "").string("suffix")).isEmpty();
    }

    @Test
    void parse_positionalArgument_failsNamingIt() {
        assertThatThrownBy(() -> JobContext.parse("2024-01-31"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid job argument '2024-01-31' at position 0: arguments must be '--name value' pairs");
    }

    @Test
    void parse_lastNameWithoutValue_fails() {
        assertThatThrownBy(() -> JobContext.parse("--date", "2024-01-31", "--dry-run"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid job argument '--dry-run': it has no value; arguments must be '--name value' pairs");
    }

    @Test
    void parse_nameFollowedByName_fails() {
        assertThatThrownBy(() -> JobContext.parse("--date", "--region", "eu"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid job argument '--date': it has no value; arguments must be '--name value' pairs");
    }

    @Test
    void parse_duplicateName_fails() {
        assertThatThrownBy(() -> JobContext.parse("--date", "2024-01-31", "--date", "2024-02-01"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid job argument '--date': given more than once");
    }

    @Test
    void parse_invalidName_failsWithRule() {
        assertThatThrownBy(() -> JobContext.parse("--1st", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid job argument name '--1st': must start with a letter and hold only letters, digits,"
                        + " '.', '_' and '-'");
    }

    @Test
    void parse_nullArray_fails() {
        assertThatThrownBy(() -> JobContext.parse((String[]) null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("args must not be null");
    }

    @Test
    void string_missing_failsListingGivenArguments() {
        JobContext context = JobContext.parse("--region", "eu", "--limit", "5");

        assertThatThrownBy(() -> context.string("date"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Missing job argument '--date': pass it as '--date <value>' (given: --region, --limit)");
    }

    @Test
    void string_missingWithNoArguments_saysNone() {
        assertThatThrownBy(() -> JobContext.parse().string("date"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Missing job argument '--date': pass it as '--date <value>' (given: none)");
    }

    @Test
    void defaults_applyOnlyWhenMissing() {
        JobContext context = JobContext.parse("--limit", "7");

        assertThat(context.integer("limit", 100)).isEqualTo(7);
        assertThat(context.integer("top", 20)).isEqualTo(20);
        assertThat(context.string("region", "eu-west-2")).isEqualTo("eu-west-2");
        assertThat(context.find("region")).isEmpty();
        assertThat(context.find("limit")).contains("7");
    }

    @Test
    void typedAccessors_parseValues() {
        JobContext context = JobContext.parse("--limit", "-3", "--bytes", "10000000000", "--date", "2024-02-29");

        assertThat(context.integer("limit")).isEqualTo(-3);
        assertThat(context.longValue("bytes")).isEqualTo(10_000_000_000L);
        assertThat(context.date("date")).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void integer_notANumber_failsWithValue() {
        assertThatThrownBy(() -> JobContext.parse("--limit", "ten").integer("limit"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid job argument '--limit': must be an integer, but was 'ten'");
    }

    @Test
    void longValue_notANumber_failsWithValue() {
        assertThatThrownBy(() -> JobContext.parse("--bytes", "1e9").longValue("bytes"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid job argument '--bytes': must be a long integer, but was '1e9'");
    }

    @Test
    void date_notIso_failsWithValue() {
        assertThatThrownBy(() -> JobContext.parse("--date", "31/01/2024").date("date"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid job argument '--date': must be an ISO date (yyyy-MM-dd), but was '31/01/2024'");
    }

    @Test
    void path_acceptsUrisWithScheme() {
        JobContext context = JobContext.parse("--in", "s3://acme-raw/sales/", "--out", "file:/tmp/out");

        assertThat(context.path("in")).isEqualTo("s3://acme-raw/sales/");
        assertThat(context.path("out")).isEqualTo("file:/tmp/out");
    }

    @Test
    void path_withoutScheme_fails() {
        assertThatThrownBy(() -> JobContext.parse("--in", "acme-raw/sales/").path("in"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid job argument '--in': must be a URI with a scheme, such as s3://bucket/prefix/,"
                        + " but was 'acme-raw/sales/'");
    }

    @Test
    void path_s3WithoutBucket_fails() {
        assertThatThrownBy(() -> JobContext.parse("--in", "s3:///sales/").path("in"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid job argument '--in': must name a bucket, as in s3://bucket/prefix/, but was 's3:///sales/'");
    }

    @Test
    void path_notAUri_fails() {
        assertThatThrownBy(() -> JobContext.parse("--in", "s3://acme raw/").path("in"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid job argument '--in': must be a URI such as s3://bucket/prefix/, but was 's3://acme raw/'");
    }

    @Test
    void of_map_validatesNamesAndValues() {
        assertThat(JobContext.of(Map.of("date", "2024-01-31")).argumentList()).containsExactly("--date", "2024-01-31");
        assertThatThrownBy(() -> JobContext.of(Map.of("-x", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid job argument name '---x'");
    }

    @Test
    void toString_showsNamesButNeverValues() {
        JobContext context = JobContext.parse("--password", "hunter2", "--date", "2024-01-31");

        assertThat(context).hasToString("JobContext[--password, --date]");
    }

    @Test
    void equality_followsArguments() {
        assertThat(JobContext.parse("--a", "1")).isEqualTo(JobContext.of(Map.of("a", "1")))
                .hasSameHashCodeAs(JobContext.parse(List.of("--a", "1")));
        assertThat(JobContext.parse("--a", "1")).isNotEqualTo(JobContext.parse("--a", "2"));
    }
}
