package io.dataplatform.testing.internal.s3;

import io.dataplatform.testing.internal.Caller;
import io.dataplatform.testing.internal.iam.RequestContext;
import io.dataplatform.testing.internal.iam.Statements;
import io.dataplatform.testing.internal.iam.Statements.Decision;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamStatement;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;

/**
 * S3's authorization of one caller, per IAM's "Policy evaluation logic": an explicit Deny in the
 * caller's identity policies or the bucket policy beats any Allow. Within the bucket owner's account
 * an Allow in either suffices; from another account both must allow ("Cross-account policy
 * evaluation logic"). Anonymous callers and service principals have no identity policies, so the
 * bucket policy alone decides for them. The root user's identity allows everything.
 */
final class AccessControl {
    /** The actions the bucket owner's root user keeps whatever the bucket policy denies (DeleteBucketPolicy API reference). */
    private static final Set<String> LOCKOUT_PROOF = Set.of("s3:getbucketpolicy", "s3:putbucketpolicy", "s3:deletebucketpolicy");

    private final S3World world;
    private final Caller caller;
    private final CallerKind kind;
    private final String callerAccount;

    AccessControl(S3World world, Caller caller) {
        this.world = world;
        this.caller = caller;
        this.kind = CallerKind.of(caller.arn());
        this.callerAccount = PolicyStatements.accountOf(caller.arn());
    }

    Caller caller() {
        return caller;
    }

    /** True for an unsigned request ({@code Principal.anyone()}). */
    boolean anonymous() {
        return kind == CallerKind.ANONYMOUS;
    }

    /** Throws 403 AccessDenied unless {@code action} on {@code bucket} (and {@code key}, if given) is allowed. */
    void check(FakeBucket bucket, String action, String key, Map<String, List<String>> requestKeys) {
        if (!allowed(bucket, action, key, requestKeys)) {
            throw S3Errors.accessDenied();
        }
        // The policy operations belong to the bucket owner's account: an identity of another account with
        // the permission still gets 405 (GetBucketPolicy/PutBucketPolicy/DeleteBucketPolicy API reference).
        // The account comparison first: lower-casing the action allocates, on every call.
        if (!bucket.ownerAccount().equals(callerAccount) && LOCKOUT_PROOF.contains(action.toLowerCase(Locale.ROOT))) {
            throw S3Errors.methodNotAllowed();
        }
    }

    void check(FakeBucket bucket, String action, String key) {
        check(bucket, action, key, Map.of());
    }

    /** Returns true if the caller may perform {@code action} on the bucket (key null) or on one of its objects. */
    boolean allowed(FakeBucket bucket, String action, String key, Map<String, List<String>> requestKeys) {
        boolean sameAccount = bucket.ownerAccount().equals(callerAccount);
        if (caller.administrator() && bucket.policy() == null) {
            // Nothing can deny the root user here, so skip building the request context (the common case).
            return sameAccount;
        }
        String resource = "arn:aws:s3:::" + bucket.name() + (key == null ? "" : "/" + key);
        RequestContext context = RequestContexts.of(world, caller.arn(), kind, bucket.ownerAccount(), requestKeys);
        Decision identity = identityDecision(action, resource, context);
        Decision resourcePolicy = bucketDecision(bucket, action, resource, context, sameAccount);
        if (identity == Decision.EXPLICIT_DENY || resourcePolicy == Decision.EXPLICIT_DENY) {
            return false;
        }
        boolean identityAllows = identity == Decision.ALLOW;
        boolean bucketAllows = resourcePolicy == Decision.ALLOW;
        if (kind == CallerKind.ANONYMOUS || kind == CallerKind.SERVICE) {
            return bucketAllows;
        }
        return sameAccount ? identityAllows || bucketAllows : identityAllows && bucketAllows;
    }

    /** Without a bucket (CreateBucket, ListBuckets) only the caller's identity policies count. */
    void checkIdentityOnly(String action, String resource) {
        if (caller.administrator()) {
            return;   // identityDecision allows everything; no request context to build
        }
        RequestContext context = RequestContexts.of(world, caller.arn(), kind, callerAccount, Map.of());
        if (identityDecision(action, resource, context) != Decision.ALLOW) {
            throw S3Errors.accessDenied();
        }
    }

    String callerAccount() {
        return callerAccount;
    }

    private Decision identityDecision(String action, String resource, RequestContext context) {
        if (caller.administrator()) {
            // The root user (and the fake's own service callers) cannot hold identity policies: all is allowed.
            return Decision.ALLOW;
        }
        if (kind == CallerKind.ANONYMOUS || kind == CallerKind.SERVICE) {
            return Decision.IMPLICIT_DENY;
        }
        return Statements.evaluate(world.identities().policies(caller.arn()), action, resource, context);
    }

    private Decision bucketDecision(FakeBucket bucket, String action, String resource, RequestContext context,
                                    boolean sameAccount) {
        IamPolicy policy = bucket.policy();
        if (policy == null) {
            return Decision.IMPLICIT_DENY;
        }
        boolean ownerRoot = kind == CallerKind.ROOT && sameAccount;
        Decision decision = Decision.IMPLICIT_DENY;
        for (IamStatement s : policy.statements()) {
            PolicyStatements.Naming naming = PolicyStatements.naming(s, caller.arn());
            if (naming == PolicyStatements.Naming.NONE || !Statements.covers(s, action, resource, context)) {
                continue;
            }
            if (Statements.isDeny(s)) {
                if (ownerRoot && LOCKOUT_PROOF.contains(action.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                return Decision.EXPLICIT_DENY;
            }
            // Naming the account delegates to that account's IAM: it grants nothing to its users and roles by
            // itself (IAM "AWS JSON policy elements: Principal", AWS account principals).
            boolean delegated = naming == PolicyStatements.Naming.BY_ACCOUNT && kind != CallerKind.ROOT && sameAccount;
            if (!delegated && !restricted(bucket, policy, sameAccount)) {
                decision = Decision.ALLOW;
            }
        }
        return decision;
    }

    /**
     * RestrictPublicBuckets: with a public policy, only service principals and the owner's account get
     * in, through any statement ("Blocking public access to your Amazon S3 storage").
     */
    private boolean restricted(FakeBucket bucket, IamPolicy policy, boolean sameAccount) {
        PublicAccessBlockConfiguration block = bucket.publicAccessBlock();
        return block != null && Boolean.TRUE.equals(block.restrictPublicBuckets()) && !sameAccount
                && kind != CallerKind.SERVICE && policy.statements().stream().anyMatch(PolicyStatements::isPublic);
    }
}
