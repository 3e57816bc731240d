package io.dataplatform.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.DataPlatform;
import io.dataplatform.InvalidRequestException;
import io.dataplatform.ResourceAlreadyExistsException;
import io.dataplatform.ResourceNotFoundException;
import io.dataplatform.glue.DataFormat;
import io.dataplatform.glue.DatabaseInfo;
import io.dataplatform.glue.GlueCatalog;
import io.dataplatform.glue.GlueType;
import io.dataplatform.glue.Partition;
import io.dataplatform.glue.PartitionSpec;
import io.dataplatform.glue.Schema;
import io.dataplatform.glue.Table;
import io.dataplatform.glue.TableDefinition;
import io.dataplatform.glue.TableInfo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Glue Data Catalog behaviour of the SDK, written once: {@link FakeGlueCatalogContractTest} runs it
 * on FakeAws in every build, {@link AwsGlueCatalogContractIT} against real Glue with {@code -Paws}.
 * What only a fake can show (call counts, faults, the clock) is in {@link FakeGlueScenarioTest}.
 */
abstract class GlueCatalogContractTests {
    protected DataPlatform platform;
    protected GlueCatalog glue;
    /** The database each test works in, unique per test. */
    protected String db;

    /** Returns the platform under test. */
    protected abstract DataPlatform createPlatform();

    /** Returns a database name no other test uses. */
    protected abstract String databaseName(String base);

    @BeforeEach
    void setUp() {
        platform = createPlatform();
        glue = platform.glue();
        db = databaseName("contract");
    }

    @AfterEach
    void tearDown() {
        if (glue.database(db).exists()) {
            glue.database(db).delete();
        }
        platform.close();
    }

    static TableDefinition salesDefinition() {
        return TableDefinition.builder()
                .schema(Schema.builder()
                        .column("id", GlueType.BIGINT, "order id")
                        .column("amount", GlueType.decimal(10, 2))
                        .column("tags", GlueType.parse("array<string>"))
                        .column("customer", GlueType.parse("struct<name:string,address:struct<city:string>>"))
                        .partitionKey("year", GlueType.STRING)
                        .partitionKey("month", GlueType.STRING)
                        .build())
                .location("s3://acme-raw/sales/")
                .format(DataFormat.csv(',', true))
                .description("Sales orders")
                .parameter("owner_team", "finance")
                .build();
    }

    @Test
    void database_createInfoAndDelete() {
        glue.database(db).create(d -> d.description("Sales data").locationUri("s3://acme-raw/sales/"));

        DatabaseInfo info = glue.database(db).info();
        assertThat(info.name()).isEqualTo(db);
        assertThat(info.description()).isEqualTo("Sales data");
        assertThat(info.locationUri()).isEqualTo("s3://acme-raw/sales/");
        assertThat(glue.databases().map(DatabaseInfo::name)).contains(db);
        glue.database(db).delete();
        assertThat(glue.database(db).exists()).isFalse();
    }

    @Test
    void database_createTwice_failsAlreadyExists() {
        glue.database(db).create();

        assertThatThrownBy(() -> glue.database(db).create())
                .isInstanceOf(ResourceAlreadyExistsException.class)
                .hasMessageStartingWith("Glue CreateDatabase on '" + db + "' failed: AlreadyExistsException (HTTP 400)");
    }

    @Test
    void database_missing_failsNotFound() {
        assertThatThrownBy(() -> glue.database(db).info())
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Glue GetDatabase on '" + db + "' failed: EntityNotFoundException (HTTP 400)");
    }

    @Test
    void table_definitionRoundTrips() {
        glue.database(db).create();
        Table table = glue.database(db).table("orders").create(salesDefinition());

        TableInfo info = table.info();

        assertThat(info.definition()).isEqualTo(salesDefinition());
        assertThat(info.database()).isEqualTo(db);
        assertThat(info.classification()).isEqualTo("csv");
        assertThat(table.schema().column("id").orElseThrow().comment()).isEqualTo("order id");
        assertThat(glue.database(db).tables().map(TableInfo::name)).containsExactly("orders");
    }

    @Test
    void table_updateReplacesTheSchema() {
        glue.database(db).create();
        Table table = glue.database(db).table("orders").create(salesDefinition());

        table.update(d -> d.schema(Schema.builder().column("id", GlueType.BIGINT).column("note", GlueType.varchar(100))
                .partitionKey("year", GlueType.STRING).build()));

        TableInfo info = table.info();
        assertThat(info.definition().schema().columnNames()).containsExactly("id", "note");
        assertThat(info.definition().schema().partitionKeyNames()).containsExactly("year");
        assertThat(info.updateTime()).isAfterOrEqualTo(info.createTime());
    }

    @Test
    void table_createInMissingDatabase_failsNotFound() {
        assertThatThrownBy(() -> glue.database(db).table("orders").create(salesDefinition()))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Glue CreateTable on '" + db + ".orders' failed: EntityNotFoundException (HTTP 400)");
    }

    @Test
    void table_createTwiceAndDeleteMissing_fail() {
        glue.database(db).create();
        Table table = glue.database(db).table("orders").create(salesDefinition());

        assertThatThrownBy(() -> table.create(salesDefinition())).isInstanceOf(ResourceAlreadyExistsException.class)
                .hasMessageStartingWith("Glue CreateTable on '" + db + ".orders' failed: AlreadyExistsException (HTTP 400)");
        table.delete();
        assertThat(table.exists()).isFalse();
        assertThatThrownBy(table::delete).isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Glue DeleteTable on '" + db + ".orders' failed: EntityNotFoundException (HTTP 400)");
    }

    @Test
    void partitions_addListWithExpressionsAndDelete() {
        glue.database(db).create();
        Table table = glue.database(db).table("orders").create(salesDefinition());
        List<PartitionSpec> specs = new ArrayList<>();
        for (int year = 2000; year < 2025; year++) {
            for (int month = 1; month <= 10; month++) {
                specs.add(PartitionSpec.of(String.valueOf(year), String.format("%02d", month)));
            }
        }

        assertThat(table.partitions().add(specs)).isEqualTo(250);
        assertThat(table.partitions().list("year = '2024' AND month IN ('01','02')").map(Partition::location))
                .containsExactlyInAnyOrder("s3://acme-raw/sales/year=2024/month=01/", "s3://acme-raw/sales/year=2024/month=02/");
        assertThat(table.partitions().list("year BETWEEN '2001' AND '2002' AND NOT month > '03'").count()).isEqualTo(6);
        assertThat(table.partitions().list("(year = '2000' OR year LIKE '201%') AND month = '10'").count()).isEqualTo(11);
        assertThat(table.partitions().add(PartitionSpec.of("2024", "01"))).isZero();

        List<List<String>> doomed = specs.subList(0, 30).stream().map(PartitionSpec::values).toList();
        assertThat(table.partitions().delete(doomed)).isEqualTo(30);
        assertThat(table.partitions().list().count()).isEqualTo(220);
        assertThat(table.partitions().delete("1999", "01")).isZero();
    }

    @Test
    void partitions_explicitLocationIsKept() {
        glue.database(db).create();
        Table table = glue.database(db).table("orders").create(salesDefinition());

        table.partitions().add(PartitionSpec.of("2024", "01").withLocation("s3://acme-archive/2024-01/"));

        assertThat(table.partitions().list().map(Partition::location)).containsExactly("s3://acme-archive/2024-01/");
    }

    @Test
    void partitions_wrongValueCount_failsBeforeWriting() {
        glue.database(db).create();
        Table table = glue.database(db).table("orders").create(salesDefinition());

        assertThatThrownBy(() -> table.partitions().add(PartitionSpec.of("2024")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid partition values [2024]: table " + db + ".orders has 2 partition keys [year, month]");
    }

    @Test
    void partitions_expressionOnANonKeyColumn_failsInvalidInput() {
        glue.database(db).create();
        Table table = glue.database(db).table("orders").create(salesDefinition());

        assertThatThrownBy(() -> table.partitions().list("region = 'north'").count())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("Glue GetPartitions on '" + db + ".orders' failed: InvalidInputException (HTTP 400)");
    }
}
