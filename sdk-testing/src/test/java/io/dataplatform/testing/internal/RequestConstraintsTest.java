package io.dataplatform.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.CreateTableRequest;
import software.amazon.awssdk.services.glue.model.GetTableRequest;
import software.amazon.awssdk.services.glue.model.GetTablesRequest;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.TableInput;

/** The services' request validation as their API models state it, in the words the services answer with. */
class RequestConstraintsTest {
    private final RequestConstraints glue = RequestConstraints.of("glue");

    @Test
    void everyServicesConstraints_load_andTheirPatternsCompile() {
        for (String service : List.of("glue", "athena", "emr")) {
            assertThat(RequestConstraints.of(service).violations("NoSuchOperation", GetTableRequest.builder().build())).isEmpty();
        }
    }

    @Test
    void missingRequiredMembers_areEachNamed_inTheModelsOrder() {
        List<String> violations = glue.violations("GetTable", GetTableRequest.builder().build());

        assertThat(violations).containsExactly(
                "Value null at 'databaseName' failed to satisfy constraint: Member must not be null",
                "Value null at 'name' failed to satisfy constraint: Member must not be null");
        assertThat(RequestConstraints.message(violations)).startsWith("2 validation errors detected: Value null at "
                + "'databaseName' failed to satisfy constraint: Member must not be null; Value null at 'name'");
    }

    @Test
    void lengthsRangesAndPatterns_reportTheBoundBroken() {
        assertThat(glue.violations("GetTables", GetTablesRequest.builder().databaseName("").maxResults(0).build()))
                .containsExactly(
                        "Value '' at 'databaseName' failed to satisfy constraint: Member must have length greater than or equal to 1",
                        "Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1");
        assertThat(glue.violations("GetTables", GetTablesRequest.builder().databaseName("a\nb").maxResults(101).build()))
                .containsExactly(
                        "Value 'a\nb' at 'databaseName' failed to satisfy constraint: Member must satisfy regular expression "
                                + "pattern: [\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\t]*",
                        "Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100");
    }

    @Test
    void nestedMembers_andListElements_areNamedByTheirPath() {
        CreateTableRequest request = CreateTableRequest.builder().databaseName("db").tableInput(TableInput.builder()
                .name("x".repeat(256)).storageDescriptor(StorageDescriptor.builder().columns(Column.builder().name("a").build()).build())
                .build()).build();

        assertThat(glue.violations("CreateTable", request)).containsExactly("Value '" + "x".repeat(256)
                + "' at 'table.name' failed to satisfy constraint: Member must have length less than or equal to 255");
        assertThat(glue.violations("CreateTable", CreateTableRequest.builder().databaseName("db")
                .tableInput(TableInput.builder().build()).build()))
                .containsExactly("Value null at 'table.name' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void deepMembers_areNamedAsGlueNamesThem_andListElementsAreJudgedAtTheirList() {
        CreateTableRequest request = CreateTableRequest.builder().databaseName("db").tableInput(TableInput.builder().name("t")
                .storageDescriptor(StorageDescriptor.builder().columns(Column.builder().name("a").build(),
                        Column.builder().name("b").type("struct<\na:int>").build()).build()).build()).build();

        assertThat(glue.violations("CreateTable", request)).containsExactly("Value 'struct<\na:int>' at "
                + "'table.storageDescriptor.columns.2.member.type' failed to satisfy constraint: Member must satisfy regular "
                + "expression pattern: [\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\t]*");
        assertThat(glue.violations("GetDatabases", software.amazon.awssdk.services.glue.model.GetDatabasesRequest.builder()
                .attributesToGetWithStrings("NAME", "DESCRIPTION").build())).containsExactly("Value '[NAME, DESCRIPTION]' at "
                + "'attributesToGet' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum "
                + "value set: [NAME, TARGET_DATABASE]]");
    }

    @Test
    void unsetListsAreAbsent_andLengthsApplyToWhatIsSent() {
        assertThat(RequestConstraints.of("athena").violations("StartQueryExecution",
                StartQueryExecutionRequest.builder().queryString("SELECT 1").clientRequestToken("short").build()))
                .containsExactly("Value 'short' at 'clientRequestToken' failed to satisfy constraint: Member must have length "
                        + "greater than or equal to 32");
    }
}
