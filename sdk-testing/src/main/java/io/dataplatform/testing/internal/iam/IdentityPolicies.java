package io.dataplatform.testing.internal.iam;

import io.dataplatform.s3.Principal;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.policybuilder.iam.IamCondition;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/** Checks identity-based policies the way IAM's CreatePolicy/PutRolePolicy do, as IllegalArgumentExceptions. */
public final class IdentityPolicies {
    private static final Pattern USER_OR_ROLE = Pattern.compile("arn:aws:iam::\\d{12}:(role|user)/.+");

    private IdentityPolicies() {
    }

    /** Returns the ARN of the IAM user or role {@code principal}; other principals cannot hold identity policies. */
    public static String identityArn(Principal principal, String accountId) {
        if (principal == null) {
            throw new IllegalArgumentException("principal must not be null");
        }
        String arn = principal.toPolicyValue(accountId);
        if (!USER_OR_ROLE.matcher(arn).matches()) {
            throw new IllegalArgumentException("Cannot attach an identity-based policy to " + principal
                    + ": only IAM users and roles hold them; use Principal.role(..), Principal.user(..) or a "
                    + "role or user ARN such as arn:aws:iam::111122223333:role/partner");
        }
        return arn;
    }

    /** Parses an identity-based policy document. */
    public static IamPolicy parse(String json) {
        if (json == null || !json.stripLeading().startsWith("{")) {
            throw new IllegalArgumentException("Invalid identity-based policy: must be a JSON object, but was " + json);
        }
        try {
            return validate(IamPolicy.fromJson(json));
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Invalid identity-based policy: " + e.getMessage(), e);
        }
    }

    /** Returns {@code policy} if IAM would accept it as an identity-based policy. */
    public static IamPolicy validate(IamPolicy policy) {
        if (policy.statements().isEmpty()) {
            throw invalid(0, "must have at least one statement");
        }
        List<IamStatement> statements = policy.statements();
        for (int i = 0; i < statements.size(); i++) {
            IamStatement s = statements.get(i);
            if (!s.principals().isEmpty() || !s.notPrincipals().isEmpty()) {
                throw invalid(i, "must not name a Principal: an identity-based policy is about the identity it is attached to");
            }
            if (s.effect() == null || !List.of("Allow", "Deny").contains(s.effect().value())) {
                throw invalid(i, "needs Effect \"Allow\" or \"Deny\"");
            }
            if (s.actions().isEmpty() && s.notActions().isEmpty()) {
                throw invalid(i, "needs an Action or NotAction");
            }
            if (s.resources().isEmpty() && s.notResources().isEmpty()) {
                throw invalid(i, "needs a Resource or NotResource");
            }
            for (IamCondition c : s.conditions()) {
                if (ConditionOperator.parse(c.operator().value()).isEmpty()) {
                    throw invalid(i, "has the unknown condition operator '" + c.operator().value() + "'");
                }
            }
        }
        return policy;
    }

    private static IllegalArgumentException invalid(int statement, String rule) {
        return new IllegalArgumentException("Invalid identity-based policy: statement " + (statement + 1) + " " + rule);
    }
}
