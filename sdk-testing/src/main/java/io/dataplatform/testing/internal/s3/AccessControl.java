package io.dataplatform.testing.internal.s3;

import io.dataplatform.testing.internal.Caller;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamStatement;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;

/**
 * S3's authorization for one caller, as the IAM policy evaluation logic describes it: an explicit
 * Deny in the bucket policy beats any Allow, an Allow (from the caller's IAM policies or the bucket
 * policy) beats the implicit deny. The administrator caller's IAM policy allows everything; any
 * other caller has no IAM permissions, so the bucket policy must allow what it does.
 */
final class AccessControl {
    private final Caller caller;

    AccessControl(Caller caller) {
        this.caller = caller;
    }

    Caller caller() {
        return caller;
    }

    /** Throws 403 AccessDenied unless {@code action} on {@code bucket} (and {@code key}, if given) is allowed. */
    void check(FakeBucket bucket, String action, String key, Map<String, String> extraContext) {
        if (!allowed(bucket, action, key, extraContext)) {
            throw S3Errors.accessDenied();
        }
    }

    void check(FakeBucket bucket, String action, String key) {
        check(bucket, action, key, Map.of());
    }

    /** Returns true if the caller may perform {@code action} on the bucket (key null) or on one of its objects. */
    boolean allowed(FakeBucket bucket, String action, String key, Map<String, String> extraContext) {
        String resource = "arn:aws:s3:::" + bucket.name() + (key == null ? "" : "/" + key);
        Map<String, String> context = context(extraContext);
        IamPolicy policy = bucket.policy();
        boolean allowed = caller.administrator();
        if (policy == null) {
            return allowed;
        }
        PublicAccessBlockConfiguration block = bucket.publicAccessBlock();
        boolean restrictPublic = block != null && Boolean.TRUE.equals(block.restrictPublicBuckets());
        boolean ownAccount = bucket.ownerAccount().equals(PolicyStatements.accountOf(caller.arn()));
        for (IamStatement statement : policy.statements()) {
            if (!PolicyStatements.applies(statement, caller.arn(), action, resource, context)) {
                continue;
            }
            if (PolicyStatements.isDeny(statement)) {
                return false;
            }
            // RestrictPublicBuckets: a public statement grants nothing to principals outside the owner's account.
            if (!(restrictPublic && !ownAccount && PolicyStatements.isPublic(statement))) {
                allowed = true;
            }
        }
        return allowed;
    }

    /** Without a bucket (CreateBucket, ListBuckets) only the caller's IAM permissions count. */
    void checkIdentityOnly() {
        if (!caller.administrator()) {
            throw S3Errors.accessDenied();
        }
    }

    private Map<String, String> context(Map<String, String> extra) {
        Map<String, String> context = new HashMap<>();
        // Every call of the SDK goes over HTTPS.
        context.put("aws:securetransport", "true");
        context.put("aws:principalarn", caller.arn());
        String account = PolicyStatements.accountOf(caller.arn());
        if (account != null) {
            context.put("aws:principalaccount", account);
        }
        context.putAll(extra);
        return context;
    }
}
