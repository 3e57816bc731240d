package io.dataplatform.testing.athena;

import static io.dataplatform.testing.NotImplementedAssertions.assertNotImplemented;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.testing.FakeAws;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.AthenaException;
import software.amazon.awssdk.services.athena.model.EncryptionOption;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.QueryResultType;
import software.amazon.awssdk.services.athena.model.ResultConfiguration;
import software.amazon.awssdk.services.athena.model.S3AclOption;

/**
 * Request members of the fake Athena that change Athena's answer: honoured as the API reference describes
 * them, or refused with 501 when set; none is silently ignored.
 */
class FakeAthenaRequestMembersTest {
    private final FakeAws aws = FakeAws.create();
    private final AthenaClient athena = aws.athena();

    private QueryExecution describe(String id) {
        aws.clock().advance(Duration.ofSeconds(5));
        return athena.getQueryExecution(r -> r.queryExecutionId(id)).queryExecution();
    }

    @Test
    void startQueryExecution_anotherCatalog_isRefusedAsNotImplemented() {
        assertNotImplemented(AthenaException.class, () -> athena.startQueryExecution(r -> r.queryString("SELECT 1")
                        .queryExecutionContext(c -> c.catalog("dynamodb_connector"))),
                "StartQueryExecution with QueryExecutionContext.Catalog 'dynamodb_connector' (only AwsDataCatalog, the "
                        + "world's Glue Data Catalog, is modelled) is not supported by the fake Athena");
        assertThat(athena.listQueryExecutions(r -> r.maxResults(50)).queryExecutionIds()).isEmpty();
    }

    @Test
    void startQueryExecution_awsDataCatalogInAnyCase_runs() {
        String id = athena.startQueryExecution(r -> r.queryString("SELECT 1")
                .queryExecutionContext(c -> c.catalog("awsdatacatalog"))).queryExecutionId();

        assertThat(describe(id).status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);
    }

    @Test
    void startQueryExecution_sseS3AndBucketOwnerAcl_areReportedWithTheResult() {
        String id = athena.startQueryExecution(r -> r.queryString("SELECT 1").resultConfiguration(c -> c
                .encryptionConfiguration(e -> e.encryptionOption(EncryptionOption.SSE_S3))
                .aclConfiguration(a -> a.s3AclOption(S3AclOption.BUCKET_OWNER_FULL_CONTROL))
                .expectedBucketOwner(aws.accountId()))).queryExecutionId();

        QueryExecution execution = describe(id);

        assertThat(execution.status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);
        ResultConfiguration results = execution.resultConfiguration();
        assertThat(results.encryptionConfiguration().encryptionOption()).isEqualTo(EncryptionOption.SSE_S3);
        assertThat(results.aclConfiguration().s3AclOption()).isEqualTo(S3AclOption.BUCKET_OWNER_FULL_CONTROL);
        assertThat(results.expectedBucketOwner()).isEqualTo(aws.accountId());
        assertThat(results.outputLocation()).endsWith("/" + id + ".csv");
    }

    @Test
    void startQueryExecution_kmsEncryption_isRefusedAsNotImplemented() {
        assertNotImplemented(AthenaException.class, () -> athena.startQueryExecution(r -> r.queryString("SELECT 1").resultConfiguration(c -> c
                        .encryptionConfiguration(e -> e.encryptionOption(EncryptionOption.SSE_KMS).kmsKey("alias/results")))),
                "StartQueryExecution with ResultConfiguration.EncryptionConfiguration SSE_KMS (the fake S3 stores results "
                        + "with SSE-S3 only) is not supported by the fake Athena");
    }

    @Test
    void startQueryExecution_expectedBucketOwnerNotOwningTheBucket_failsTheQuery() {
        String id = athena.startQueryExecution(r -> r.queryString("SELECT 1")
                .resultConfiguration(c -> c.expectedBucketOwner("999999999999"))).queryExecutionId();

        QueryExecution execution = describe(id);

        assertThat(execution.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(execution.status().stateChangeReason()).isEqualTo("Access denied when writing output to url: "
                + execution.resultConfiguration().outputLocation() + ". The bucket is not owned by the expected bucket owner "
                + "999999999999.");
    }

    @Test
    void startQueryExecution_outputBucketThatDoesNotExist_isRefusedAndStartsNoQuery() {
        // Real Athena refuses the call (pyathena-dev/PyAthena#67): the query does not start and then fail.
        assertThatThrownBy(() -> athena.startQueryExecution(r -> r.queryString("SELECT 1")
                .resultConfiguration(c -> c.outputLocation("s3://no-such-bucket/results/"))))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((AwsServiceException) e).awsErrorDetails().errorMessage())
                        .isEqualTo("Unable to verify/create output bucket no-such-bucket"));
        assertThat(athena.listQueryExecutions(r -> r.maxResults(50)).queryExecutionIds()).isEmpty();

        aws.s3().createBucket(b -> b.bucket("no-such-bucket"));
        String id = athena.startQueryExecution(r -> r.queryString("SELECT 1")
                .resultConfiguration(c -> c.outputLocation("s3://no-such-bucket/results/"))).queryExecutionId();
        assertThat(describe(id).status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);
    }

    @Test
    void startQueryExecution_queryThatDoesNotParse_isRefusedWithTheParsersMessage_andStartsNoQuery() {
        // Real Athena: "InvalidRequestException when calling the StartQueryExecution operation: line 1:190: mismatched
        // input ..." (awslabs/aws-well-architected-labs#502); the query is never created, so there is no id to poll.
        assertThatThrownBy(() -> athena.startQueryExecution(r -> r.queryString("SELECT 1 == 1")))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((AwsServiceException) e).awsErrorDetails().errorMessage())
                        .startsWith("line 1:").contains("mismatched input '='"));
        assertThat(athena.listQueryExecutions(r -> r.maxResults(50)).queryExecutionIds()).isEmpty();

        // A query that parses but names an unknown column starts, and fails with the engine's reason.
        String id = athena.startQueryExecution(r -> r.queryString("SELECT nope FROM (VALUES 1) t(x)")).queryExecutionId();
        assertThat(describe(id).status().stateChangeReason()).startsWith("COLUMN_NOT_FOUND: ");
    }

    @Test
    void startQueryExecution_queryOfOnlyBlanksAndComments_isRefusedAsAParseError_notAsAnEmptyString() {
        // QueryString's only constraint is 1-262144 characters; Athena's parser then refuses a statement-less string:
        // "line 1:10: mismatched input '<EOF>'. Expecting: 'ALTER', ..." (guardian/athena-cli#39).
        assertThatThrownBy(() -> athena.startQueryExecution(r -> r.queryString("  -- nothing\n  ")))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((AwsServiceException) e).awsErrorDetails().errorMessage())
                        .startsWith("line ").contains("mismatched input '<EOF>'"));
        assertThat(athena.listQueryExecutions(r -> r.maxResults(50)).queryExecutionIds()).isEmpty();
    }

    @Test
    void startQueryExecution_unknownAclOption_failsWithInvalidRequest() {
        assertThatThrownBy(() -> athena.startQueryExecution(r -> r.queryString("SELECT 1")
                .resultConfiguration(c -> c.aclConfiguration(a -> a.s3AclOption("PUBLIC_READ")))))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((AwsServiceException) e).awsErrorDetails().errorMessage())
                        .isEqualTo("1 validation error detected: Value 'PUBLIC_READ' at 'resultConfiguration.aclConfiguration"
                                + ".s3AclOption' failed to satisfy constraint: Member must satisfy enum value set: "
                                + "[BUCKET_OWNER_FULL_CONTROL]"));
    }

    @Test
    void startQueryExecution_workgroupEnforcingItsConfiguration_overridesTheClientsEncryption() {
        athena.createWorkGroup(r -> r.name("etl").configuration(c -> c.enforceWorkGroupConfiguration(true)
                .resultConfiguration(rc -> rc.outputLocation("s3://" + resultsBucket() + "/etl/")
                        .encryptionConfiguration(e -> e.encryptionOption(EncryptionOption.SSE_S3)))));

        String id = athena.startQueryExecution(r -> r.queryString("SELECT 1").workGroup("etl")
                .resultConfiguration(c -> c.outputLocation("s3://" + resultsBucket() + "/mine/"))).queryExecutionId();

        ResultConfiguration results = describe(id).resultConfiguration();
        assertThat(results.outputLocation()).startsWith("s3://" + resultsBucket() + "/etl/");
        assertThat(results.encryptionConfiguration().encryptionOption()).isEqualTo(EncryptionOption.SSE_S3);
    }

    private String resultsBucket() {
        return "aws-athena-query-results-" + aws.accountId() + "-us-east-1";
    }

    @Test
    void resultReuse_enabledWithoutMaxAge_reusesResultsUpToAnHourOld() {
        describe(athena.startQueryExecution(r -> r.queryString("SELECT 42")).queryExecutionId());
        aws.clock().advance(Duration.ofMinutes(10));
        describe(athena.startQueryExecution(r -> r.queryString("SELECT 43")).queryExecutionId());
        aws.clock().advance(Duration.ofMinutes(50));

        String recent = athena.startQueryExecution(r -> r.queryString("SELECT 43")
                .resultReuseConfiguration(c -> c.resultReuseByAgeConfiguration(a -> a.enabled(true)))).queryExecutionId();
        String old = athena.startQueryExecution(r -> r.queryString("SELECT 42")
                .resultReuseConfiguration(c -> c.resultReuseByAgeConfiguration(a -> a.enabled(true)))).queryExecutionId();

        assertThat(describe(recent).statistics().resultReuseInformation().reusedPreviousResult())
                .as("a 50-minute-old result").isTrue();
        assertThat(describe(old).statistics().resultReuseInformation().reusedPreviousResult())
                .as("a result just over 60 minutes old, the default maximum age").isFalse();
    }

    @Test
    void resultReuse_maxAgeAboveAWeek_failsWithInvalidRequest() {
        assertThatThrownBy(() -> athena.startQueryExecution(r -> r.queryString("SELECT 1")
                .resultReuseConfiguration(c -> c.resultReuseByAgeConfiguration(a -> a.enabled(true).maxAgeInMinutes(10_081)))))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((AwsServiceException) e).awsErrorDetails().errorMessage())
                        .isEqualTo("1 validation error detected: Value '10081' at 'resultReuseConfiguration."
                                + "resultReuseByAgeConfiguration.maxAgeInMinutes' failed to satisfy constraint: Member must "
                                + "have value less than or equal to 10080"));
    }

    @Test
    void getQueryResults_dataManifest_isRefusedAsNotImplemented() {
        String id = athena.startQueryExecution(r -> r.queryString("SELECT 1")).queryExecutionId();
        describe(id);

        assertNotImplemented(AthenaException.class, () -> athena.getQueryResults(r -> r.queryExecutionId(id)
                        .queryResultType(QueryResultType.DATA_MANIFEST)),
                "GetQueryResults with QueryResultType DATA_MANIFEST is not supported by the fake Athena");
        assertThat(athena.getQueryResults(r -> r.queryExecutionId(id).queryResultType(QueryResultType.DATA_ROWS))
                .resultSet().rows()).hasSize(2);
    }

    @Test
    void createWorkGroup_engineVersion_isReportedByItsQueries_andAnOlderEngineIsRefused() {
        athena.createWorkGroup(r -> r.name("v3").configuration(c -> c.engineVersion(v -> v
                .selectedEngineVersion("Athena engine version 3"))
                .resultConfiguration(rc -> rc.outputLocation("s3://" + resultsBucket() + "/v3/"))));
        String id = athena.startQueryExecution(r -> r.queryString("SELECT 1").workGroup("v3")).queryExecutionId();

        assertThat(describe(id).engineVersion().selectedEngineVersion()).isEqualTo("Athena engine version 3");
        assertNotImplemented(AthenaException.class, () -> athena.createWorkGroup(r -> r.name("v2").configuration(c -> c.engineVersion(v -> v
                        .selectedEngineVersion("Athena engine version 2")))),
                "CreateWorkGroup with Configuration.EngineVersion 'Athena engine version 2' (the fake runs Athena engine "
                        + "version 3) is not supported by the fake Athena");
    }

    @Test
    void createWorkGroup_kmsEncryptedResults_isRefusedAsNotImplemented() {
        assertNotImplemented(AthenaException.class, () -> athena.createWorkGroup(r -> r.name("kms").configuration(c -> c.resultConfiguration(rc -> rc
                        .outputLocation("s3://" + resultsBucket() + "/kms/")
                        .encryptionConfiguration(e -> e.encryptionOption(EncryptionOption.CSE_KMS).kmsKey("alias/k"))))),
                "CreateWorkGroup with ResultConfiguration.EncryptionConfiguration CSE_KMS (the fake S3 stores results with "
                        + "SSE-S3 only) is not supported by the fake Athena");
    }

    @Test
    void createWorkGroup_managedQueryResults_isRefusedAsNotImplemented() {
        assertNotImplemented(AthenaException.class, () -> athena.createWorkGroup(r -> r.name("managed").configuration(c -> c
                        .managedQueryResultsConfiguration(m -> m.enabled(true)))),
                "CreateWorkGroup with Configuration.ManagedQueryResultsConfiguration (managed query results) is not "
                        + "supported by the fake Athena");
    }
    @Test
    void workgroupNameOutsideItsPattern_failsValidation_ratherThanAsAnUnknownWorkgroup() {
        // Athena API reference, WorkGroupName: pattern [a-zA-Z0-9._-]{1,128} wherever a request names a workgroup.
        String violation = "Value 'team a' at 'workGroup' failed to satisfy constraint: Member must satisfy regular "
                + "expression pattern: [a-zA-Z0-9._-]{1,128}";

        assertThatThrownBy(() -> athena.startQueryExecution(r -> r.queryString("SELECT 1").workGroup("team a")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining(violation);
        assertThatThrownBy(() -> athena.listQueryExecutions(r -> r.workGroup("team a")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining(violation);
        assertThatThrownBy(() -> athena.getWorkGroup(r -> r.workGroup("team a")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining(violation);
        assertThatThrownBy(() -> athena.getWorkGroup(r -> r.workGroup("team-a")))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("WorkGroup team-a is not found.");
    }

    @Test
    void createWorkGroup_descriptionOver1024Characters_failsValidation_andGetWorkGroupReportsTheCreationTime() {
        // API_CreateWorkGroup: Description 0-1024 characters; API_WorkGroup: CreationTime.
        assertThatThrownBy(() -> athena.createWorkGroup(r -> r.name("long").description("d".repeat(1025))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("at 'description' failed to satisfy constraint: Member must have length less than "
                        + "or equal to 1024");

        java.time.Instant now = aws.clock().instant();
        athena.createWorkGroup(r -> r.name("etl").description("d".repeat(1024)));

        assertThat(athena.getWorkGroup(r -> r.workGroup("etl")).workGroup().creationTime()).isEqualTo(now);
        assertThat(athena.getWorkGroup(r -> r.workGroup("primary")).workGroup().creationTime()).isNotNull();
    }
}
