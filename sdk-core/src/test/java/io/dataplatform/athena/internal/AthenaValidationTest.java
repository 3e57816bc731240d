package io.dataplatform.athena.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.DataPlatform;
import io.dataplatform.athena.Athena;
import io.dataplatform.cost.CostGuard;
import io.dataplatform.cost.DataSize;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every Athena rule fails before any call, with the whole message. */
class AthenaValidationTest {
    private final TestWorld world = new TestWorld();
    private final DataPlatform platform = world.platform(CostGuard.defaults());
    private final Athena athena = platform.athena();

    @Test
    void sql_rules() {
        assertThatThrownBy(() -> athena.query(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sql must not be null");
        assertThatThrownBy(() -> athena.query("  ")).hasMessage("sql must be 1-262144 characters and not blank, but was 2 characters");
        assertThatThrownBy(() -> athena.query("x".repeat(262_145)))
                .hasMessage("sql must be 1-262144 characters and not blank, but was 262145 characters");
    }

    @Test
    void name_rules() {
        assertThatThrownBy(() -> athena.query("SELECT 1").database("Sales"))
                .hasMessage("Invalid database name 'Sales': must be 1-255 characters of lowercase letters, digits and '_'");
        assertThatThrownBy(() -> athena.preview("sales", "sales; DROP TABLE x"))
                .hasMessage("Invalid table name 'sales; DROP TABLE x': must be 1-255 characters of lowercase letters, digits and '_'");
        assertThatThrownBy(() -> athena.query("SELECT 1").workgroup("my wg"))
                .hasMessage("Invalid workgroup name 'my wg': must be 1-128 characters of letters, digits, '.', '_' and '-'");
        assertThatThrownBy(() -> athena.workgroup(""))
                .hasMessage("Invalid workgroup name '': must be 1-128 characters of letters, digits, '.', '_' and '-'");
        assertThatThrownBy(() -> athena.query("SELECT 1").catalog("my catalog"))
                .hasMessage("Invalid catalog name 'my catalog': must be 1-127 characters of letters, digits, '@', '_' and '-'");
        assertThatThrownBy(() -> athena.execution("")).hasMessage("queryExecutionId must not be empty");
    }

    @Test
    void option_rules() {
        assertThatThrownBy(() -> athena.query("SELECT 1").timeout(Duration.ZERO)).hasMessage("timeout must be > 0, but was PT0S");
        assertThatThrownBy(() -> athena.query("SELECT 1").maxBytesScanned(DataSize.ZERO))
                .hasMessage("maxBytesScanned must be > 0, but was 0 B");
        assertThatThrownBy(() -> athena.query("SELECT 1").reuseResultsFor(Duration.ofSeconds(30)))
                .hasMessage("reuseResultsFor must be between 1 minute and 7 days (Athena's limits on result age), but was PT30S");
        assertThatThrownBy(() -> athena.query("SELECT 1").reuseResultsFor(Duration.ofDays(8)))
                .hasMessage("reuseResultsFor must be between 1 minute and 7 days (Athena's limits on result age), but was PT192H");
        assertThatThrownBy(() -> athena.query("SELECT 1").outputLocation(null)).hasMessage("outputLocation must not be null");
        assertThatThrownBy(() -> athena.execution("q").await(Duration.ofSeconds(-1)))
                .hasMessage("timeout must be > 0, but was PT-1S");
        assertThatThrownBy(() -> athena.execution("q").onProgress(null)).hasMessage("listener must not be null");
    }

    @Test
    void parameter_rules() {
        assertThatThrownBy(() -> athena.query("SELECT ?").parameters((Object[]) null)).hasMessage("parameters must not be null");
        assertThatThrownBy(() -> athena.query("SELECT ?").parameters("a", null))
                .hasMessage("parameters[1] must not be null: SQL NULL equals nothing; write IS NULL in the SQL");
        assertThatThrownBy(() -> athena.query("SELECT ?").parameters(new Object()))
                .hasMessage("parameters[0] must be a String, Number, Boolean, LocalDate or LocalDateTime, but was java.lang.Object");
        assertThatThrownBy(() -> athena.query("SELECT ?").parameters(Double.NaN))
                .hasMessage("parameters[0] must be a finite number, but was NaN");
        assertThatThrownBy(() -> athena.query("SELECT ?").parameters("x".repeat(1023)))
                .hasMessage("parameters[0] must render to at most 1024 characters (Athena's limit), but rendered to 1025");
        assertThatThrownBy(() -> athena.query("SELECT ?, ?").parameters("a").estimate())
                .hasMessage("parameters must match the SQL's 2 '?' placeholders, but got 1");
        assertThatThrownBy(() -> athena.query("SELECT 1").parameters("a").run())
                .hasMessage("parameters must match the SQL's 0 '?' placeholders, but got 1");
    }

    @Test
    void workgroup_rules() {
        assertThatThrownBy(() -> athena.workgroup("wg").bytesScannedCutoffPerQuery(DataSize.ofMegabytes(9)))
                .hasMessage("bytesScannedCutoffPerQuery must be >= 10 MB (Athena's minimum), but was 9.0 MB");
        assertThatThrownBy(() -> athena.workgroup("wg").description("d".repeat(1025)))
                .hasMessage("description must be at most 1024 characters, but was 1025");
        assertThatThrownBy(() -> athena.workgroup("wg").outputLocation(null)).hasMessage("outputLocation must not be null");
    }

    @Test
    void platformBuilder_rules() {
        assertThatThrownBy(() -> DataPlatform.builder().costGuard(null)).hasMessage("costGuard must not be null");
        assertThatThrownBy(() -> DataPlatform.builder().priceList(null)).hasMessage("priceList must not be null");
        assertThatThrownBy(() -> DataPlatform.builder().athenaClient(null)).hasMessage("athenaClient must not be null");
        assertThatThrownBy(() -> DataPlatform.builder().athenaOutputLocation(null))
                .hasMessage("athenaOutputLocation must not be null");
    }

    @Test
    void validationFailures_callNothing() {
        assertThatThrownBy(() -> athena.query("SELECT ?").parameters("a", "b").run())
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(world.athena.calls).isEmpty();
        assertThat(world.glue.calls).isEmpty();
        assertThat(world.s3.calls).isEmpty();
    }
}
