package io.dataplatform.testing.s3;

import static io.dataplatform.testing.s3.S3TestSupport.createBucket;
import static io.dataplatform.testing.s3.S3TestSupport.expectS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.dataplatform.testing.FakeAws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.s3.S3Client;

/** PutBucketPolicy refuses, with 400 MalformedPolicy and S3's message, what S3 refuses; nothing is stored. */
class FakeS3PolicyValidationTest {
    private static final String OBJECTS = "arn:aws:s3:::acme-raw/*";
    private final S3Client admin = FakeAws.create().s3();

    @BeforeEach
    void bucket() {
        createBucket(admin, "acme-raw");
    }

    private void rejected(String policy, String message) {
        expectS3Error(() -> admin.putBucketPolicy(b -> b.bucket("acme-raw").policy(policy)), 400, "MalformedPolicy", message);
        expectS3Error(() -> admin.getBucketPolicy(b -> b.bucket("acme-raw")), 404, "NoSuchBucketPolicy",
                "The bucket policy does not exist");
    }

    private static String statement(String body) {
        return Policies.document("{" + body + "}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown operator        | "Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::acme-raw/*","Condition":{"StringEqualz":{"aws:SourceVpce":"vpce-1"}} | Invalid Condition type : StringEqualz
            IfExists on Null        | "Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::acme-raw/*","Condition":{"NullIfExists":{"aws:SourceVpce":"true"}} | Invalid Condition type : NullIfExists
            unknown s3 key          | "Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::acme-raw/*","Condition":{"StringEquals":{"s3:x-acl":"private"}} | Policy has an invalid condition key
            bad CIDR                | "Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::acme-raw/*","Condition":{"NotIpAddress":{"aws:SourceIp":"10.0.0.0/33"}} | Invalid IP address in Conditions
            unknown action          | "Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":"s3:GetObjects","Resource":"arn:aws:s3:::acme-raw/*" | Policy has invalid action
            wildcard naming nothing | "Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":"s3:Fetch*","Resource":"arn:aws:s3:::acme-raw/*" | Policy has invalid action
            other service's action  | "Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":"ec2:RunInstances","Resource":"arn:aws:s3:::acme-raw/*" | Policy has invalid action
            wildcard principal ARN  | "Effect":"Allow","Principal":{"AWS":"arn:aws:iam::*:role/x"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-raw/*" | Invalid principal in policy
            malformed principal     | "Effect":"Allow","Principal":{"AWS":"analyst"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-raw/*" | Invalid principal in policy
            other bucket            | "Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::other/*" | Policy has invalid resource
            action not on resource  | "Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-raw" | Action does not apply to any resource(s) in statement
            missing Effect          | "Principal":{"AWS":"123456789012"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-raw/*" | Missing required field Effect
            bad Effect              | "Effect":"Permit","Principal":{"AWS":"123456789012"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-raw/*" | Invalid effect: Permit
            missing Principal       | "Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-raw/*" | Missing required field Principal
            missing Action          | "Effect":"Allow","Principal":{"AWS":"123456789012"},"Resource":"arn:aws:s3:::acme-raw/*" | Missing required field Action
            missing Resource        | "Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":"s3:GetObject" | Missing required field Resource
            """)
    void malformedStatement_isRejected(String what, String body, String message) {
        rejected(statement(body), message);
    }

    @ParameterizedTest(name = "version {0}")
    @CsvSource({"2012-10-18", "2024-01-01"})
    void unknownVersion_isRejected(String version) {
        rejected("{\"Version\":\"" + version + "\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"123456789012\"},"
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"" + OBJECTS + "\"}]}", "The policy must contain a valid version string");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            wildcard action        | "Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":["s3:Get*","s3:List*"],"Resource":["arn:aws:s3:::acme-raw","arn:aws:s3:::acme-raw/*"]
            set qualifier          | "Effect":"Deny","Principal":"*","Action":"s3:PutObject","Resource":"arn:aws:s3:::acme-raw/*","Condition":{"ForAllValues:StringLike":{"s3:RequestObjectTagKeys":["team","cost-*"]}}
            IfExists and tag key   | "Effect":"Deny","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-raw/*","Condition":{"StringNotEqualsIfExists":{"s3:ExistingObjectTag/class":"public"}}
            IPv6 and service       | "Effect":"Allow","Principal":{"Service":"logging.s3.amazonaws.com"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::acme-raw/*","Condition":{"IpAddress":{"aws:SourceIp":"2001:db8::/32"}}
            """)
    void validStatement_isStored(String what, String body) {
        String policy = statement(body);
        admin.putBucketPolicy(b -> b.bucket("acme-raw").policy(policy));
        assertThat(admin.getBucketPolicy(b -> b.bucket("acme-raw")).policy()).isEqualTo(policy);
    }
}
