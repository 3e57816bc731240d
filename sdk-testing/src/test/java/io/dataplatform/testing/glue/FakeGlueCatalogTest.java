package io.dataplatform.testing.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.testing.FakeAws;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.BatchDeleteTableResponse;
import software.amazon.awssdk.services.glue.model.Database;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GlueException;
import software.amazon.awssdk.services.glue.model.InvalidInputException;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.ValidationException;

/** UpdateDatabase and BatchDeleteTable of the raw fake GlueClient (API_UpdateDatabase, API_BatchDeleteTable). */
class FakeGlueCatalogTest {
    private final FakeAws aws = FakeAws.create();
    private final GlueClient glue = aws.glue();

    @BeforeEach
    void salesDatabase() {
        glue.createDatabase(r -> r.databaseInput(d -> d.name("sales").description("old").locationUri("s3://lake/old/")));
    }

    private static void assertGlueError(ThrowingCallable call, Class<? extends AwsServiceException> type, String message) {
        assertThatThrownBy(call).isInstanceOf(type)
                .satisfies(e -> assertThat(((AwsServiceException) e).awsErrorDetails().errorMessage()).isEqualTo(message));
    }

    private void table(String name) {
        glue.createTable(r -> r.databaseName("sales").tableInput(t -> t.name(name)));
    }

    @Test
    void updateDatabase_replacesTheDefinition_keepingTablesAndCreationTime() {
        table("orders");
        Instant created = glue.getDatabase(r -> r.name("sales")).database().createTime();
        aws.clock().advance(Duration.ofHours(2));

        glue.updateDatabase(r -> r.name("Sales").databaseInput(d -> d.name("sales").parameters(Map.of("owner", "finance"))));

        Database database = glue.getDatabase(r -> r.name("sales")).database();
        assertThat(database.parameters()).containsExactly(Map.entry("owner", "finance"));
        assertThat(database.description()).as("omitted fields are cleared, not kept").isNull();
        assertThat(database.locationUri()).isNull();
        assertThat(database.createTime()).isEqualTo(created);
        assertThat(glue.getTables(r -> r.databaseName("sales")).tableList()).extracting(Table::name).containsExactly("orders");
    }

    @Test
    void updateDatabase_missing_failsWithEntityNotFound() {
        assertGlueError(() -> glue.updateDatabase(r -> r.name("hr").databaseInput(d -> d.name("hr"))),
                EntityNotFoundException.class, "Database hr not found.");
    }

    @Test
    void updateDatabase_withoutDatabaseInput_failsWithValidationException() {
        assertGlueError(() -> glue.updateDatabase(r -> r.name("sales")), ValidationException.class,
                "1 validation error detected: Value null at 'databaseInput' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void updateDatabase_toAnotherName_isRefusedAsNotImplemented() {
        assertThatThrownBy(() -> glue.updateDatabase(r -> r.name("sales").databaseInput(d -> d.name("revenue"))))
                .isInstanceOf(GlueException.class)
                .satisfies(e -> {
                    AwsServiceException error = (AwsServiceException) e;
                    assertThat(error.statusCode()).isEqualTo(501);
                    assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Renaming a database is not supported by "
                            + "the fake Glue (UpdateDatabase of 'sales' with DatabaseInput.Name 'revenue')");
                });
        assertThat(glue.getDatabase(r -> r.name("sales")).database().description()).isEqualTo("old");
    }

    @Test
    void batchDeleteTable_deletesTheTablesThatExist_andReportsTheOthersInErrors() {
        table("orders");
        table("refunds");

        BatchDeleteTableResponse response = glue.batchDeleteTable(r -> r.databaseName("sales")
                .tablesToDelete("orders", "returns", "REFUNDS"));

        assertThat(response.errors()).singleElement().satisfies(e -> {
            assertThat(e.tableName()).isEqualTo("returns");
            assertThat(e.errorDetail().errorCode()).isEqualTo("EntityNotFoundException");
            assertThat(e.errorDetail().errorMessage()).isEqualTo("Table returns not found.");
        });
        assertThat(glue.getTables(r -> r.databaseName("sales")).tableList()).isEmpty();
    }

    @Test
    void batchDeleteTable_deletesThePartitionsWithTheTable() {
        glue.createTable(r -> r.databaseName("sales").tableInput(t -> t.name("orders")
                .partitionKeys(k -> k.name("year").type("string"))));
        glue.createPartition(r -> r.databaseName("sales").tableName("orders").partitionInput(p -> p.values("2024")));

        glue.batchDeleteTable(r -> r.databaseName("sales").tablesToDelete("orders"));
        glue.createTable(r -> r.databaseName("sales").tableInput(t -> t.name("orders")
                .partitionKeys(k -> k.name("year").type("string"))));

        assertThat(glue.getPartitions(r -> r.databaseName("sales").tableName("orders")).partitions()).isEmpty();
    }

    @Test
    void batchDeleteTable_missingDatabase_failsWithEntityNotFound() {
        assertGlueError(() -> glue.batchDeleteTable(r -> r.databaseName("hr").tablesToDelete("orders")),
                EntityNotFoundException.class, "Database hr not found.");
    }

    @Test
    void batchDeleteTable_moreThanAHundredTables_failsWithValidationExceptionAndDeletesNothing() {
        table("orders");
        List<String> names = IntStream.rangeClosed(1, 100).mapToObj(i -> "t" + i).collect(java.util.stream.Collectors.toList());
        names.add("orders");

        assertGlueError(() -> glue.batchDeleteTable(r -> r.databaseName("sales").tablesToDelete(names)),
                ValidationException.class, "1 validation error detected: Value '" + names + "' at 'tablesToDelete' failed "
                        + "to satisfy constraint: Member must have length less than or equal to 100");
        assertThat(glue.getTables(r -> r.databaseName("sales")).tableList()).extracting(Table::name).containsExactly("orders");
    }

    /**
     * NameString is a "single-line string pattern" (API_DatabaseInput, API_TableInput): a line break is refused with
     * ValidationException, as Glue answers pattern violations (moj-analytical-services/etl_manager#90).
     */
    @Test
    void createDatabaseOrTable_nameWithALineBreak_failsWithValidationExceptionAndCreatesNothing() {
        String pattern = "[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\t]*";
        assertGlueError(() -> glue.createDatabase(r -> r.databaseInput(d -> d.name("hr\nx"))), ValidationException.class,
                "1 validation error detected: Value 'hr\nx' at 'databaseInput.name' failed to satisfy constraint: Member must satisfy "
                        + "regular expression pattern: " + pattern);
        assertGlueError(() -> glue.createTable(r -> r.databaseName("sales").tableInput(t -> t.name("orders\r"))),
                ValidationException.class, "1 validation error detected: Value 'orders\r' at 'table.name' failed to "
                        + "satisfy constraint: Member must satisfy regular expression pattern: " + pattern);

        assertThat(glue.getDatabases(r -> { }).databaseList()).extracting(Database::name).containsExactly("sales");
        assertThat(glue.getTables(r -> r.databaseName("sales")).tableList()).isEmpty();
    }

    @Test
    void createTable_nameWithTabOrNonAsciiLetters_isAccepted() {
        table("Zahlungs\tübersicht");

        assertThat(glue.getTables(r -> r.databaseName("sales")).tableList()).extracting(Table::name)
                .containsExactly("zahlungs\tübersicht");
    }

    /** Glue answers "Parameters not supported for partition columns" (apache/incubator-xtable#697). */
    @Test
    void createOrUpdateTable_partitionKeyWithParameters_failsWithInvalidInputAndChangesNothing() {
        software.amazon.awssdk.services.glue.model.Column keyWithParameters = software.amazon.awssdk.services.glue.model.Column
                .builder().name("day").type("string").parameters(Map.of("comment", "ingest day")).build();
        assertGlueError(() -> glue.createTable(r -> r.databaseName("sales").tableInput(t -> t.name("events")
                .partitionKeys(keyWithParameters))), InvalidInputException.class, "Parameters not supported for partition columns");
        assertThat(glue.getTables(r -> r.databaseName("sales")).tableList()).isEmpty();

        glue.createTable(r -> r.databaseName("sales").tableInput(t -> t.name("events")
                .partitionKeys(c -> c.name("day").type("string"))));
        assertGlueError(() -> glue.updateTable(r -> r.databaseName("sales").tableInput(t -> t.name("events")
                .partitionKeys(keyWithParameters))), InvalidInputException.class, "Parameters not supported for partition columns");
        assertThat(glue.getTable(r -> r.databaseName("sales").name("events")).table().partitionKeys().get(0).hasParameters())
                .isFalse();
    }

    /**
     * API_Column: Name 1-255 characters; Name, Type and Comment single-line. Glue lists every violation, at 1-based
     * member paths (LBHackney-IT/Data-Platform#2369, moj-analytical-services/etl_manager#90).
     */
    @Test
    void createTable_columnsOutsideApiColumnConstraints_failWithValidationExceptionListingEach() {
        String pattern = "[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\t]*";
        assertGlueError(() -> glue.createTable(r -> r.databaseName("sales").tableInput(t -> t.name("orders")
                        .storageDescriptor(sd -> sd.columns(c -> c.name("id").type("bigint"),
                                c -> c.name("payload").type("struct<\n  a:int>").comment("multi\nline")))
                        .partitionKeys(c -> c.name("").type("string")))),
                ValidationException.class, "3 validation errors detected: "
                        + "Value 'struct<\n  a:int>' at 'table.storageDescriptor.columns.2.member.type' failed to satisfy "
                        + "constraint: Member must satisfy regular expression pattern: " + pattern + "; "
                        + "Value 'multi\nline' at 'table.storageDescriptor.columns.2.member.comment' failed to satisfy "
                        + "constraint: Member must satisfy regular expression pattern: " + pattern + "; "
                        + "Value '' at 'table.partitionKeys.1.member.name' failed to satisfy constraint: Member must have "
                        + "length greater than or equal to 1");
        assertThat(glue.getTables(r -> r.databaseName("sales")).tableList()).isEmpty();
    }

    @Test
    void updateTable_columnTypeWithALineBreak_failsWithValidationExceptionAndChangesNothing() {
        glue.createTable(r -> r.databaseName("sales").tableInput(t -> t.name("orders")
                .storageDescriptor(sd -> sd.columns(c -> c.name("id").type("bigint")))));

        assertThatThrownBy(() -> glue.updateTable(r -> r.databaseName("sales").tableInput(t -> t.name("orders")
                .storageDescriptor(sd -> sd.columns(c -> c.name("id").type("struct<\na:int>"))))))
                .isInstanceOf(ValidationException.class);
        assertThat(glue.getTable(r -> r.databaseName("sales").name("orders")).table().storageDescriptor().columns().get(0)
                .type()).isEqualTo("bigint");
    }
}
