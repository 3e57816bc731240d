package io.dataplatform.testing.s3;

import static io.dataplatform.testing.s3.S3TestSupport.createBucket;
import static io.dataplatform.testing.s3.S3TestSupport.expectS3Error;
import static io.dataplatform.testing.s3.S3TestSupport.get;
import static io.dataplatform.testing.s3.S3TestSupport.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.DataPlatform;
import io.dataplatform.s3.BucketPolicy;
import io.dataplatform.s3.Principal;
import io.dataplatform.testing.FakeAws;
import io.dataplatform.testing.RequestOrigin;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/** One test per access-control defect the fake S3 had: each failed before its fix. */
class FakeS3PolicyDefectsTest {
    private static final String PARTNER_ARN = "arn:aws:iam::999999999999:role/partner";
    private static final Principal PARTNER = Principal.arn(PARTNER_ARN);
    private final FakeAws aws = FakeAws.create();
    private final S3Client admin = aws.s3();

    @BeforeEach
    void bucket() {
        createBucket(admin, "acme-raw");
        put(admin, "acme-raw", "sales/a.csv", "a");
    }

    private void policy(String statements) {
        admin.putBucketPolicy(b -> b.bucket("acme-raw").policy(Policies.document(statements)));
    }

    private static void denied(ThrowingCallable call) {
        expectS3Error(call, 403, "AccessDenied", "Access Denied");
    }

    // 1. Cross-account: the bucket policy alone is not enough.

    @Test
    void crossAccountRole_grantedByBucketPolicyOnly_isDenied_untilItsOwnIamPolicyAllows() {
        policy(Policies.allow("{\"AWS\":\"" + PARTNER_ARN + "\"}", "s3:GetObject", "arn:aws:s3:::acme-raw/*"));
        S3Client partner = aws.s3(PARTNER);

        denied(() -> get(partner, "acme-raw", "sales/a.csv"));

        aws.iam().attachPolicy(PARTNER, Policies.identity("s3:GetObject", "arn:aws:s3:::acme-raw/*"));
        assertThat(get(partner, "acme-raw", "sales/a.csv")).isEqualTo("a");
    }

    @Test
    void crossAccountRole_withIamGrantOnly_isDenied() {
        aws.iam().attachPolicy(PARTNER, Policies.identity("s3:GetObject", "*"));
        denied(() -> get(aws.s3(PARTNER), "acme-raw", "sales/a.csv"));
    }

    @Test
    void sameAccountRole_withIamGrantOnly_isAllowed_throughDataPlatform() {
        aws.iam().attachPolicy(Principal.role("analyst"), Policies.identity("s3:GetObject", "arn:aws:s3:::acme-raw/sales/*"));
        DataPlatform analyst = aws.dataPlatform(Principal.role("analyst"));

        assertThat(analyst.bucket("acme-raw").get("sales/a.csv").bytes()).containsExactly('a');
    }

    @Test
    void identityPolicyDeny_beatsTheBucketPolicyAllow() {
        policy(Policies.allow("{\"AWS\":\"arn:aws:iam::123456789012:role/analyst\"}", "s3:GetObject",
                "arn:aws:s3:::acme-raw/*"));
        aws.iam().attachPolicy(Principal.role("analyst"), Policies.document(
                "{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"}"));
        denied(() -> get(aws.s3(Principal.role("analyst")), "acme-raw", "sales/a.csv"));
    }

    @Test
    void attachPolicy_toTheRootUserOrAnyone_isRefused() {
        assertThatThrownBy(() -> aws.iam().attachPolicy(Principal.anyone(), Policies.identity("s3:*", "*")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot attach an identity-based policy to anyone: only IAM users and roles hold them; use "
                        + "Principal.role(..), Principal.user(..) or a role or user ARN such as "
                        + "arn:aws:iam::111122223333:role/partner");
        assertThatThrownBy(() -> aws.iam().attachPolicy(Principal.role("analyst"),
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid identity-based policy: statement 1 must not name a Principal: an identity-based "
                        + "policy is about the identity it is attached to");
    }

    // 2. Conditions the fake did not model no longer keep a Deny from applying.

    @Test
    void denyUnlessFromVpcEndpoint_deniesCallsFromTheInternet_andAllowsThroughTheEndpoint() {
        policy(Policies.deny("\"*\"", "s3:*", "arn:aws:s3:::acme-raw/*",
                "{\"StringNotEquals\":{\"aws:SourceVpce\":\"vpce-1a2b3c4d\"}}"));

        denied(() -> get(admin, "acme-raw", "sales/a.csv"));
        aws.iam().requestsFrom(Principal.account(aws.accountId()),
                RequestOrigin.vpcEndpoint("vpce-1a2b3c4d", "vpc-111bbb22", "10.0.1.7"));
        assertThat(get(admin, "acme-raw", "sales/a.csv")).isEqualTo("a");
    }

    @Test
    void denyPutWithoutEncryptionHeader_usingNull_deniesPlainPuts() {
        policy(Policies.deny("\"*\"", "s3:PutObject", "arn:aws:s3:::acme-raw/*",
                "{\"Null\":{\"s3:x-amz-server-side-encryption\":\"true\"}}"));

        denied(() -> put(admin, "acme-raw", "sales/b.csv", "b"));
        admin.putObject(b -> b.bucket("acme-raw").key("sales/b.csv").serverSideEncryption(ServerSideEncryption.AES256),
                RequestBody.fromString("b"));
        assertThat(get(admin, "acme-raw", "sales/b.csv")).isEqualTo("b");
    }

    @Test
    void denyOutsideIpRange_deniesOtherAddresses() {
        policy(Policies.deny("\"*\"", "s3:*", "arn:aws:s3:::acme-raw/*",
                "{\"NotIpAddress\":{\"aws:SourceIp\":[\"203.0.113.0/24\",\"2001:db8::/32\"]}}"));

        denied(() -> get(admin, "acme-raw", "sales/a.csv"));
        aws.iam().requestsFrom(Principal.account(aws.accountId()), RequestOrigin.ip("2001:db8::7"));
        assertThat(get(admin, "acme-raw", "sales/a.csv")).isEqualTo("a");
    }

    @Test
    void forAnyValueDeny_onRequestTagKeys_deniesTaggedPuts() {
        policy(Policies.deny("\"*\"", "s3:PutObject", "arn:aws:s3:::acme-raw/*",
                "{\"ForAnyValue:StringEquals\":{\"s3:RequestObjectTagKeys\":[\"secret\"]}}"));

        denied(() -> admin.putObject(b -> b.bucket("acme-raw").key("t.csv").tagging("team=a&secret=1"),
                RequestBody.fromString("t")));
        put(admin, "acme-raw", "u.csv", "u");
    }

    @Test
    void dateCondition_followsTheFakeClock() {
        policy(Policies.deny("\"*\"", "s3:GetObject", "arn:aws:s3:::acme-raw/*",
                "{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2024-01-02T00:00:00Z\"}}"));

        assertThat(get(admin, "acme-raw", "sales/a.csv")).isEqualTo("a");
        aws.clock().advance(Duration.ofDays(2));
        denied(() -> get(admin, "acme-raw", "sales/a.csv"));
    }

    // 4. The bucket owner's root user cannot lock itself out of the bucket policy.

    @Test
    void denyEverything_stillLetsTheRootUserReadAndDeleteThePolicy() {
        policy(Policies.deny("\"*\"", "s3:*", "arn:aws:s3:::acme-raw", null));

        denied(() -> admin.getBucketVersioning(b -> b.bucket("acme-raw")));
        assertThat(admin.getBucketPolicy(b -> b.bucket("acme-raw")).policy()).contains("\"Deny\"");
        admin.deleteBucketPolicy(b -> b.bucket("acme-raw"));
        assertThat(admin.getBucketVersioning(b -> b.bucket("acme-raw")).statusAsString()).isNull();
    }

    @Test
    void denyEverything_throughDataPlatform_theOwnerCanReplaceThePolicy() {
        policy(Policies.deny("\"*\"", "s3:*", "arn:aws:s3:::acme-raw", null));
        aws.dataPlatform().bucket("acme-raw").policy(BucketPolicy.builder().allowRead(Principal.role("analyst"), "*").build());
        assertThat(aws.dataPlatform().bucket("acme-raw").policy().orElseThrow().statements()).hasSize(2);
    }

    @Test
    void policyOperations_byAnotherAccountWithPermission_answer405() {
        policy(Policies.allow("{\"AWS\":\"" + PARTNER_ARN + "\"}", "s3:GetBucketPolicy", "arn:aws:s3:::acme-raw"));
        aws.iam().attachPolicy(PARTNER, Policies.identity("s3:GetBucketPolicy", "*"));
        expectS3Error(() -> aws.s3(PARTNER).getBucketPolicy(b -> b.bucket("acme-raw")), 405, "MethodNotAllowed",
                "The specified method is not allowed against this resource.");
    }
}
