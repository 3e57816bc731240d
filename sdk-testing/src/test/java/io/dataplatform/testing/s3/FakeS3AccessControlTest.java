package io.dataplatform.testing.s3;

import static io.dataplatform.testing.s3.S3TestSupport.createBucket;
import static io.dataplatform.testing.s3.S3TestSupport.expectS3Error;
import static io.dataplatform.testing.s3.S3TestSupport.get;
import static io.dataplatform.testing.s3.S3TestSupport.put;
import static org.assertj.core.api.Assertions.assertThat;

import io.dataplatform.s3.Principal;
import io.dataplatform.testing.FakeAws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

class FakeS3AccessControlTest {
    private static final String ANALYST = "arn:aws:iam::123456789012:role/analyst";
    private static final String IAM_GET_OBJECT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::acme-raw/*\"}]}";
    private final FakeAws aws = FakeAws.create();
    private final S3Client admin = aws.s3();
    private final S3Client analyst = aws.s3(Principal.role("analyst"));
    private final S3Client outsider = aws.s3(Principal.arn("arn:aws:iam::999999999999:role/partner"));

    @BeforeEach
    void bucket() {
        createBucket(admin, "acme-raw");
        put(admin, "acme-raw", "sales/a.csv", "a");
        put(admin, "acme-raw", "hr/pay.csv", "secret");
    }

    private void policy(String statements) {
        admin.putBucketPolicy(b -> b.bucket("acme-raw").policy("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}"));
    }

    private static String statement(String effect, String principal, String action, String resource, String condition) {
        return "{\"Effect\":\"" + effect + "\",\"Principal\":" + principal + ",\"Action\":\"" + action
                + "\",\"Resource\":\"" + resource + "\"" + (condition == null ? "" : ",\"Condition\":" + condition) + "}";
    }

    private static void denied(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        expectS3Error(call, 403, "AccessDenied", "Access Denied");
    }

    @Test
    void roleWithoutPolicy_isImplicitlyDenied() {
        denied(() -> get(analyst, "acme-raw", "sales/a.csv"));
        denied(() -> put(analyst, "acme-raw", "sales/b.csv", "b"));
        denied(() -> analyst.listBuckets());
    }

    @Test
    void allowForRole_grantsOnlyTheNamedActionAndResources() {
        policy(statement("Allow", "{\"AWS\":\"" + ANALYST + "\"}", "s3:GetObject", "arn:aws:s3:::acme-raw/sales/*", null));

        assertThat(get(analyst, "acme-raw", "sales/a.csv")).isEqualTo("a");
        denied(() -> get(analyst, "acme-raw", "hr/pay.csv"));
        denied(() -> put(analyst, "acme-raw", "sales/b.csv", "b"));
        // Without s3:ListBucket a missing key is 403, not 404: S3 does not reveal what is absent.
        denied(() -> get(analyst, "acme-raw", "sales/missing.csv"));
    }

    @Test
    void explicitDeny_beatsAllow_evenForAdministrator() {
        policy(statement("Allow", "{\"AWS\":\"" + ANALYST + "\"}", "s3:*", "arn:aws:s3:::acme-raw/*", null) + ","
                + statement("Deny", "\"*\"", "s3:GetObject", "arn:aws:s3:::acme-raw/hr/*", null));

        denied(() -> get(analyst, "acme-raw", "hr/pay.csv"));
        denied(() -> get(admin, "acme-raw", "hr/pay.csv"));
        assertThat(get(analyst, "acme-raw", "sales/a.csv")).isEqualTo("a");
        assertThat(get(admin, "acme-raw", "sales/a.csv")).isEqualTo("a");
    }

    /** Naming an account delegates to its IAM (IAM "AWS JSON policy elements: Principal", AWS account principals). */
    @Test
    void accountPrincipal_delegatesToTheAccount_whoseRolesNeedTheirOwnGrant() {
        policy(statement("Allow", "{\"AWS\":\"arn:aws:iam::123456789012:root\"}", "s3:GetObject", "arn:aws:s3:::acme-raw/*", null));

        denied(() -> get(analyst, "acme-raw", "sales/a.csv"));
        denied(() -> get(outsider, "acme-raw", "sales/a.csv"));
        aws.iam().attachPolicy(Principal.role("analyst"), IAM_GET_OBJECT);
        assertThat(get(analyst, "acme-raw", "sales/a.csv")).isEqualTo("a");
    }

    @Test
    void listBucketCondition_onPrefix_isEnforced() {
        policy(statement("Allow", "{\"AWS\":\"" + ANALYST + "\"}", "s3:ListBucket", "arn:aws:s3:::acme-raw",
                "{\"StringLike\":{\"s3:prefix\":\"sales/*\"}}"));

        assertThat(analyst.listObjectsV2(b -> b.bucket("acme-raw").prefix("sales/")).keyCount()).isEqualTo(1);
        denied(() -> analyst.listObjectsV2(b -> b.bucket("acme-raw").prefix("hr/")));
        denied(() -> analyst.listObjectsV2(b -> b.bucket("acme-raw")));
    }

    @Test
    void denyWithoutSecureTransport_neverMatchesSdkCalls() {
        policy(statement("Deny", "\"*\"", "s3:*", "arn:aws:s3:::acme-raw/*", "{\"Bool\":{\"aws:SecureTransport\":\"false\"}}"));
        assertThat(get(admin, "acme-raw", "sales/a.csv")).isEqualTo("a");
    }

    @Test
    void sourceIpCondition_outsideTheRange_makesTheAllowNotMatch() {
        policy(statement("Allow", "{\"AWS\":\"" + ANALYST + "\"}", "s3:GetObject", "arn:aws:s3:::acme-raw/*",
                "{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}"));
        denied(() -> get(analyst, "acme-raw", "sales/a.csv"));
    }

    @Test
    void blockPublicPolicy_rejectsPublicPolicy() {
        denied(() -> policy(statement("Allow", "\"*\"", "s3:GetObject", "arn:aws:s3:::acme-raw/*", null)));
    }

    @Test
    void blockPublicPolicy_allowsStarPrincipalPinnedByPrincipalArn() {
        policy(statement("Allow", "\"*\"", "s3:GetObject", "arn:aws:s3:::acme-raw/*",
                "{\"StringEquals\":{\"aws:PrincipalArn\":\"" + ANALYST + "\"}}"));
        assertThat(get(analyst, "acme-raw", "sales/a.csv")).isEqualTo("a");
        denied(() -> get(outsider, "acme-raw", "sales/a.csv"));
    }

    @Test
    void restrictPublicBuckets_publicPolicyGrantsOnlyOwnAccount() {
        admin.putPublicAccessBlock(b -> b.bucket("acme-raw").publicAccessBlockConfiguration(c -> c
                .blockPublicPolicy(false).restrictPublicBuckets(true)));
        policy(statement("Allow", "\"*\"", "s3:GetObject", "arn:aws:s3:::acme-raw/*", null));

        assertThat(get(analyst, "acme-raw", "sales/a.csv")).isEqualTo("a");
        denied(() -> get(outsider, "acme-raw", "sales/a.csv"));

        admin.deletePublicAccessBlock(b -> b.bucket("acme-raw"));
        // Cross-account, the outsider's own IAM policy must allow the read as well.
        denied(() -> get(outsider, "acme-raw", "sales/a.csv"));
        aws.iam().attachPolicy(Principal.arn("arn:aws:iam::999999999999:role/partner"), IAM_GET_OBJECT);
        assertThat(get(outsider, "acme-raw", "sales/a.csv")).isEqualTo("a");
    }

    @Test
    void notPrincipalDeny_deniesEveryoneElse() {
        policy(statement("Allow", "{\"AWS\":\"" + ANALYST + "\"}", "s3:GetObject", "arn:aws:s3:::acme-raw/*", null) + ","
                + "{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":\"" + ANALYST + "\"},\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::acme-raw/hr/*\"}");

        assertThat(get(analyst, "acme-raw", "hr/pay.csv")).isEqualTo("secret");
        denied(() -> get(admin, "acme-raw", "hr/pay.csv"));
    }

    @Test
    void versionedRead_needsGetObjectVersion() {
        admin.putBucketVersioning(b -> b.bucket("acme-raw").versioningConfiguration(v -> v.status("Enabled")));
        String version = put(admin, "acme-raw", "sales/a.csv", "a2").versionId();
        policy(statement("Allow", "{\"AWS\":\"" + ANALYST + "\"}", "s3:GetObject", "arn:aws:s3:::acme-raw/*", null));

        assertThat(get(analyst, "acme-raw", "sales/a.csv")).isEqualTo("a2");
        denied(() -> analyst.getObjectAsBytes(b -> b.bucket("acme-raw").key("sales/a.csv").versionId(version)));
    }
}
