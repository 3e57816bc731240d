package io.dataplatform.testing.internal.iam;

import java.util.List;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/** What every kind of policy statement shares: effect, (Not)Action, (Not)Resource and Condition. */
public final class Statements {
    private Statements() {
    }

    /** The outcome of evaluating a set of statements, per "Policy evaluation logic". */
    public enum Decision {
        /** A Deny statement applies: nothing else can allow the request. */
        EXPLICIT_DENY,
        /** An Allow statement applies and no Deny does. */
        ALLOW,
        /** No statement applies. */
        IMPLICIT_DENY
    }

    /** Returns true if the statement covers {@code action} on {@code resource} and its conditions hold. */
    public static boolean covers(IamStatement s, String action, String resource, RequestContext context) {
        boolean act = s.actions().isEmpty()
                ? s.notActions().stream().noneMatch(a -> Wildcards.matches(a.value(), action, true))
                : s.actions().stream().anyMatch(a -> Wildcards.matches(a.value(), action, true));
        boolean res = s.resources().isEmpty()
                ? s.notResources().stream().noneMatch(r -> Wildcards.matches(r.value(), resource, false))
                : s.resources().stream().anyMatch(r -> Wildcards.matches(r.value(), resource, false));
        return act && res && Conditions.hold(s.conditions(), context);
    }

    /** Returns true for a Deny statement; IamEffect is a value class, so compare its text, not its identity. */
    public static boolean isDeny(IamStatement s) {
        return "Deny".equalsIgnoreCase(s.effect().value());
    }

    /** Evaluates identity-based policies, which have no Principal: they are about the identity they are attached to. */
    public static Decision evaluate(List<IamPolicy> policies, String action, String resource, RequestContext context) {
        Decision decision = Decision.IMPLICIT_DENY;
        for (IamPolicy policy : policies) {
            for (IamStatement s : policy.statements()) {
                if (covers(s, action, resource, context)) {
                    if (isDeny(s)) {
                        return Decision.EXPLICIT_DENY;
                    }
                    decision = Decision.ALLOW;
                }
            }
        }
        return decision;
    }
}
