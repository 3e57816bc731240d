package io.dataplatform.testing.glue;

import static io.dataplatform.testing.NotImplementedAssertions.assertNotImplemented;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.testing.FakeAws;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.ValidationException;
import software.amazon.awssdk.services.glue.model.Database;
import software.amazon.awssdk.services.glue.model.GlueException;
import software.amazon.awssdk.services.glue.model.InvalidInputException;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableAttributes;

/**
 * Request members of the fake Glue's catalog operations that change Glue's answer: each is honoured as
 * the API reference describes it, or refused with 501 when set; none is silently ignored.
 */
class FakeGlueRequestMembersTest {
    private final FakeAws aws = FakeAws.create();
    private final GlueClient glue = aws.glue();

    @BeforeEach
    void salesDatabase() {
        glue.createDatabase(r -> r.databaseInput(d -> d.name("sales")));
        for (String name : List.of("sales_2024", "sales_eu", "old_sales", "orders", "customers")) {
            glue.createTable(r -> r.databaseName("sales").tableInput(t -> t.name(name).tableType("EXTERNAL_TABLE")
                    .partitionKeys(k -> k.name("day").type("string"))));
        }
    }

    private static void assertGlueError(ThrowingCallable call, Class<? extends AwsServiceException> type, String message) {
        assertThatThrownBy(call).isInstanceOf(type)
                .satisfies(e -> assertThat(((AwsServiceException) e).awsErrorDetails().errorMessage()).isEqualTo(message));
    }

    private List<String> tableNames(String expression) {
        return glue.getTables(r -> r.databaseName("sales").expression(expression)).tableList().stream().map(Table::name)
                .toList();
    }

    @Test
    void getTables_expression_returnsOnlyTablesWhoseWholeNameMatches() {
        assertThat(tableNames("sales.*")).containsExactly("sales_2024", "sales_eu");
    }

    @Test
    void getTables_expressionWithALoneStar_matchesAnyCharactersAsInHivePatterns() {
        assertThat(tableNames("*sales*")).containsExactly("old_sales", "sales_2024", "sales_eu");
    }

    @Test
    void getTables_expressionAlternation_andUpperCase_matchLowerCaseNames() {
        assertThat(tableNames("ORDERS|customers")).containsExactly("customers", "orders");
    }

    @Test
    void getTables_expressionMatchingNothing_returnsNoTables() {
        assertThat(tableNames("sales")).isEmpty();
    }

    @Test
    void getTables_expression_pagesOverTheMatchesOnly() {
        var first = glue.getTables(r -> r.databaseName("sales").expression("sales.*|orders").maxResults(2));
        var second = glue.getTables(r -> r.databaseName("sales").expression("sales.*|orders").maxResults(2)
                .nextToken(first.nextToken()));

        assertThat(first.tableList()).extracting(Table::name).containsExactly("orders", "sales_2024");
        assertThat(second.tableList()).extracting(Table::name).containsExactly("sales_eu");
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void getTables_invalidExpression_failsWithInvalidInput() {
        assertGlueError(() -> tableNames("sales["), InvalidInputException.class,
                "Expression sales[ is not a valid regular expression: Unclosed character class");
    }

    @Test
    void getTables_attributesToGetName_returnsOnlyTheNames() {
        List<Table> tables = glue.getTables(r -> r.databaseName("sales").expression("orders")
                .attributesToGet(TableAttributes.NAME)).tableList();

        assertThat(tables).containsExactly(Table.builder().name("orders").build());
    }

    @Test
    void getTables_attributesToGetNameAndTableType_returnsNamesAndTypes() {
        List<Table> tables = glue.getTables(r -> r.databaseName("sales").expression("orders")
                .attributesToGet(TableAttributes.NAME, TableAttributes.TABLE_TYPE)).tableList();

        assertThat(tables).containsExactly(Table.builder().name("orders").tableType("EXTERNAL_TABLE").build());
    }

    @Test
    void getTables_attributesToGetWithoutName_failsWithInvalidInput() {
        assertGlueError(() -> glue.getTables(r -> r.databaseName("sales").attributesToGet(TableAttributes.TABLE_TYPE)),
                InvalidInputException.class, "AttributesToGet must include NAME, but was [TABLE_TYPE]");
    }

    @Test
    void getTables_transactionIdOrQueryAsOfTime_isRefusedAsNotImplemented() {
        assertNotImplemented(GlueException.class, () -> glue.getTables(r -> r.databaseName("sales").transactionId("t1")),
                "GetTables with a TransactionId (governed tables) is not supported by the fake Glue");
        assertNotImplemented(GlueException.class, () -> glue.getTables(r -> r.databaseName("sales").queryAsOfTime(Instant.EPOCH)),
                "GetTables with QueryAsOfTime (governed tables) is not supported by the fake Glue");
    }

    @Test
    void catalogId_ofTheWorldsAccount_isTheDefaultCatalog() {
        assertThat(glue.getTables(r -> r.catalogId(aws.accountId()).databaseName("sales").expression("orders"))
                .tableList()).extracting(Table::name).containsExactly("orders");
    }

    @Test
    void catalogId_ofAnotherAccount_isRefusedAsNotImplemented() {
        String message = " with CatalogId '999999999999' (another account's Data Catalog; the fake holds only account "
                + aws.accountId() + "'s) is not supported by the fake Glue";
        assertNotImplemented(GlueException.class, () -> glue.getTables(r -> r.catalogId("999999999999").databaseName("sales")),
                "GetTables" + message);
        assertNotImplemented(GlueException.class, () -> glue.getPartitions(r -> r.catalogId("999999999999").databaseName("sales")
                .tableName("orders")), "GetPartitions" + message);
        assertNotImplemented(GlueException.class, () -> glue.createDatabase(r -> r.catalogId("999999999999").databaseInput(d -> d.name("hr"))),
                "CreateDatabase" + message);
        assertThat(glue.getDatabases(r -> r.maxResults(100)).databaseList()).extracting(Database::name)
                .containsExactly("sales");
    }

    @Test
    void catalogId_longerThan255Characters_failsWithValidationException() {
        String id = "1".repeat(256);
        assertGlueError(() -> glue.getDatabase(r -> r.catalogId(id).name("sales")), ValidationException.class,
                "1 validation error detected: Value '" + id + "' at 'catalogId' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 255");
    }

    @Test
    void getDatabases_foreignOrFederated_listsNoDatabases_asNoneIsSharedWithTheAccount() {
        assertThat(glue.getDatabases(r -> r.resourceShareType("FOREIGN")).databaseList()).isEmpty();
        assertThat(glue.getDatabases(r -> r.resourceShareType("FEDERATED")).databaseList()).isEmpty();
        assertThat(glue.getDatabases(r -> r.resourceShareType("ALL")).databaseList()).extracting(Database::name)
                .containsExactly("sales");
    }

    @Test
    void getDatabases_attributesToGetName_returnsOnlyTheNames() {
        glue.createDatabase(r -> r.databaseInput(d -> d.name("hr").description("people").locationUri("s3://lake/hr/")));

        assertThat(glue.getDatabases(r -> r.attributesToGetWithStrings("NAME")).databaseList())
                .containsExactly(Database.builder().name("hr").build(), Database.builder().name("sales").build());
    }

    @Test
    void getDatabases_unknownAttribute_failsWithValidationException() {
        assertGlueError(() -> glue.getDatabases(r -> r.attributesToGetWithStrings("NAME", "DESCRIPTION")),
                software.amazon.awssdk.services.glue.model.ValidationException.class, "1 validation error detected: Value '[NAME, DESCRIPTION]' at 'attributesToGet' "
                        + "failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: "
                        + "[NAME, TARGET_DATABASE]]");
    }

    private void partitions(int count) {
        for (int day = 1; day <= count; day++) {
            String value = "2024-01-" + (day < 10 ? "0" : "") + day;
            glue.createPartition(r -> r.databaseName("sales").tableName("orders").partitionInput(p -> p.values(value)
                    .storageDescriptor(s -> s.location("s3://lake/orders/day=" + value + "/")
                            .columns(c -> c.name("id").type("bigint")))));
        }
    }

    private List<Partition> segment(int number, int total) {
        return glue.getPartitions(r -> r.databaseName("sales").tableName("orders")
                .segment(s -> s.segmentNumber(number).totalSegments(total))).partitions();
    }

    @Test
    void getPartitions_segments_areDisjointAndTogetherHoldEveryPartition() {
        partitions(20);
        List<List<String>> seen = new ArrayList<>();
        for (int number = 0; number < 4; number++) {
            List<Partition> segment = segment(number, 4);
            assertThat(segment).as("segment %s of 4 of 20 partitions", number).isNotEmpty().hasSizeLessThan(20);
            segment.forEach(p -> seen.add(p.values()));
        }

        assertThat(seen).doesNotHaveDuplicates().hasSize(20);
        assertThat(segment(0, 1)).hasSize(20);
    }

    @Test
    void getPartitions_segmentOutOfRange_failsWithValidationException_orInvalidInputPastTheTotal() {
        assertGlueError(() -> segment(0, 11), ValidationException.class, "1 validation error detected: Value '11' at "
                + "'segment.totalSegments' failed to satisfy constraint: Member must have value less than or equal to 10");
        assertGlueError(() -> segment(4, 4), InvalidInputException.class,
                "The segment number 4 must be less than the total segments 4");
    }

    @Test
    void getPartitions_excludeColumnSchema_leavesOutTheColumnsAndKeepsTheRest() {
        partitions(1);

        Partition partition = glue.getPartitions(r -> r.databaseName("sales").tableName("orders").excludeColumnSchema(true))
                .partitions().get(0);

        assertThat(partition.storageDescriptor().hasColumns()).isFalse();
        assertThat(partition.storageDescriptor().location()).isEqualTo("s3://lake/orders/day=2024-01-01/");
        assertThat(partition.values()).containsExactly("2024-01-01");
        assertThat(glue.getPartitions(r -> r.databaseName("sales").tableName("orders")).partitions().get(0)
                .storageDescriptor().columns()).hasSize(1);
    }

    @Test
    void getPartitions_transactionId_isRefusedAsNotImplemented() {
        assertNotImplemented(GlueException.class, () -> glue.getPartitions(r -> r.databaseName("sales").tableName("orders").transactionId("t")),
                "GetPartitions with a TransactionId (governed tables) is not supported by the fake Glue");
    }

    @Test
    void createTable_keepsTheViewTextsAndLastAnalyzedTime() {
        Instant analyzed = Instant.parse("2024-01-01T00:00:00Z");
        glue.createTable(r -> r.databaseName("sales").tableInput(t -> t.name("recent").tableType("VIRTUAL_VIEW")
                .viewOriginalText("/* Presto View: e30= */").viewExpandedText("/* Presto View */")
                .lastAnalyzedTime(analyzed)));

        Table view = glue.getTable(r -> r.databaseName("sales").name("recent")).table();

        assertThat(view.viewOriginalText()).isEqualTo("/* Presto View: e30= */");
        assertThat(view.viewExpandedText()).isEqualTo("/* Presto View */");
        assertThat(view.lastAnalyzedTime()).isEqualTo(analyzed);
    }

    @Test
    void createTable_resourceLinkOrIcebergInput_isRefusedAsNotImplemented() {
        assertNotImplemented(GlueException.class, () -> glue.createTable(r -> r.databaseName("sales").tableInput(t -> t.name("link")
                        .targetTable(x -> x.databaseName("other").name("t")))),
                "CreateTable with TableInput.TargetTable (resource links) is not supported by the fake Glue");
        assertNotImplemented(GlueException.class, () -> glue.createTable(r -> r.databaseName("sales").tableInput(t -> t.name("ice"))
                        .openTableFormatInput(o -> o.icebergInput(i -> i.metadataOperation("CREATE")))),
                "CreateTable with OpenTableFormatInput (Glue-created Iceberg tables) is not supported by the fake Glue");
        assertThat(tableNames("link|ice")).isEmpty();
    }

    @Test
    void createDatabase_resourceLink_isRefusedAsNotImplemented() {
        assertNotImplemented(GlueException.class, () -> glue.createDatabase(r -> r.databaseInput(d -> d.name("shared")
                        .targetDatabase(t -> t.catalogId("999999999999").databaseName("sales")))),
                "CreateDatabase with DatabaseInput.TargetDatabase (resource links) is not supported by the fake Glue");
    }

    @Test
    void createDatabase_tagsBeyondGluesLimits_failWithInvalidInput() {
        java.util.Map<String, String> many = new java.util.HashMap<>();
        for (int i = 0; i < 51; i++) {
            many.put("k" + i, "v");
        }
        assertGlueError(() -> glue.createDatabase(r -> r.databaseInput(d -> d.name("hr")).tags(many)),
                InvalidInputException.class, "1 validation error detected: Value at 'tags' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 50");
        String key = "k".repeat(129);
        assertGlueError(() -> glue.createDatabase(r -> r.databaseInput(d -> d.name("hr")).tags(java.util.Map.of(key, "v"))),
                InvalidInputException.class, "1 validation error detected: Value '" + key + "' at 'tags' failed to satisfy "
                        + "constraint: Map keys must satisfy constraint: [Member must have length between 1 and 128]");
        glue.createDatabase(r -> r.databaseInput(d -> d.name("hr")).tags(java.util.Map.of("team", "people")));
        assertThat(glue.getDatabase(r -> r.name("hr")).database().name()).isEqualTo("hr");
    }

    @Test
    void getTable_transactionIdOrAttributesToGet_isRefusedAsNotImplemented() {
        assertNotImplemented(GlueException.class, () -> glue.getTable(r -> r.databaseName("sales").name("orders").transactionId("t")),
                "GetTable with a TransactionId (governed tables) is not supported by the fake Glue");
        assertNotImplemented(GlueException.class, () -> glue.getTable(r -> r.databaseName("sales").name("orders")
                        .attributesToGet(TableAttributes.NAME)),
                "GetTable with AttributesToGet is not supported by the fake Glue");
    }
}
