package io.dataplatform.testing.s3;

import static io.dataplatform.testing.s3.Policies.allow;
import static io.dataplatform.testing.s3.Policies.deny;
import static io.dataplatform.testing.s3.PolicyDecisionCase.Act.DELETE_POLICY;
import static io.dataplatform.testing.s3.PolicyDecisionCase.Act.GET;
import static io.dataplatform.testing.s3.PolicyDecisionCase.Act.GET_POLICY;
import static io.dataplatform.testing.s3.PolicyDecisionCase.Act.LIST;
import static io.dataplatform.testing.s3.PolicyDecisionCase.Act.PUT;
import static io.dataplatform.testing.s3.PolicyDecisionCase.Act.PUT_SSE;
import static io.dataplatform.testing.s3.PolicyDecisionCase.Block.OFF;
import static io.dataplatform.testing.s3.PolicyDecisionCase.Block.RESTRICT_ONLY;
import static io.dataplatform.testing.s3.PolicyDecisionCase.Iam.ALLOW_BUCKET;
import static io.dataplatform.testing.s3.PolicyDecisionCase.Iam.DENY_ALL;
import static io.dataplatform.testing.s3.PolicyDecisionCase.Origin.PLAIN_HTTP;
import static io.dataplatform.testing.s3.PolicyDecisionCase.Origin.PRIVATE_10;
import static io.dataplatform.testing.s3.PolicyDecisionCase.Origin.VPC_ENDPOINT;
import static io.dataplatform.testing.s3.PolicyDecisionCase.Who.ADMIN;
import static io.dataplatform.testing.s3.PolicyDecisionCase.Who.ANONYMOUS;
import static io.dataplatform.testing.s3.PolicyDecisionCase.Who.CROSS_ACCOUNT_ROLE;
import static io.dataplatform.testing.s3.PolicyDecisionCase.Who.ROLE;
import static io.dataplatform.testing.s3.PolicyDecisionCase.when;
import static org.assertj.core.api.Assertions.assertThat;

import io.dataplatform.s3.Principal;
import io.dataplatform.testing.FakeAws;
import io.dataplatform.testing.RequestOrigin;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The policy-evaluation table: each row runs one request through a fresh world's S3 client and
 * checks the decision against the AWS page cited in the row.
 */
class FakeS3PolicyDecisionTableTest {
    private static final String IAM = "https://docs.aws.amazon.com/IAM/latest/UserGuide/";
    private static final String EVAL = IAM + "reference_policies_evaluation-logic_policy-eval-denyallow.html";
    private static final String SAME = IAM + "reference_policies_evaluation-logic_policy-eval-basics.html";
    private static final String CROSS = IAM + "reference_policies_evaluation-logic-cross-account.html";
    private static final String PRINCIPAL = IAM + "reference_policies_elements_principal.html";
    private static final String OPERATORS = IAM + "reference_policies_elements_condition_operators.html";
    private static final String MULTI = IAM + "reference_policies_condition-single-vs-multi-valued-context-keys.html";
    private static final String GLOBAL_KEYS = IAM + "reference_policies_condition-keys.html";
    private static final String S3_KEYS = "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html";
    private static final String BPA = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html";
    private static final String LOCKOUT = "https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteBucketPolicy.html";

    private static final String ROLE_ARN = "arn:aws:iam::123456789012:role/analyst";
    private static final String PARTNER_ARN = "arn:aws:iam::999999999999:role/partner";
    private static final String OBJECTS = "arn:aws:s3:::acme-raw/*";
    private static final String BUCKET = "arn:aws:s3:::acme-raw";
    private static final String ANYONE = "\"*\"";
    private static final String ROLE_JSON = "{\"AWS\":\"" + ROLE_ARN + "\"}";
    private static final String PARTNER_JSON = "{\"AWS\":\"" + PARTNER_ARN + "\"}";

    static Stream<PolicyDecisionCase> cases() {
        return Stream.of(
                // Principal kinds without conditions.
                when(ADMIN, GET).allowed("root user, no bucket policy", EVAL),
                when(ROLE, GET).denied("same-account role, no policy anywhere: implicit deny", EVAL),
                when(ROLE, GET).iam(ALLOW_BUCKET).allowed("same-account role, identity policy only", SAME),
                when(ROLE, GET).policy(allow(ROLE_JSON, "s3:GetObject", OBJECTS)).allowed("same-account role, bucket policy only", SAME),
                when(ROLE, GET).policy(allow(ROLE_JSON, "s3:GetObject", OBJECTS)).iam(ALLOW_BUCKET).allowed("same-account role, both allow", SAME),
                when(ROLE, PUT).policy(allow(ROLE_JSON, "s3:GetObject", OBJECTS)).denied("same-account role, other action than granted", EVAL),
                when(CROSS_ACCOUNT_ROLE, GET).policy(allow(PARTNER_JSON, "s3:GetObject", OBJECTS)).denied("cross-account role, bucket policy only", CROSS),
                when(CROSS_ACCOUNT_ROLE, GET).iam(ALLOW_BUCKET).denied("cross-account role, identity policy only", CROSS),
                when(CROSS_ACCOUNT_ROLE, GET).policy(allow(PARTNER_JSON, "s3:GetObject", OBJECTS)).iam(ALLOW_BUCKET).allowed("cross-account role, both allow", CROSS),
                when(CROSS_ACCOUNT_ROLE, GET).policy(allow("{\"AWS\":\"999999999999\"}", "s3:GetObject", OBJECTS)).iam(ALLOW_BUCKET)
                        .allowed("cross-account role, bucket policy names its account, identity allows", PRINCIPAL),
                when(ROLE, GET).policy(allow("{\"AWS\":\"arn:aws:iam::123456789012:root\"}", "s3:GetObject", OBJECTS))
                        .denied("own account named: delegates to IAM, role has no identity grant", PRINCIPAL),
                when(ANONYMOUS, GET).denied("anonymous, no policy", EVAL),
                when(ANONYMOUS, GET).policy(allow(ANYONE, "s3:GetObject", OBJECTS)).block(OFF).allowed("anonymous, public policy, no public access block", BPA),
                when(ANONYMOUS, PUT).policy(allow(ANYONE, "s3:GetObject", OBJECTS)).block(OFF).denied("anonymous, public read does not grant write", EVAL),
                // Block Public Access.
                when(ANONYMOUS, GET).policy(allow(ANYONE, "s3:GetObject", OBJECTS)).block(RESTRICT_ONLY).denied("anonymous, public policy, RestrictPublicBuckets", BPA),
                when(CROSS_ACCOUNT_ROLE, GET).policy(allow(ANYONE, "s3:GetObject", OBJECTS)).iam(ALLOW_BUCKET).block(RESTRICT_ONLY)
                        .denied("cross-account role, public policy, RestrictPublicBuckets", BPA),
                when(CROSS_ACCOUNT_ROLE, GET).policy(allow(PARTNER_JSON, "s3:GetObject", OBJECTS) + "," + allow(ANYONE, "s3:GetObject", OBJECTS))
                        .iam(ALLOW_BUCKET).block(RESTRICT_ONLY).denied("RestrictPublicBuckets blocks all cross-account access to a public bucket", BPA),
                when(ROLE, GET).policy(allow(ANYONE, "s3:GetObject", OBJECTS)).block(RESTRICT_ONLY).allowed("own-account role, public policy, RestrictPublicBuckets", BPA),
                when(CROSS_ACCOUNT_ROLE, GET).policy(allow(ANYONE, "s3:GetObject", OBJECTS)).iam(ALLOW_BUCKET).block(OFF)
                        .allowed("cross-account role, public policy, no block", CROSS),
                when(CROSS_ACCOUNT_ROLE, GET).policy(allow(ANYONE, "s3:GetObject", OBJECTS,
                        "{\"StringEquals\":{\"aws:PrincipalAccount\":\"999999999999\"}}")).iam(ALLOW_BUCKET)
                        .allowed("Principal * pinned by aws:PrincipalAccount is not public", BPA),
                // Explicit deny.
                when(ADMIN, GET).policy(deny(ANYONE, "s3:GetObject", OBJECTS, null)).denied("root user, explicit deny in bucket policy", EVAL),
                when(ROLE, GET).policy(deny(ROLE_JSON, "s3:GetObject", OBJECTS, null)).iam(ALLOW_BUCKET).denied("identity allow, bucket deny", EVAL),
                when(ROLE, GET).policy(allow(ROLE_JSON, "s3:GetObject", OBJECTS)).iam(DENY_ALL).denied("bucket allow, identity deny", EVAL),
                when(CROSS_ACCOUNT_ROLE, GET).policy(allow(PARTNER_JSON, "s3:GetObject", OBJECTS) + ","
                        + deny("{\"AWS\":\"999999999999\"}", "s3:*", OBJECTS, null)).iam(ALLOW_BUCKET).denied("cross-account, its account denied", CROSS),
                when(ADMIN, GET).policy("{\"Effect\":\"Deny\",\"NotPrincipal\":" + ROLE_JSON + ",\"Action\":\"s3:GetObject\",\"Resource\":\""
                        + OBJECTS + "\"}").denied("NotPrincipal deny covers everyone else", PRINCIPAL),
                when(ADMIN, DELETE_POLICY).policy(deny(ANYONE, "s3:*", BUCKET, null)).allowed("owner root deletes a policy that denies it", LOCKOUT),
                when(ADMIN, GET_POLICY).policy(deny(ANYONE, "s3:*", BUCKET, null)).allowed("owner root reads a policy that denies it", LOCKOUT),
                when(ROLE, DELETE_POLICY).policy(deny(ANYONE, "s3:*", BUCKET, null)).iam(ALLOW_BUCKET).denied("only the root user escapes the lockout", LOCKOUT),
                // Conditions: network and transport.
                when(ADMIN, GET).policy(deny(ANYONE, "s3:*", OBJECTS, "{\"Bool\":{\"aws:SecureTransport\":\"false\"}}")).allowed("TLS request, deny insecure transport", GLOBAL_KEYS),
                when(ADMIN, GET).policy(deny(ANYONE, "s3:*", OBJECTS, "{\"Bool\":{\"aws:SecureTransport\":\"false\"}}")).from(PLAIN_HTTP)
                        .denied("plain HTTP request, deny insecure transport", GLOBAL_KEYS),
                when(ADMIN, GET).policy(deny(ANYONE, "s3:*", OBJECTS, "{\"StringNotEquals\":{\"aws:SourceVpce\":\"vpce-1a2b3c4d\"}}"))
                        .denied("internet request, deny unless VPC endpoint: key missing, negated operator is true", OPERATORS),
                when(ADMIN, GET).policy(deny(ANYONE, "s3:*", OBJECTS, "{\"StringNotEquals\":{\"aws:SourceVpce\":\"vpce-1a2b3c4d\"}}")).from(VPC_ENDPOINT)
                        .allowed("request through the named VPC endpoint", GLOBAL_KEYS),
                when(ADMIN, GET).policy(deny(ANYONE, "s3:*", OBJECTS, "{\"StringEqualsIfExists\":{\"aws:SourceVpce\":\"vpce-9\"}}"))
                        .denied("IfExists on a missing key is true", OPERATORS),
                when(ADMIN, GET).policy(deny(ANYONE, "s3:*", OBJECTS, "{\"NotIpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}"))
                        .denied("internet address outside the allowed range", OPERATORS),
                when(ADMIN, GET).policy(deny(ANYONE, "s3:*", OBJECTS, "{\"NotIpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}")).from(PRIVATE_10)
                        .allowed("address inside the range", OPERATORS),
                when(ADMIN, GET).policy(deny(ANYONE, "s3:*", OBJECTS, "{\"NotIpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}")).from(VPC_ENDPOINT)
                        .denied("through a VPC endpoint aws:SourceIp is missing: NotIpAddress is true", GLOBAL_KEYS),
                when(ADMIN, GET).policy(deny(ANYONE, "s3:*", OBJECTS, "{\"IpAddress\":{\"aws:SourceIp\":\"192.0.2.0/24\"}}"))
                        .denied("IpAddress matches the caller's address", OPERATORS),
                // Conditions: S3 request keys.
                when(ADMIN, PUT).policy(deny(ANYONE, "s3:PutObject", OBJECTS, "{\"Null\":{\"s3:x-amz-server-side-encryption\":\"true\"}}"))
                        .denied("Null: put without an encryption header", OPERATORS),
                when(ADMIN, PUT_SSE).policy(deny(ANYONE, "s3:PutObject", OBJECTS, "{\"Null\":{\"s3:x-amz-server-side-encryption\":\"true\"}}"))
                        .allowed("Null: put with an encryption header", OPERATORS),
                when(ADMIN, PUT_SSE).policy(deny(ANYONE, "s3:PutObject", OBJECTS, "{\"StringNotEquals\":{\"s3:x-amz-server-side-encryption\":\"aws:kms\"}}"))
                        .denied("SSE-S3 header where aws:kms is required", S3_KEYS),
                when(ROLE, LIST).policy(allow(ROLE_JSON, "s3:ListBucket", BUCKET, "{\"StringLike\":{\"s3:prefix\":\"data/*\"}}"))
                        .allowed("ListBucket within the allowed prefix", S3_KEYS),
                when(ROLE, LIST).policy(allow(ROLE_JSON, "s3:ListBucket", BUCKET, "{\"StringLike\":{\"s3:prefix\":\"other/*\"}}"))
                        .denied("ListBucket outside the allowed prefix", S3_KEYS),
                when(ROLE, LIST).policy(allow(ROLE_JSON, "s3:ListBucket", BUCKET, "{\"NumericLessThanEquals\":{\"s3:max-keys\":\"100\"}}"))
                        .allowed("max-keys 50 <= 100", OPERATORS),
                when(ROLE, LIST).policy(allow(ROLE_JSON, "s3:ListBucket", BUCKET, "{\"NumericLessThan\":{\"s3:max-keys\":\"10\"}}"))
                        .denied("max-keys 50 is not < 10", OPERATORS),
                // Conditions: principal and time keys, operators and their combination.
                when(ROLE, GET).policy(allow(ROLE_JSON, "s3:GetObject", OBJECTS, "{\"StringEquals\":{\"aws:PrincipalType\":\"AssumedRole\"}}"))
                        .allowed("aws:PrincipalType of a role", GLOBAL_KEYS),
                when(ROLE, GET).policy(allow(ANYONE, "s3:GetObject", OBJECTS, "{\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::123456789012:role/ana*\"}}"))
                        .block(OFF).allowed("ArnLike on aws:PrincipalArn (a wildcard value leaves the policy public)", OPERATORS),
                when(ROLE, GET).policy(allow(ROLE_JSON, "s3:GetObject", OBJECTS, "{\"Bool\":{\"aws:SecureTransport\":\"true\"}}"))
                        .allowed("Bool on a present key", OPERATORS),
                when(ADMIN, GET).policy(deny(ANYONE, "s3:*", OBJECTS, "{\"DateLessThan\":{\"aws:CurrentTime\":\"2025-01-01T00:00:00Z\"}}"))
                        .denied("aws:CurrentTime from the fake clock (2024-01-01)", OPERATORS),
                when(ADMIN, GET).policy(deny(ANYONE, "s3:*", OBJECTS, "{\"StringEqualsIgnoreCase\":{\"aws:PrincipalType\":\"ACCOUNT\"}}"))
                        .denied("StringEqualsIgnoreCase", OPERATORS),
                when(ADMIN, GET).policy(deny(ANYONE, "s3:*", OBJECTS, "{\"StringEquals\":{\"aws:PrincipalType\":[\"User\",\"Account\"]}}"))
                        .denied("several values of one key are OR'd", OPERATORS),
                when(ADMIN, GET).policy(deny(ANYONE, "s3:*", OBJECTS,
                        "{\"Bool\":{\"aws:SecureTransport\":\"true\"},\"StringEquals\":{\"aws:PrincipalType\":\"User\"}}"))
                        .allowed("several operators are AND'd: one is false", OPERATORS),
                when(ADMIN, GET).policy(deny(ANYONE, "s3:*", OBJECTS, "{\"StringEquals\":{\"aws:PrincipalTag/team\":\"x\"}}"))
                        .allowed("a key the request lacks makes a positive operator false", OPERATORS),
                when(ADMIN, GET).policy(deny(ANYONE, "s3:*", OBJECTS, "{\"StringNotEquals\":{\"aws:PrincipalTag/team\":\"x\"}}"))
                        .denied("a key the request lacks makes a negated operator true", OPERATORS),
                when(ADMIN, GET).policy(deny(ANYONE, "s3:*", OBJECTS, "{\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"team\"]}}"))
                        .denied("ForAllValues on a missing key is true", MULTI),
                when(ADMIN, GET).policy(deny(ANYONE, "s3:*", OBJECTS, "{\"ForAnyValue:StringEquals\":{\"aws:TagKeys\":[\"team\"]}}"))
                        .allowed("ForAnyValue on a missing key is false", MULTI));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decisionMatchesTheDocumentedOne(PolicyDecisionCase c) {
        FakeAws aws = FakeAws.create();
        S3Client admin = aws.s3();
        admin.createBucket(b -> b.bucket("acme-raw"));
        S3TestSupport.put(admin, "acme-raw", "data/a.csv", "a");
        switch (c.block()) {
            case OFF -> admin.deletePublicAccessBlock(b -> b.bucket("acme-raw"));
            case RESTRICT_ONLY -> admin.putPublicAccessBlock(b -> b.bucket("acme-raw")
                    .publicAccessBlockConfiguration(p -> p.restrictPublicBuckets(true)));
            case DEFAULT -> { }
        }
        if (c.bucketPolicy() != null) {
            admin.putBucketPolicy(b -> b.bucket("acme-raw").policy(Policies.document(c.bucketPolicy())));
        }
        Principal principal = switch (c.who()) {
            case ADMIN -> Principal.account(aws.accountId());
            case ROLE -> Principal.arn(ROLE_ARN);
            case CROSS_ACCOUNT_ROLE -> Principal.arn(PARTNER_ARN);
            case ANONYMOUS -> Principal.anyone();
        };
        switch (c.iam()) {
            case ALLOW_BUCKET -> aws.iam().attachPolicy(principal, Policies.document("{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                    + "\"Resource\":[\"" + BUCKET + "\",\"" + OBJECTS + "\"]}"));
            case DENY_ALL -> aws.iam().attachPolicy(principal, Policies.document("{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}"));
            case NONE -> { }
        }
        aws.iam().requestsFrom(principal, switch (c.origin()) {
            case INTERNET -> RequestOrigin.internet();
            case PRIVATE_10 -> RequestOrigin.ip("10.1.2.3");
            case VPC_ENDPOINT -> RequestOrigin.vpcEndpoint("vpce-1a2b3c4d", "vpc-111bbb22", "10.0.1.7");
            case PLAIN_HTTP -> RequestOrigin.internet().withoutTls();
        });
        S3Client client = c.who() == PolicyDecisionCase.Who.ADMIN ? admin : aws.s3(principal);

        assertThat(attempt(client, c.act())).as("%s, per %s", c.name(), c.source()).isEqualTo(c.allowed());
    }

    /** Returns true if the request succeeded, false on 403 AccessDenied; any other failure fails the test. */
    private static boolean attempt(S3Client s3, PolicyDecisionCase.Act act) {
        try {
            switch (act) {
                case GET -> S3TestSupport.get(s3, "acme-raw", "data/a.csv");
                case PUT -> S3TestSupport.put(s3, "acme-raw", "data/b.csv", "b");
                case PUT_SSE -> s3.putObject(b -> b.bucket("acme-raw").key("data/b.csv")
                        .serverSideEncryption(ServerSideEncryption.AES256), RequestBody.fromString("b"));
                case LIST -> s3.listObjectsV2(b -> b.bucket("acme-raw").prefix("data/").maxKeys(50));
                case GET_POLICY -> s3.getBucketPolicy(b -> b.bucket("acme-raw"));
                case DELETE_POLICY -> s3.deleteBucketPolicy(b -> b.bucket("acme-raw"));
            }
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 403 && "AccessDenied".equals(e.awsErrorDetails().errorCode())) {
                return false;
            }
            throw e;
        }
    }
}
