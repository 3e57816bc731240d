package io.dataplatform.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataplatform.DataPlatform;
import io.dataplatform.glue.DatabaseInfo;
import io.dataplatform.glue.GlueCatalog;
import io.dataplatform.glue.PartitionSpec;
import io.dataplatform.glue.Table;
import io.dataplatform.glue.TableInfo;
import io.dataplatform.testing.AwsService;
import io.dataplatform.testing.FakeAws;
import io.dataplatform.testing.RecordedCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What only a fake can show about the catalog: paging and batching call counts, faults, the clock. */
class FakeGlueScenarioTest {
    private final FakeAws aws = FakeAws.create();
    private final DataPlatform platform = aws.dataPlatform();
    private final GlueCatalog glue = platform.glue();

    @Test
    void databases_pageLazilyThroughGetDatabases() {
        IntStream.range(0, 150).forEach(i -> glue.database(String.format("db_%03d", i)).create());
        aws.calls().clear();

        assertThat(glue.databases().limit(10).count()).isEqualTo(10);
        assertThat(aws.calls().count(AwsService.GLUE, "GetDatabases")).isEqualTo(1);
        List<String> names = glue.databases().map(DatabaseInfo::name).toList();
        assertThat(names).hasSize(150).startsWith("db_000").endsWith("db_149");
        assertThat(aws.calls().count(AwsService.GLUE, "GetDatabases")).isEqualTo(1 + 2);
    }

    @Test
    void tables_pageLazilyThroughGetTables() {
        glue.database("sales").create();
        IntStream.range(0, 120).forEach(i -> glue.database("sales").table("t_" + i)
                .create(GlueCatalogContractTests.salesDefinition()));
        aws.calls().clear();

        assertThat(glue.database("sales").tables().map(TableInfo::name).distinct().count()).isEqualTo(120);
        assertThat(aws.calls().count(AwsService.GLUE, "GetTables")).isEqualTo(2);
    }

    @Test
    void partitions_areSentInGluesBatchLimits() {
        glue.database("sales").create();
        Table table = glue.database("sales").table("orders").create(GlueCatalogContractTests.salesDefinition());
        List<PartitionSpec> specs = new ArrayList<>();
        IntStream.range(0, 250).forEach(i -> specs.add(PartitionSpec.of(String.valueOf(2000 + i / 10), "0" + i % 10)));
        aws.calls().clear();

        table.partitions().add(specs);
        table.partitions().delete(specs.subList(0, 30).stream().map(PartitionSpec::values).toList());

        assertThat(aws.calls().count(AwsService.GLUE, "BatchCreatePartition")).isEqualTo(3);
        assertThat(aws.calls().count(AwsService.GLUE, "BatchDeletePartition")).isEqualTo(2);
    }

    @Test
    void tableTimes_comeFromTheWorldsClock() {
        glue.database("sales").create();
        Table table = glue.database("sales").table("orders").create(GlueCatalogContractTests.salesDefinition());
        aws.clock().advance(Duration.ofMinutes(5));

        table.update(GlueCatalogContractTests.salesDefinition().toBuilder().description("changed").build());

        assertThat(glue.database("sales").info().createTime()).isEqualTo(FakeAws.DEFAULT_START);
        assertThat(table.info().createTime()).isEqualTo(FakeAws.DEFAULT_START);
        assertThat(table.info().updateTime()).isEqualTo(FakeAws.DEFAULT_START.plus(Duration.ofMinutes(5)));
    }

    @Test
    void throttledCatalogCalls_areRetriedWithGluesThrottlingError() {
        aws.faults().on(AwsService.GLUE, "CreateDatabase").throttle(2);

        glue.database("sales").create();

        assertThat(glue.database("sales").exists()).isTrue();
        assertThat(aws.calls().of(AwsService.GLUE, "CreateDatabase")).extracting(RecordedCall::statusCode, RecordedCall::errorCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(400, "ThrottlingException"),
                        org.assertj.core.groups.Tuple.tuple(400, "ThrottlingException"),
                        org.assertj.core.groups.Tuple.tuple(200, null));
    }

    @Test
    void handedInGlueClient_isUsedAndNeverClosed() {
        int[] closed = {0};
        software.amazon.awssdk.services.glue.GlueClient client = new software.amazon.awssdk.services.glue.GlueClient() {
            @Override
            public software.amazon.awssdk.services.glue.model.CreateDatabaseResponse createDatabase(
                    software.amazon.awssdk.services.glue.model.CreateDatabaseRequest request) {
                return aws.glue().createDatabase(request);
            }

            @Override
            public String serviceName() {
                return SERVICE_NAME;
            }

            @Override
            public void close() {
                closed[0]++;
            }
        };
        DataPlatform own = aws.dataPlatformBuilder().glueClient(client).build();

        own.glue().database("sales").create();
        own.close();

        assertThat(closed[0]).isZero();
        assertThat(glue.database("sales").exists()).isTrue();
    }

    @Test
    void rawGlueClient_seesTheSameCatalog() {
        glue.database("sales").create();
        glue.database("sales").table("orders").create(GlueCatalogContractTests.salesDefinition());

        var table = aws.glue().getTable(r -> r.databaseName("sales").name("orders")).table();

        assertThat(table.storageDescriptor().serdeInfo().serializationLibrary())
                .isEqualTo("org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe");
        assertThat(table.parameters()).containsEntry("skip.header.line.count", "1");
        assertThat(table.partitionKeys()).extracting(c -> c.name() + ":" + c.type()).containsExactly("year:string", "month:string");
    }
}
