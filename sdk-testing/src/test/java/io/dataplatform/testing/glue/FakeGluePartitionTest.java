package io.dataplatform.testing.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.testing.AwsService;
import io.dataplatform.testing.FakeAws;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.ValidationException;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.BatchGetPartitionResponse;
import software.amazon.awssdk.services.glue.model.BatchUpdatePartitionRequestEntry;
import software.amazon.awssdk.services.glue.model.BatchUpdatePartitionResponse;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.InvalidInputException;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.PartitionValueList;

/**
 * Single-partition CRUD and BatchGetPartition / BatchUpdatePartition of the raw fake GlueClient, as
 * the Glue API reference (API_CreatePartition, API_GetPartition, API_UpdatePartition,
 * API_DeletePartition, API_BatchGetPartition, API_BatchUpdatePartition) describes them.
 */
class FakeGluePartitionTest {
    private final FakeAws aws = FakeAws.create();
    private final GlueClient glue = aws.glue();

    @BeforeEach
    void salesTablePartitionedByYearAndMonth() {
        glue.createDatabase(r -> r.databaseInput(d -> d.name("sales")));
        glue.createTable(r -> r.databaseName("sales").tableInput(t -> t.name("orders")
                .partitionKeys(k -> k.name("year").type("string"), k -> k.name("month").type("string"))));
    }

    private void create(String year, String month) {
        glue.createPartition(r -> r.databaseName("sales").tableName("orders").partitionInput(p -> p.values(year, month)
                .storageDescriptor(s -> s.location("s3://lake/orders/year=" + year + "/month=" + month + "/"))));
    }

    private Partition get(String year, String month) {
        return glue.getPartition(r -> r.databaseName("sales").tableName("orders").partitionValues(year, month)).partition();
    }

    private static void assertGlueError(ThrowingCallable call, Class<? extends AwsServiceException> type, String message) {
        assertThatThrownBy(call).isInstanceOf(type)
                .satisfies(e -> assertThat(((AwsServiceException) e).awsErrorDetails().errorMessage()).isEqualTo(message));
    }

    @Test
    void createPartition_thenGetPartition_returnsItWithTheTablesNamesAndTheClockTime() {
        aws.clock().advance(Duration.ofHours(1));
        Instant created = aws.clock().instant();

        create("2024", "01");
        Partition partition = get("2024", "01");

        assertThat(partition.values()).containsExactly("2024", "01");
        assertThat(partition.databaseName()).isEqualTo("sales");
        assertThat(partition.tableName()).isEqualTo("orders");
        assertThat(partition.creationTime()).isEqualTo(created);
        assertThat(partition.storageDescriptor().location()).isEqualTo("s3://lake/orders/year=2024/month=01/");
    }

    @Test
    void createPartition_withoutStorageDescriptor_isStoredWithoutOne() {
        glue.createPartition(r -> r.databaseName("sales").tableName("orders").partitionInput(p -> p.values("2024", "02")));

        assertThat(get("2024", "02").storageDescriptor()).isNull();
    }

    @Test
    void createPartition_existingValues_failsWithAlreadyExists() {
        create("2024", "01");

        assertGlueError(() -> create("2024", "01"), AlreadyExistsException.class, "Partition already exists.");
    }

    @Test
    void createPartition_valuesNotMatchingThePartitionKeys_failsWithInvalidInput() {
        assertGlueError(() -> glue.createPartition(r -> r.databaseName("sales").tableName("orders")
                        .partitionInput(p -> p.values("2024"))),
                InvalidInputException.class, "The number of partition keys do not match the number of partition values");
    }

    @Test
    void createPartition_missingTableOrDatabase_failsWithEntityNotFoundNamingIt() {
        assertGlueError(() -> glue.createPartition(r -> r.databaseName("sales").tableName("refunds")
                .partitionInput(p -> p.values("2024", "01"))), EntityNotFoundException.class, "Table refunds not found.");
        assertGlueError(() -> glue.createPartition(r -> r.databaseName("hr").tableName("orders")
                .partitionInput(p -> p.values("2024", "01"))), EntityNotFoundException.class, "Database hr not found.");
    }

    @Test
    void createPartition_withoutPartitionInput_failsWithValidationException() {
        assertGlueError(() -> glue.createPartition(r -> r.databaseName("sales").tableName("orders")),
                ValidationException.class,
                "1 validation error detected: Value null at 'partitionInput' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void getPartition_missing_failsWithEntityNotFound() {
        assertGlueError(() -> get("2024", "01"), EntityNotFoundException.class, "Cannot find partition.");
    }

    @Test
    void createPartition_isSeenByGetPartitionsAndRemovedByBatchDeletePartition() {
        create("2024", "01");
        glue.batchCreatePartition(r -> r.databaseName("sales").tableName("orders")
                .partitionInputList(PartitionInput.builder().values("2024", "02").build()));

        assertThat(glue.getPartitions(r -> r.databaseName("sales").tableName("orders")).partitions())
                .extracting(Partition::values).containsExactly(List.of("2024", "01"), List.of("2024", "02"));
        assertThat(get("2024", "02").values()).containsExactly("2024", "02");

        glue.batchDeletePartition(r -> r.databaseName("sales").tableName("orders")
                .partitionsToDelete(PartitionValueList.builder().values("2024", "01").build()));
        assertGlueError(() -> get("2024", "01"), EntityNotFoundException.class, "Cannot find partition.");
    }

    @Test
    void updatePartition_replacesTheDefinitionAndKeepsTheCreationTime() {
        create("2024", "01");
        Instant created = get("2024", "01").creationTime();
        aws.clock().advance(Duration.ofDays(1));

        glue.updatePartition(r -> r.databaseName("sales").tableName("orders").partitionValueList("2024", "01")
                .partitionInput(p -> p.values("2024", "01").parameters(java.util.Map.of("compacted", "true"))));

        Partition updated = get("2024", "01");
        assertThat(updated.parameters()).containsEntry("compacted", "true");
        assertThat(updated.storageDescriptor()).as("the input replaces the whole definition").isNull();
        assertThat(updated.creationTime()).isEqualTo(created);
    }

    @Test
    void updatePartition_newValues_movesThePartition() {
        create("2024", "01");

        glue.updatePartition(r -> r.databaseName("sales").tableName("orders").partitionValueList("2024", "01")
                .partitionInput(p -> p.values("2024", "1")));

        assertThat(get("2024", "1").values()).containsExactly("2024", "1");
        assertGlueError(() -> get("2024", "01"), EntityNotFoundException.class, "Cannot find partition.");
    }

    @Test
    void updatePartition_ontoAnotherExistingPartition_failsWithAlreadyExistsAndChangesNothing() {
        create("2024", "01");
        create("2024", "02");

        assertGlueError(() -> glue.updatePartition(r -> r.databaseName("sales").tableName("orders")
                        .partitionValueList("2024", "01").partitionInput(p -> p.values("2024", "02"))),
                AlreadyExistsException.class, "Partition already exists.");
        assertThat(get("2024", "01").storageDescriptor().location()).isEqualTo("s3://lake/orders/year=2024/month=01/");
    }

    @Test
    void updatePartition_missing_failsWithEntityNotFound() {
        assertGlueError(() -> glue.updatePartition(r -> r.databaseName("sales").tableName("orders")
                        .partitionValueList("2024", "01").partitionInput(p -> p.values("2024", "01"))),
                EntityNotFoundException.class, "Cannot find partition.");
    }

    @Test
    void updatePartition_inputWithoutValues_failsWithInvalidInput() {
        create("2024", "01");

        // API_PartitionInput: Values "is not required by the SDK, [but] you must specify this parameter for a valid input".
        assertGlueError(() -> glue.updatePartition(r -> r.databaseName("sales").tableName("orders")
                        .partitionValueList("2024", "01").partitionInput(p -> p.parameters(java.util.Map.of("a", "b")))),
                InvalidInputException.class, "The number of partition keys do not match the number of partition values");
    }

    @Test
    void deletePartition_removesIt_andASecondDeleteFailsWithEntityNotFound() {
        create("2024", "01");

        glue.deletePartition(r -> r.databaseName("sales").tableName("orders").partitionValues("2024", "01"));

        assertThat(glue.getPartitions(r -> r.databaseName("sales").tableName("orders")).partitions()).isEmpty();
        assertGlueError(() -> glue.deletePartition(r -> r.databaseName("sales").tableName("orders")
                .partitionValues("2024", "01")), EntityNotFoundException.class, "Cannot find partition.");
    }

    @Test
    void deletePartition_missingDatabase_failsWithEntityNotFoundNamingIt() {
        assertGlueError(() -> glue.deletePartition(r -> r.databaseName("hr").tableName("orders")
                .partitionValues("2024", "01")), EntityNotFoundException.class, "Database hr not found.");
    }

    @Test
    void batchGetPartition_leavesMissingPartitionsOut_withoutUnprocessedKeys() {
        create("2024", "01");
        create("2024", "03");

        BatchGetPartitionResponse response = glue.batchGetPartition(r -> r.databaseName("sales").tableName("orders")
                .partitionsToGet(values("2024", "03"), values("2024", "02"), values("2024", "01")));

        assertThat(response.partitions()).extracting(Partition::values)
                .containsExactly(List.of("2024", "03"), List.of("2024", "01"));
        assertThat(response.unprocessedKeys()).isEmpty();
    }

    @Test
    void batchGetPartition_moreThanAThousandKeys_failsWithValidationException() {
        List<PartitionValueList> keys = IntStream.rangeClosed(1, 1001).mapToObj(i -> values("2024", "d" + i)).toList();

        assertGlueError(() -> glue.batchGetPartition(r -> r.databaseName("sales").tableName("orders").partitionsToGet(keys)),
                ValidationException.class, "1 validation error detected: Value '" + keys + "' at 'partitionsToGet' failed to "
                        + "satisfy constraint: Member must have length less than or equal to 1000");
    }

    @Test
    void batchGetPartition_missingTable_failsWithEntityNotFound() {
        assertGlueError(() -> glue.batchGetPartition(r -> r.databaseName("sales").tableName("refunds")
                .partitionsToGet(values("2024", "01"))), EntityNotFoundException.class, "Table refunds not found.");
    }

    @Test
    void batchUpdatePartition_updatesTheRest_andReportsEachFailedEntryInErrors() {
        create("2024", "01");

        BatchUpdatePartitionResponse response = glue.batchUpdatePartition(r -> r.databaseName("sales").tableName("orders")
                .entries(entry(List.of("2024", "01"), PartitionInput.builder().values("2024", "01")
                                .parameters(java.util.Map.of("compacted", "true")).build()),
                        entry(List.of("2024", "02"), PartitionInput.builder().values("2024", "02").build()),
                        entry(List.of("2024", "01"), PartitionInput.builder().values("2024").build())));

        assertThat(response.errors()).hasSize(2);
        assertThat(response.errors().get(0).partitionValueList()).containsExactly("2024", "02");
        assertThat(response.errors().get(0).errorDetail().errorCode()).isEqualTo("EntityNotFoundException");
        assertThat(response.errors().get(0).errorDetail().errorMessage()).isEqualTo("Cannot find partition.");
        assertThat(response.errors().get(1).errorDetail().errorCode()).isEqualTo("InvalidInputException");
        assertThat(get("2024", "01").parameters()).containsEntry("compacted", "true");
    }

    @Test
    void batchUpdatePartition_noEntriesOrMoreThanAHundred_failsWithValidationException() {
        List<BatchUpdatePartitionRequestEntry> entries = IntStream.rangeClosed(1, 101)
                .mapToObj(i -> entry(List.of("2024", "d" + i), PartitionInput.builder().values("2024", "d" + i).build()))
                .toList();

        assertGlueError(() -> glue.batchUpdatePartition(r -> r.databaseName("sales").tableName("orders").entries(entries)),
                ValidationException.class, "1 validation error detected: Value '" + entries + "' at 'entries' failed to "
                        + "satisfy constraint: Member must have length less than or equal to 100");
        assertGlueError(() -> glue.batchUpdatePartition(r -> r.databaseName("sales").tableName("orders")
                        .entries(List.of())),
                ValidationException.class, "1 validation error detected: Value '[]' at 'entries' failed to satisfy "
                        + "constraint: Member must have length greater than or equal to 1");
    }

    @Test
    void createPartition_responseLost_isCreatedAndRecorded_soTheRetryFindsItExisting() {
        aws.faults().on(AwsService.GLUE, "CreatePartition").loseResponse(500, 1);

        assertThatThrownBy(() -> create("2024", "01")).isInstanceOf(AwsServiceException.class)
                .satisfies(e -> assertThat(((AwsServiceException) e).statusCode()).isEqualTo(500));
        assertThat(get("2024", "01").values()).containsExactly("2024", "01");
        assertGlueError(() -> create("2024", "01"), AlreadyExistsException.class, "Partition already exists.");
        assertThat(aws.calls().count(AwsService.GLUE, "CreatePartition")).isEqualTo(2);
    }

    private static PartitionValueList values(String... values) {
        return PartitionValueList.builder().values(values).build();
    }

    private static BatchUpdatePartitionRequestEntry entry(List<String> current, PartitionInput input) {
        return BatchUpdatePartitionRequestEntry.builder().partitionValueList(current).partitionInput(input).build();
    }
}
