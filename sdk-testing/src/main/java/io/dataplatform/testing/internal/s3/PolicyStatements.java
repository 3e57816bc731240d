package io.dataplatform.testing.internal.s3;

import io.dataplatform.testing.internal.iam.ConditionOperator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.policybuilder.iam.IamCondition;
import software.amazon.awssdk.policybuilder.iam.IamPrincipal;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/** Whom a bucket policy statement names, and whether it is "public". */
final class PolicyStatements {
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    /**
     * Condition keys that, with a fixed value, keep a statement with Principal "*" from being public
     * (S3 user guide, "Blocking public access to your Amazon S3 storage", "The meaning of public").
     */
    private static final Set<String> RESTRICTING_KEYS = Set.of("aws:principalarn", "aws:principalaccount",
            "aws:principalorgid", "aws:sourcearn", "aws:sourceaccount", "aws:sourcevpc", "aws:sourcevpce",
            "aws:sourceip", "aws:userid", "aws:sourceowner", "s3:x-amz-server-side-encryption-aws-kms-key-id");

    private PolicyStatements() {
    }

    /** How a statement's Principal element covers a caller. */
    enum Naming {
        /** Not at all. */
        NONE,
        /** By the caller's own ARN or service name, by {@code "*"}, or by leaving it out of a NotPrincipal. */
        DIRECTLY,
        /** By the caller's account, which delegates to the account's own IAM policies. */
        BY_ACCOUNT
    }

    static Naming naming(IamStatement s, String callerArn) {
        if (s.principals().isEmpty()) {
            return s.notPrincipals().stream().anyMatch(p -> names(p, callerArn) != Naming.NONE) ? Naming.NONE : Naming.DIRECTLY;
        }
        Naming best = Naming.NONE;
        for (IamPrincipal p : s.principals()) {
            Naming n = names(p, callerArn);
            if (n == Naming.DIRECTLY) {
                return n;
            }
            best = n == Naming.BY_ACCOUNT ? n : best;
        }
        return best;
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

    /** Returns the account id in an IAM ARN ({@code arn:aws:iam::123456789012:role/x}), or null. */
    static String accountOf(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length >= 5 && ACCOUNT.matcher(parts[4]).matches() ? parts[4] : null;
    }

    /** A fixed value under a positive operator pins the statement; IfExists and set qualifiers let a missing key through. */
    private static boolean restricts(IamCondition c) {
        ConditionOperator operator = ConditionOperator.parse(c.operator().value()).orElse(null);
        return operator != null && !operator.base().negated() && !operator.ifExists() && operator.qualifier() == null
                && RESTRICTING_KEYS.contains(c.key().value().toLowerCase(Locale.ROOT))
                && !c.value().contains("*") && !c.value().contains("?");
    }

    private static Naming names(IamPrincipal p, String callerArn) {
        String type = p.type().value();
        String id = p.id();
        if ("*".equals(id) && isAwsOrAll(p)) {
            return Naming.DIRECTLY;
        }
        if ("AWS".equals(type)) {
            String account = ACCOUNT.matcher(id).matches() ? id : rootAccount(id);
            if (id.equals(callerArn)) {
                return Naming.DIRECTLY;
            }
            return account != null && account.equals(accountOf(callerArn)) ? Naming.BY_ACCOUNT : Naming.NONE;
        }
        return "Service".equals(type) && id.equals(callerArn) ? Naming.DIRECTLY : Naming.NONE;
    }

    private static boolean isAwsOrAll(IamPrincipal p) {
        return List.of("*", "AWS").contains(p.type().value());
    }

    private static String rootAccount(String arn) {
        return arn.startsWith("arn:aws:iam::") && arn.endsWith(":root") ? accountOf(arn) : null;
    }
}
