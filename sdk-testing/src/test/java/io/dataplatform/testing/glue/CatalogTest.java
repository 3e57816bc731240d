package io.dataplatform.testing.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.DataPlatform;
import io.dataplatform.ResourceAlreadyExistsException;
import io.dataplatform.ResourceNotFoundException;
import io.dataplatform.InvalidRequestException;
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
import io.dataplatform.testing.AwsService;
import io.dataplatform.testing.FakeAws;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Databases, tables and partitions through DataPlatform on FakeAws: round trips, paging, batching, errors. */
class CatalogTest {
    private final FakeAws aws = FakeAws.create();
    private final DataPlatform platform = aws.dataPlatform();
    private final GlueCatalog glue = platform.glue();

    private static TableDefinition salesDefinition() {
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
        glue.database("sales").create(d -> d.description("Sales data").locationUri("s3://acme-raw/sales/"));

        DatabaseInfo info = glue.database("sales").info();
        assertThat(info).isEqualTo(new DatabaseInfo("sales", "Sales data", "s3://acme-raw/sales/", FakeAws.DEFAULT_START));
        glue.database("sales").delete();
        assertThat(glue.database("sales").exists()).isFalse();
    }

    @Test
    void database_createTwice_failsAlreadyExists() {
        glue.database("sales").create();

        assertThatThrownBy(() -> glue.database("sales").create())
                .isInstanceOf(ResourceAlreadyExistsException.class)
                .hasMessage("Glue CreateDatabase on 'sales' failed: AlreadyExistsException (HTTP 400): Database already exists.");
    }

    @Test
    void database_missing_failsNotFound() {
        assertThatThrownBy(() -> glue.database("nope").info())
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("Glue GetDatabase on 'nope' failed: EntityNotFoundException (HTTP 400): Database nope not found.");
    }

    @Test
    void databases_pagesLazilyThroughGetDatabases() {
        IntStream.range(0, 150).forEach(i -> glue.database(String.format("db_%03d", i)).create());
        aws.calls().clear();

        assertThat(glue.databases().limit(10).count()).isEqualTo(10);
        assertThat(aws.calls().count(AwsService.GLUE, "GetDatabases")).isEqualTo(1);
        List<String> names = glue.databases().map(DatabaseInfo::name).toList();
        assertThat(names).hasSize(150).startsWith("db_000").endsWith("db_149");
        assertThat(aws.calls().count(AwsService.GLUE, "GetDatabases")).isEqualTo(3);
    }

    @Test
    void table_definitionRoundTrips() {
        glue.database("sales").create();
        Table table = glue.database("sales").table("orders").create(salesDefinition());

        TableInfo info = table.info();

        assertThat(info.definition()).isEqualTo(salesDefinition());
        assertThat(info.database()).isEqualTo("sales");
        assertThat(info.classification()).isEqualTo("csv");
        assertThat(table.schema().column("id").orElseThrow().comment()).isEqualTo("order id");
    }

    @Test
    void table_updateChangesSchemaAndKeepsCreateTime() {
        glue.database("sales").create();
        Table table = glue.database("sales").table("orders").create(salesDefinition());
        aws.clock().advance(Duration.ofMinutes(5));

        table.update(d -> d.schema(Schema.builder().column("id", GlueType.BIGINT).column("note", GlueType.varchar(100))
                .partitionKey("year", GlueType.STRING).build()));

        TableInfo info = table.info();
        assertThat(info.definition().schema().columnNames()).containsExactly("id", "note");
        assertThat(info.createTime()).isEqualTo(FakeAws.DEFAULT_START);
        assertThat(info.updateTime()).isEqualTo(FakeAws.DEFAULT_START.plus(Duration.ofMinutes(5)));
    }

    @Test
    void table_createInMissingDatabase_failsNotFound() {
        assertThatThrownBy(() -> glue.database("nope").table("orders").create(salesDefinition()))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("Glue CreateTable on 'nope.orders' failed: EntityNotFoundException (HTTP 400): Database nope not found.");
    }

    @Test
    void table_createTwiceAndDeleteMissing_fail() {
        glue.database("sales").create();
        Table table = glue.database("sales").table("orders").create(salesDefinition());

        assertThatThrownBy(() -> table.create(salesDefinition())).isInstanceOf(ResourceAlreadyExistsException.class)
                .hasMessage("Glue CreateTable on 'sales.orders' failed: AlreadyExistsException (HTTP 400): Table already exists.");
        table.delete();
        assertThat(table.exists()).isFalse();
        assertThatThrownBy(table::delete).isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("Glue DeleteTable on 'sales.orders' failed: EntityNotFoundException (HTTP 400): Table orders not found.");
    }

    @Test
    void tables_pageLazilyThroughGetTables() {
        glue.database("sales").create();
        IntStream.range(0, 120).forEach(i -> glue.database("sales").table("t_" + i).create(salesDefinition()));
        aws.calls().clear();

        assertThat(glue.database("sales").tables().count()).isEqualTo(120);
        assertThat(aws.calls().count(AwsService.GLUE, "GetTables")).isEqualTo(2);
    }

    @Test
    void partitions_addInBatchesOf100_listWithExpressionsAndDeleteInBatchesOf25() {
        glue.database("sales").create();
        Table table = glue.database("sales").table("orders").create(salesDefinition());
        List<PartitionSpec> specs = new ArrayList<>();
        for (int year = 2000; year < 2025; year++) {
            for (int month = 1; month <= 10; month++) {
                specs.add(PartitionSpec.of(String.valueOf(year), String.format("%02d", month)));
            }
        }
        aws.calls().clear();

        assertThat(table.partitions().add(specs)).isEqualTo(250);
        assertThat(aws.calls().count(AwsService.GLUE, "BatchCreatePartition")).isEqualTo(3);
        assertThat(table.partitions().list("year = '2024' AND month IN ('01','02')").map(Partition::location))
                .containsExactly("s3://acme-raw/sales/year=2024/month=01/", "s3://acme-raw/sales/year=2024/month=02/");
        assertThat(table.partitions().list("year BETWEEN '2001' AND '2002' AND NOT month > '03'").count()).isEqualTo(6);
        assertThat(table.partitions().list("(year = '2000' OR year LIKE '201%') AND month = '10'").count()).isEqualTo(11);
        assertThat(table.partitions().add(PartitionSpec.of("2024", "01"))).isZero();

        List<List<String>> doomed = specs.subList(0, 30).stream().map(PartitionSpec::values).toList();
        assertThat(table.partitions().delete(doomed)).isEqualTo(30);
        assertThat(aws.calls().count(AwsService.GLUE, "BatchDeletePartition")).isEqualTo(2);
        assertThat(table.partitions().list().count()).isEqualTo(220);
        assertThat(table.partitions().delete("1999", "01")).isZero();
    }

    @Test
    void partitions_explicitLocationIsKept() {
        glue.database("sales").create();
        Table table = glue.database("sales").table("orders").create(salesDefinition());

        table.partitions().add(PartitionSpec.of("2024", "01").withLocation("s3://acme-archive/2024-01/"));

        assertThat(table.partitions().list().map(Partition::location)).containsExactly("s3://acme-archive/2024-01/");
    }

    @Test
    void partitions_wrongValueCount_failsBeforeWriting() {
        glue.database("sales").create();
        Table table = glue.database("sales").table("orders").create(salesDefinition());

        assertThatThrownBy(() -> table.partitions().add(PartitionSpec.of("2024")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid partition values [2024]: table sales.orders has 2 partition keys [year, month]");
    }

    @Test
    void partitions_badExpression_failsWithGluesInvalidInput() {
        glue.database("sales").create();
        Table table = glue.database("sales").table("orders").create(salesDefinition());

        assertThatThrownBy(() -> table.partitions().list("region = 'north'").count())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("Glue GetPartitions on 'sales.orders' failed: InvalidInputException (HTTP 400): "
                        + "Unknown column 'region' in expression: only partition keys [year, month] can be used");
    }

    @Test
    void throttledCatalogCalls_areRetried() {
        aws.faults().on(AwsService.GLUE, "CreateDatabase").throttle(2);

        glue.database("sales").create();

        assertThat(glue.database("sales").exists()).isTrue();
        assertThat(aws.calls().count(AwsService.GLUE, "CreateDatabase")).isEqualTo(3);
    }
}
