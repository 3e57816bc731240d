package io.dataplatform.testing.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.testing.FakeAws;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.ValidationException;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GetTableVersionsResponse;
import software.amazon.awssdk.services.glue.model.InvalidInputException;
import software.amazon.awssdk.services.glue.model.TableVersion;

/**
 * Table versions of the raw fake GlueClient: UpdateTable archives the version it replaces unless
 * SkipArchive (API_UpdateTable), and GetTableVersions / GetTableVersion / DeleteTableVersion see them.
 */
class FakeGlueTableVersionTest {
    private final FakeAws aws = FakeAws.create();
    private final GlueClient glue = aws.glue();

    @BeforeEach
    void ordersTable() {
        glue.createDatabase(r -> r.databaseInput(d -> d.name("sales")));
        glue.createTable(r -> r.databaseName("sales").tableInput(t -> t.name("orders").description("v0")));
    }

    private void update(String description) {
        glue.updateTable(r -> r.databaseName("sales").tableInput(t -> t.name("orders").description(description)));
    }

    private static void assertGlueError(ThrowingCallable call, Class<? extends AwsServiceException> type, String message) {
        assertThatThrownBy(call).isInstanceOf(type)
                .satisfies(e -> assertThat(((AwsServiceException) e).awsErrorDetails().errorMessage()).isEqualTo(message));
    }

    private Map<String, String> versions() {
        return glue.getTableVersions(r -> r.databaseName("sales").tableName("orders")).tableVersions().stream()
                .collect(java.util.stream.Collectors.toMap(TableVersion::versionId, v -> v.table().description(),
                        (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @Test
    void createTable_isVersionZero_andEachUpdateTableAddsOne() {
        assertThat(glue.getTable(r -> r.databaseName("sales").name("orders")).table().versionId()).isEqualTo("0");

        update("v1");
        update("v2");

        assertThat(glue.getTable(r -> r.databaseName("sales").name("orders")).table().versionId()).isEqualTo("2");
        assertThat(versions()).containsExactly(Map.entry("0", "v0"), Map.entry("1", "v1"), Map.entry("2", "v2"));
    }

    @Test
    void updateTable_skipArchive_dropsTheReplacedVersion() {
        update("v1");

        glue.updateTable(r -> r.databaseName("sales").skipArchive(true)
                .tableInput(t -> t.name("orders").description("v2")));

        assertThat(versions()).containsExactly(Map.entry("0", "v0"), Map.entry("2", "v2"));
    }

    @Test
    void getTableVersion_returnsTheArchivedDefinition_orTheCurrentOneWithoutVersionId() {
        update("v1");

        assertThat(glue.getTableVersion(r -> r.databaseName("sales").tableName("orders").versionId("0"))
                .tableVersion().table().description()).isEqualTo("v0");
        TableVersion current = glue.getTableVersion(r -> r.databaseName("sales").tableName("orders")).tableVersion();
        assertThat(current.versionId()).isEqualTo("1");
        assertThat(current.table().description()).isEqualTo("v1");
    }

    @Test
    void getTableVersion_unknownOrNonNumericVersion_fails() {
        assertGlueError(() -> glue.getTableVersion(r -> r.databaseName("sales").tableName("orders").versionId("7")),
                EntityNotFoundException.class, "Version not found.");
        assertGlueError(() -> glue.getTableVersion(r -> r.databaseName("sales").tableName("orders").versionId("latest")),
                InvalidInputException.class, "Invalid VersionId 'latest': must be a string representation of an integer");
    }

    @Test
    void deleteTableVersion_removesAnArchivedVersion_andASecondDeleteFailsWithEntityNotFound() {
        update("v1");

        glue.deleteTableVersion(r -> r.databaseName("sales").tableName("orders").versionId("0"));

        assertThat(versions()).containsExactly(Map.entry("1", "v1"));
        assertGlueError(() -> glue.deleteTableVersion(r -> r.databaseName("sales").tableName("orders").versionId("0")),
                EntityNotFoundException.class, "Version not found.");
    }

    @Test
    void deleteTableVersion_ofTheCurrentVersion_isRefusedAsNotImplemented() {
        assertThatThrownBy(() -> glue.deleteTableVersion(r -> r.databaseName("sales").tableName("orders").versionId("0")))
                .isInstanceOf(AwsServiceException.class)
                .satisfies(e -> {
                    AwsServiceException error = (AwsServiceException) e;
                    assertThat(error.statusCode()).isEqualTo(501);
                    assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Deleting the current version of a table "
                            + "is not supported by the fake Glue (version 0 of sales.orders)");
                });
        assertThat(versions()).containsOnlyKeys("0");
    }

    @Test
    void getTableVersions_pagesByMaxResults_andRejectsMoreThanAHundred() {
        update("v1");
        update("v2");

        GetTableVersionsResponse first = glue.getTableVersions(r -> r.databaseName("sales").tableName("orders").maxResults(2));
        GetTableVersionsResponse second = glue.getTableVersions(r -> r.databaseName("sales").tableName("orders")
                .maxResults(2).nextToken(first.nextToken()));

        assertThat(first.tableVersions()).extracting(TableVersion::versionId).containsExactly("0", "1");
        assertThat(second.tableVersions()).extracting(TableVersion::versionId).containsExactly("2");
        assertThat(second.nextToken()).isNull();
        assertGlueError(() -> glue.getTableVersions(r -> r.databaseName("sales").tableName("orders").maxResults(101)),
                ValidationException.class, "1 validation error detected: Value '101' at 'maxResults' failed to satisfy "
                        + "constraint: Member must have value less than or equal to 100");
    }

    @Test
    void updateTable_withVersionId_isAnOptimisticLock_theLoserOfARaceFailsAndChangesNothing() {
        // Iceberg's GlueCatalog commits this way: read the table's VersionId, update "at" that version.
        String read = glue.getTable(r -> r.databaseName("sales").name("orders")).table().versionId();
        glue.updateTable(r -> r.databaseName("sales").versionId(read).tableInput(t -> t.name("orders").description("winner")));

        assertGlueError(() -> glue.updateTable(r -> r.databaseName("sales").versionId(read)
                        .tableInput(t -> t.name("orders").description("loser"))),
                software.amazon.awssdk.services.glue.model.ConcurrentModificationException.class,
                "Update table failed due to concurrent modifications. The table orders is at version 1, not 0.");
        assertThat(glue.getTable(r -> r.databaseName("sales").name("orders")).table().description()).isEqualTo("winner");
        assertThat(versions()).containsExactly(Map.entry("0", "v0"), Map.entry("1", "winner"));
    }

    @Test
    void updateTable_withTransactionId_isRefusedAsNotImplemented_ratherThanIgnored() {
        assertThatThrownBy(() -> glue.updateTable(r -> r.databaseName("sales").transactionId("t-1")
                .tableInput(t -> t.name("orders").description("v1"))))
                .isInstanceOf(AwsServiceException.class)
                .satisfies(e -> {
                    AwsServiceException error = (AwsServiceException) e;
                    assertThat(error.statusCode()).isEqualTo(501);
                    assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("UpdateTable with a TransactionId "
                            + "(governed tables) is not supported by the fake Glue");
                });
        assertThat(versions()).containsExactly(Map.entry("0", "v0"));
    }

    @Test
    void getTableVersions_missingTable_failsWithEntityNotFound() {
        assertGlueError(() -> glue.getTableVersions(r -> r.databaseName("sales").tableName("refunds")),
                EntityNotFoundException.class, "Table refunds not found.");
    }
}
