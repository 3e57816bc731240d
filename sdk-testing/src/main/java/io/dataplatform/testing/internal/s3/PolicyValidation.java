package io.dataplatform.testing.internal.s3;

import software.amazon.awssdk.policybuilder.iam.IamAction;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamResource;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/** Checks a bucket policy document the way PutBucketPolicy does, answering 400 MalformedPolicy. */
final class PolicyValidation {
    private PolicyValidation() {
    }

    static IamPolicy parse(String json, String bucket) {
        IamPolicy policy;
        try {
            if (json == null || !json.stripLeading().startsWith("{")) {
                throw new IllegalArgumentException("not a JSON object");
            }
            policy = IamPolicy.fromJson(json);
        } catch (RuntimeException e) {
            throw malformed("Policies must be valid JSON and the first byte must be '{'");
        }
        if (policy.statements().isEmpty()) {
            throw malformed("Missing required field Statement");
        }
        for (IamStatement s : policy.statements()) {
            check(s, bucket);
        }
        return policy;
    }

    private static void check(IamStatement s, String bucket) {
        if (s.effect() == null) {
            throw malformed("Missing required field Effect");
        }
        if (s.principals().isEmpty() && s.notPrincipals().isEmpty()) {
            throw malformed("Missing required field Principal");
        }
        if (s.actions().isEmpty() && s.notActions().isEmpty()) {
            throw malformed("Missing required field Action");
        }
        if (s.resources().isEmpty() && s.notResources().isEmpty()) {
            throw malformed("Missing required field Resource");
        }
        for (IamAction a : s.actions().isEmpty() ? s.notActions() : s.actions()) {
            if (!a.value().equals("*") && !a.value().toLowerCase().startsWith("s3:")) {
                throw malformed("Policy has invalid action");
            }
        }
        String arn = "arn:aws:s3:::" + bucket;
        for (IamResource r : s.resources().isEmpty() ? s.notResources() : s.resources()) {
            // A bucket policy may only name its own bucket and the objects in it.
            if (!r.value().equals(arn) && !r.value().startsWith(arn + "/")) {
                throw malformed("Policy has invalid resource");
            }
        }
    }

    private static RuntimeException malformed(String message) {
        return S3Errors.badRequest("MalformedPolicy", message);
    }
}
