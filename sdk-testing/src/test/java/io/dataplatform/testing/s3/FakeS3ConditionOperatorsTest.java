package io.dataplatform.testing.s3;

import static io.dataplatform.testing.s3.S3TestSupport.createBucket;
import static io.dataplatform.testing.s3.S3TestSupport.put;
import static org.assertj.core.api.Assertions.assertThat;

import io.dataplatform.testing.FakeAws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Each operator family of "IAM JSON policy elements: Condition operators", as a Deny on the root
 * user's tagged PutObject. The request carries aws:PrincipalArn arn:aws:iam::123456789012:root,
 * aws:EpochTime 1704067200 (2024-01-01), aws:SourceIp 192.0.2.10 and the tags team=data, cost=7.
 */
class FakeS3ConditionOperatorsTest {
    private final S3Client admin = FakeAws.create().s3();

    @BeforeEach
    void bucket() {
        createBucket(admin, "acme-raw");
        put(admin, "acme-raw", "a.csv", "a");
    }

    @ParameterizedTest(name = "{0} -> denied={1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"StringNotEqualsIgnoreCase":{"aws:PrincipalType":"account"}}                        | false
            {"StringLike":{"s3:RequestObjectTag/team":"d?ta"}}                                    | true
            {"StringNotLike":{"s3:RequestObjectTag/team":["x*","y*"]}}                           | true
            {"NumericEquals":{"s3:RequestObjectTag/cost":"7"}}                                    | true
            {"NumericNotEquals":{"s3:RequestObjectTag/cost":"7"}}                                 | false
            {"NumericGreaterThan":{"s3:RequestObjectTag/cost":"6.5"}}                             | true
            {"NumericGreaterThanEquals":{"s3:RequestObjectTag/cost":"8"}}                         | false
            {"NumericLessThan":{"s3:RequestObjectTag/team":"8"}}                                  | false
            {"DateEquals":{"aws:EpochTime":"2024-01-01T00:00:00Z"}}                               | true
            {"DateNotEquals":{"aws:CurrentTime":"1704067200"}}                                    | false
            {"DateGreaterThanEquals":{"aws:CurrentTime":"2024-01-01"}}                            | true
            {"DateLessThanEquals":{"aws:EpochTime":"1704067199"}}                                 | false
            {"BinaryEquals":{"aws:PrincipalTag/key":"QmluYXJ5"}}                                  | false
            {"ArnEquals":{"aws:PrincipalArn":"arn:aws:iam::123456789012:root"}}                   | true
            {"ArnNotEquals":{"aws:PrincipalArn":"arn:aws:iam::123456789012:root"}}                | false
            {"ArnNotLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/*"}}                           | true
            {"IpAddress":{"aws:SourceIp":"192.0.2.10"}}                                           | true
            {"IpAddress":{"aws:SourceIp":"2001:db8::/32"}}                                        | false
            {"NotIpAddress":{"aws:SourceIp":["198.51.100.0/24","192.0.2.0/28"]}}                 | false
            {"Null":{"s3:x-amz-acl":"false"}}                                                     | false
            {"Null":{"s3:RequestObjectTag/team":"false"}}                                         | true
            {"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}                               | true
            {"NumericLessThanIfExists":{"s3:RequestObjectTag/cost":"5"}}                          | false
            {"ForAllValues:StringEquals":{"s3:RequestObjectTagKeys":["team","cost"]}}             | true
            {"ForAllValues:StringEquals":{"s3:RequestObjectTagKeys":["team"]}}                    | false
            {"ForAnyValue:StringEquals":{"s3:RequestObjectTagKeys":["cost","owner"]}}             | true
            {"ForAnyValue:StringNotEquals":{"s3:RequestObjectTagKeys":["team","cost"]}}           | false
            {"ForAllValues:StringNotLike":{"s3:RequestObjectTagKeys":["secret*"]}}                | true
            """)
    void denyCondition_appliesAsIamDocuments(String condition, boolean denied) {
        admin.putBucketPolicy(b -> b.bucket("acme-raw").policy(Policies.document(
                Policies.deny("\"*\"", "s3:PutObject", "arn:aws:s3:::acme-raw/*", condition))));

        boolean refused;
        try {
            admin.putObject(b -> b.bucket("acme-raw").key("t.csv").tagging("team=data&cost=7"), RequestBody.fromString("t"));
            refused = false;
        } catch (S3Exception e) {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            refused = true;
        }
        assertThat(refused).as(condition).isEqualTo(denied);
    }
}
