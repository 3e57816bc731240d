package io.dataplatform.testing.internal.s3;

import io.dataplatform.testing.internal.iam.BaseOperator;
import io.dataplatform.testing.internal.iam.ConditionOperator;
import io.dataplatform.testing.internal.iam.IpMatcher;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.policybuilder.iam.IamAction;
import software.amazon.awssdk.policybuilder.iam.IamCondition;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamPrincipal;
import software.amazon.awssdk.policybuilder.iam.IamResource;
import software.amazon.awssdk.policybuilder.iam.IamStatement;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** Checks a bucket policy document the way PutBucketPolicy does, answering 400 MalformedPolicy with S3's messages. */
final class PolicyValidation {
    private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");
    /** An account, the account root, a user or role, or an assumed-role session: never with a wildcard. */
    private static final Pattern AWS_PRINCIPAL = Pattern.compile(
            "\\d{12}|arn:aws:iam::\\d{12}:(root|user/[\\w+=,.@/-]+|role/[\\w+=,.@/-]+)"
                    + "|arn:aws:sts::\\d{12}:assumed-role/[\\w+=,.@-]+/[\\w+=,.@-]+");

    private PolicyValidation() {
    }

    static IamPolicy parse(String json, String bucket) {
        IamPolicy policy;
        try {
            if (json == null || !json.stripLeading().startsWith("{")) {
                throw new IllegalArgumentException("not a JSON object");
            }
            checkRequiredFields(JsonNode.parser().parse(json));
            policy = IamPolicy.fromJson(json);
        } catch (AwsServiceException e) {
            throw e;
        } catch (RuntimeException e) {
            throw malformed("Policies must be valid JSON and the first byte must be '{'");
        }
        if (policy.version() != null && !VERSIONS.contains(policy.version())) {
            throw malformed("The policy must contain a valid version string");
        }
        if (policy.statements().isEmpty()) {
            throw malformed("Missing required field Statement");
        }
        for (IamStatement s : policy.statements()) {
            check(s, bucket);
        }
        return policy;
    }

    /** The SDK's policy reader refuses a statement without Effect outright, so look for it in the raw JSON first. */
    private static void checkRequiredFields(JsonNode document) {
        JsonNode statements = document.asObject().get("Statement");
        if (statements == null) {
            throw malformed("Missing required field Statement");
        }
        for (JsonNode statement : statements.isArray() ? statements.asArray() : List.of(statements)) {
            if (statement.isObject() && !statement.asObject().containsKey("Effect")) {
                throw malformed("Missing required field Effect");
            }
        }
    }

    private static void check(IamStatement s, String bucket) {
        if (s.effect() == null) {
            throw malformed("Missing required field Effect");
        }
        if (!List.of("Allow", "Deny").contains(s.effect().value())) {
            throw malformed("Invalid effect: " + s.effect().value());
        }
        if (s.principals().isEmpty() && s.notPrincipals().isEmpty()) {
            throw malformed("Missing required field Principal");
        }
        for (IamPrincipal p : s.principals().isEmpty() ? s.notPrincipals() : s.principals()) {
            checkPrincipal(p);
        }
        if (s.actions().isEmpty() && s.notActions().isEmpty()) {
            throw malformed("Missing required field Action");
        }
        List<IamAction> actions = s.actions().isEmpty() ? s.notActions() : s.actions();
        for (IamAction a : actions) {
            if (!S3Actions.isValid(a.value())) {
                throw malformed("Policy has invalid action");
            }
        }
        if (s.resources().isEmpty() && s.notResources().isEmpty()) {
            throw malformed("Missing required field Resource");
        }
        String arn = "arn:aws:s3:::" + bucket;
        List<IamResource> resources = s.resources().isEmpty() ? s.notResources() : s.resources();
        for (IamResource r : resources) {
            // A bucket policy may only name its own bucket and the objects in it.
            if (!r.value().equals(arn) && !r.value().startsWith(arn + "/")) {
                throw malformed("Policy has invalid resource");
            }
        }
        if (!s.actions().isEmpty() && !s.resources().isEmpty() && !anyActionApplies(actions, resources, arn)) {
            throw malformed("Action does not apply to any resource(s) in statement");
        }
        for (IamCondition c : s.conditions()) {
            checkCondition(c);
        }
    }

    private static void checkPrincipal(IamPrincipal p) {
        String type = p.type().value();
        String id = p.id();
        boolean valid = switch (type) {
            case "*" -> "*".equals(id);
            // A wildcard inside an ARN (arn:aws:iam::*:role/x) is refused: only "*" alone means everyone.
            case "AWS" -> "*".equals(id) || AWS_PRINCIPAL.matcher(id).matches();
            case "Service" -> id.matches("[a-z0-9.-]+\\.amazonaws\\.com(\\.cn)?");
            case "CanonicalUser" -> id.matches("[0-9a-f]{64}");
            case "Federated" -> !id.contains("*");
            default -> false;
        };
        if (!valid) {
            throw malformed("Invalid principal in policy");
        }
    }

    /** S3 refuses a statement none of whose actions acts on any of its resources (GetObject on the bucket alone). */
    private static boolean anyActionApplies(List<IamAction> actions, List<IamResource> resources, String bucketArn) {
        boolean bucketResource = resources.stream().anyMatch(r -> r.value().equals(bucketArn));
        boolean objectResource = resources.stream().anyMatch(r -> r.value().startsWith(bucketArn + "/"));
        return actions.stream().flatMap(a -> S3Actions.covered(a.value()).stream())
                .anyMatch(a -> (bucketResource && S3Actions.BUCKET.contains(a)) || (objectResource && S3Actions.OBJECT.contains(a)));
    }

    private static void checkCondition(IamCondition c) {
        ConditionOperator operator = ConditionOperator.parse(c.operator().value())
                .orElseThrow(() -> malformed("Invalid Condition type : " + c.operator().value()));
        if (!S3Actions.isKnownConditionKey(c.key().value())) {
            throw malformed("Policy has an invalid condition key");
        }
        BaseOperator base = operator.base();
        if ((base == BaseOperator.IP_ADDRESS || base == BaseOperator.NOT_IP_ADDRESS) && !IpMatcher.isCidr(c.value())) {
            throw malformed("Invalid IP address in Conditions");
        }
    }

    private static RuntimeException malformed(String message) {
        return S3Errors.badRequest("MalformedPolicy", message);
    }
}
