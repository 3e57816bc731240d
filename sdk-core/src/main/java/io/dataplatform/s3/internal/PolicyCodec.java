package io.dataplatform.s3.internal;

import io.dataplatform.DataPlatformException;
import io.dataplatform.s3.BucketPolicy;
import io.dataplatform.s3.PolicyCondition;
import io.dataplatform.s3.PolicyStatement;
import io.dataplatform.s3.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.policybuilder.iam.IamCondition;
import software.amazon.awssdk.policybuilder.iam.IamConditionKey;
import software.amazon.awssdk.policybuilder.iam.IamConditionOperator;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamPrincipal;
import software.amazon.awssdk.policybuilder.iam.IamPrincipalType;
import software.amazon.awssdk.policybuilder.iam.IamResource;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * Converts the typed {@link BucketPolicy} to and from policy JSON with the AWS SDK's IAM Policy
 * Builder, so the JSON is always what IAM expects and never hand-assembled.
 */
final class PolicyCodec {
    private PolicyCodec() {
    }

    static String toJson(BucketPolicy policy, String bucket, String accountId) {
        IamPolicy.Builder builder = IamPolicy.builder().version("2012-10-17");
        for (PolicyStatement statement : policy.statements()) {
            IamStatement.Builder s = IamStatement.builder()
                    .effect(statement.effect() == PolicyStatement.Effect.ALLOW ? IamEffect.ALLOW : IamEffect.DENY);
            if (statement.sid() != null) {
                s.sid(statement.sid());
            }
            for (Principal principal : statement.principals()) {
                switch (principal.type()) {
                    case ANYONE -> s.addPrincipal(IamPrincipal.ALL);
                    case SERVICE -> s.addPrincipal(IamPrincipalType.SERVICE, principal.name());
                    default -> s.addPrincipal(IamPrincipalType.AWS, principal.toPolicyValue(accountId));
                }
            }
            statement.actions().forEach(s::addAction);
            if (statement.bucketResource()) {
                s.addResource(bucketArn(bucket));
            }
            statement.keyPatterns().forEach(pattern -> s.addResource(bucketArn(bucket) + "/" + pattern));
            for (PolicyCondition condition : statement.conditions()) {
                s.addConditions(IamConditionOperator.create(condition.operator()), IamConditionKey.create(condition.key()),
                        condition.values());
            }
            builder.addStatement(s.build());
        }
        return builder.build().toJson();
    }

    static BucketPolicy fromJson(String json, String bucket, String accountId) {
        IamPolicy policy = IamPolicy.fromJson(json);
        List<PolicyStatement> statements = new ArrayList<>();
        for (IamStatement s : policy.statements()) {
            if (!s.notPrincipals().isEmpty() || !s.notActions().isEmpty() || !s.notResources().isEmpty()) {
                throw new DataPlatformException("The policy of bucket '" + bucket + "' uses NotPrincipal, NotAction or "
                        + "NotResource, which the typed BucketPolicy model does not represent");
            }
            PolicyStatement.Builder b = PolicyStatement.builder();
            if (s.sid() != null) {
                b.sid(s.sid());
            }
            if ("Deny".equalsIgnoreCase(s.effect().value())) {
                b.deny();
            }
            for (IamPrincipal p : s.principals()) {
                if (p.equals(IamPrincipal.ALL) || "*".equals(p.id())) {
                    b.principal(Principal.anyone());
                } else if (IamPrincipalType.SERVICE.equals(p.type())) {
                    b.principal(Principal.service(p.id()));
                } else {
                    b.principal(Principal.fromPolicyValue(p.id(), accountId));
                }
            }
            s.actions().forEach(a -> b.action(a.value()));
            for (IamResource r : s.resources()) {
                String arn = r.value();
                if (arn.equals(bucketArn(bucket))) {
                    b.onBucket();
                } else if (arn.startsWith(bucketArn(bucket) + "/")) {
                    b.onObjects(arn.substring(bucketArn(bucket).length() + 1));
                } else {
                    throw new DataPlatformException("The policy of bucket '" + bucket + "' names resource '" + arn
                            + "', which is outside the bucket");
                }
            }
            Map<List<String>, List<String>> conditions = new LinkedHashMap<>();
            for (IamCondition c : s.conditions()) {
                conditions.computeIfAbsent(List.of(c.operator().value(), c.key().value()), k -> new ArrayList<>())
                        .add(c.value());
            }
            conditions.forEach((k, values) -> b.condition(new PolicyCondition(k.get(0), k.get(1), values)));
            statements.add(b.build());
        }
        return new BucketPolicy(statements);
    }

    private static String bucketArn(String bucket) {
        return "arn:aws:s3:::" + bucket;
    }
}
