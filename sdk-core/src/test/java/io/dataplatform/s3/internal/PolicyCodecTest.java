package io.dataplatform.s3.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.DataPlatformException;
import io.dataplatform.s3.BucketPolicy;
import io.dataplatform.s3.PolicyCondition;
import io.dataplatform.s3.PolicyStatement;
import io.dataplatform.s3.Principal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyCodecTest {
    private static final String ACCOUNT = "123456789012";

    @Test
    void toJson_rendersArnsForRolesBucketAndKeys() {
        BucketPolicy policy = BucketPolicy.builder().allowWrite(Principal.role("loader"), "sales/*").build();

        String json = PolicyCodec.toJson(policy, "acme-raw", ACCOUNT);

        assertThat(json).contains("\"arn:aws:iam::123456789012:role/loader\"")
                .contains("\"arn:aws:s3:::acme-raw/sales/*\"")
                .contains("\"s3:PutObject\"").contains("\"Effect\":\"Allow\"").contains("\"Version\":\"2012-10-17\"");
    }

    @Test
    void fromJson_roundTripsEveryStatementShape() {
        BucketPolicy policy = BucketPolicy.builder()
                .allowRead(Principal.role("analyst"), "sales/*")
                .allowWrite(Principal.user("etl"), "staging/*")
                .deny(Principal.account("210987654321"), List.of("s3:DeleteObject"), "*")
                .statement(PolicyStatement.builder().sid("GlueReads").principal(Principal.service("glue.amazonaws.com"))
                        .action("s3:GetObject").onObjects("sales/*").onObjects("ref/?.csv").build())
                .statement(PolicyStatement.builder().principal(Principal.arn("arn:aws:iam::210987654321:role/x/y"))
                        .action("s3:ListBucket").onBucket()
                        .condition(new PolicyCondition("StringLike", "s3:prefix", List.of("a/*", "b/*"))).build())
                .denyInsecureTransport()
                .build();

        BucketPolicy read = PolicyCodec.fromJson(PolicyCodec.toJson(policy, "acme-raw", ACCOUNT), "acme-raw", ACCOUNT);

        assertThat(read).isEqualTo(policy);
    }

    @Test
    void fromJson_rejectsResourcesOfAnotherBucket() {
        String json = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::other/*\"}]}";

        assertThatThrownBy(() -> PolicyCodec.fromJson(json, "acme-raw", ACCOUNT))
                .isInstanceOf(DataPlatformException.class)
                .hasMessage("The policy of bucket 'acme-raw' names resource 'arn:aws:s3:::other/*', which is outside the bucket");
    }

    @Test
    void toJson_roleByNameWithoutAccount_namesTheFix() {
        BucketPolicy policy = BucketPolicy.builder().allowRead(Principal.role("analyst"), "*").build();

        assertThatThrownBy(() -> PolicyCodec.toJson(policy, "acme-raw", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot resolve role 'analyst' without an account id: set DataPlatform.builder().accountId(..) "
                        + "or use Principal.arn(..)");
    }
}
