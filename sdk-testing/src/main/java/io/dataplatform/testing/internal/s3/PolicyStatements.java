package io.dataplatform.testing.internal.s3;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.policybuilder.iam.IamCondition;
import software.amazon.awssdk.policybuilder.iam.IamPrincipal;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/** Decides whether one bucket policy statement applies to a request, and whether it is "public". */
final class PolicyStatements {
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    /**
     * Condition keys that tie a statement to fixed principals or sources; with one of them (and a
     * value without wildcards) a statement with Principal "*" is not public, per the S3 user guide's
     * "The meaning of public".
     */
    private static final Set<String> RESTRICTING_KEYS = Set.of("aws:principalarn", "aws:principalaccount",
            "aws:principalorgid", "aws:sourcearn", "aws:sourceaccount", "aws:sourcevpc", "aws:sourcevpce",
            "aws:sourceip", "aws:userid", "aws:sourceowner");

    private PolicyStatements() {
    }

    /** Returns true if the statement names the caller, the action and the resource, and its conditions hold. */
    static boolean applies(IamStatement s, String callerArn, String action, String resource, Map<String, String> context) {
        boolean principal = s.principals().isEmpty()
                ? !s.notPrincipals().isEmpty() && s.notPrincipals().stream().noneMatch(p -> names(p, callerArn))
                : s.principals().stream().anyMatch(p -> names(p, callerArn));
        boolean act = s.actions().isEmpty()
                ? s.notActions().stream().noneMatch(a -> Wildcards.matches(a.value(), action, true))
                : s.actions().stream().anyMatch(a -> Wildcards.matches(a.value(), action, true));
        boolean res = s.resources().isEmpty()
                ? s.notResources().stream().noneMatch(r -> Wildcards.matches(r.value(), resource, false))
                : s.resources().stream().anyMatch(r -> Wildcards.matches(r.value(), resource, false));
        return principal && act && res && PolicyConditions.hold(s.conditions(), context);
    }

    /** Returns true for an Allow that grants to everyone without a condition pinning who or where from. */
    static boolean isPublic(IamStatement s) {
        if (!"Allow".equalsIgnoreCase(s.effect().value())) {
            return false;
        }
        boolean everyone = !s.notPrincipals().isEmpty()
                || s.principals().stream().anyMatch(p -> "*".equals(p.id()) && isAwsOrAll(p));
        return everyone && s.conditions().stream().noneMatch(PolicyStatements::restricts);
    }

    /** Returns true for a Deny statement; IamEffect is a value class, so compare its text, not its identity. */
    static boolean isDeny(IamStatement s) {
        return "Deny".equalsIgnoreCase(s.effect().value());
    }

    /** Returns the account id in an IAM ARN ({@code arn:aws:iam::123456789012:role/x}), or null. */
    static String accountOf(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length >= 5 && ACCOUNT.matcher(parts[4]).matches() ? parts[4] : null;
    }

    private static boolean restricts(IamCondition c) {
        String operator = c.operator().value();
        return RESTRICTING_KEYS.contains(c.key().value().toLowerCase(Locale.ROOT))
                && !operator.contains("Not") && !c.value().contains("*") && !c.value().contains("?");
    }

    private static boolean names(IamPrincipal p, String callerArn) {
        String type = p.type().value();
        String id = p.id();
        if ("*".equals(id) && isAwsOrAll(p)) {
            return true;
        }
        if ("AWS".equals(type)) {
            String account = ACCOUNT.matcher(id).matches() ? id : rootAccount(id);
            return account != null ? account.equals(accountOf(callerArn)) : id.equals(callerArn);
        }
        return "Service".equals(type) && id.equals(callerArn);
    }

    private static boolean isAwsOrAll(IamPrincipal p) {
        return List.of("*", "AWS").contains(p.type().value());
    }

    private static String rootAccount(String arn) {
        return arn.startsWith("arn:aws:iam::") && arn.endsWith(":root") ? accountOf(arn) : null;
    }
}
