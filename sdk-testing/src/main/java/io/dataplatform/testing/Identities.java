package io.dataplatform.testing;

import io.dataplatform.s3.Principal;
import io.dataplatform.testing.internal.iam.IdentityPolicies;
import io.dataplatform.testing.internal.iam.IdentityStore;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;

/**
 * The IAM identities of a {@link FakeAws} world: the identity-based policies of IAM users and roles
 * (of this or any other account) and where their requests come from.
 *
 * <p>A user or role starts with no permissions (implicit deny). Within the bucket owner's account
 * its identity policy or the bucket policy may allow a request; from another account both must
 * (IAM's "Cross-account policy evaluation logic"). An explicit deny anywhere wins. The account's
 * root user, {@link FakeAws#s3()}, is allowed everything its bucket policies do not deny.
 *
 * <pre>{@code
 * Principal partner = Principal.arn("arn:aws:iam::999999999999:role/partner");
 * aws.iam().attachPolicy(partner, """
 *         {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
 *          "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-raw/*"}]}""");
 * }</pre>
 */
public final class Identities {
    private final IdentityStore store;
    private final String accountId;

    Identities(IdentityStore store, String accountId) {
        this.store = store;
        this.accountId = accountId;
    }

    /**
     * Attaches an identity-based policy to an IAM user or role; its statements have no Principal.
     *
     * @throws IllegalArgumentException if the principal is no user or role, or the policy is malformed
     */
    public Identities attachPolicy(Principal principal, IamPolicy policy) {
        if (policy == null) {
            throw new IllegalArgumentException("policy must not be null");
        }
        store.attach(IdentityPolicies.identityArn(principal, accountId), IdentityPolicies.validate(policy));
        return this;
    }

    /**
     * Attaches an identity-based policy given as JSON to an IAM user or role.
     *
     * @throws IllegalArgumentException if the principal is no user or role, or the JSON is no valid policy
     */
    public Identities attachPolicy(Principal principal, String policyJson) {
        return attachPolicy(principal, IdentityPolicies.parse(policyJson));
    }

    /** Makes {@code principal}'s requests come from {@code origin} ({@link RequestOrigin#internet()} until set). */
    public Identities requestsFrom(Principal principal, RequestOrigin origin) {
        if (principal == null || origin == null) {
            throw new IllegalArgumentException("principal and origin must not be null");
        }
        store.origin(principal.toPolicyValue(accountId), origin);
        return this;
    }
}
