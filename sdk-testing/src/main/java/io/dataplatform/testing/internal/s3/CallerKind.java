package io.dataplatform.testing.internal.s3;

import io.dataplatform.testing.internal.iam.RequestContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a caller's ARN says about it, and the principal condition keys IAM derives from that. */
enum CallerKind {
    /** The root user of an account: {@code arn:aws:iam::111122223333:root}. */
    ROOT,
    /** An IAM user. */
    USER,
    /** An IAM role (the fake's callers act as the role itself, not a named session). */
    ROLE,
    /** An AWS service principal such as {@code glue.amazonaws.com}. */
    SERVICE,
    /** An unsigned request ({@code Principal.anyone()}). */
    ANONYMOUS,
    /** Any other ARN, such as an assumed-role session. */
    OTHER;

    private static final Pattern IAM = Pattern.compile("arn:aws:iam::(\\d{12}):(root|user/.+|role/.+)");

    static CallerKind of(String arn) {
        if ("*".equals(arn)) {
            return ANONYMOUS;
        }
        if (arn.endsWith(".amazonaws.com")) {
            return SERVICE;
        }
        Matcher m = IAM.matcher(arn);
        if (!m.matches()) {
            return OTHER;
        }
        String what = m.group(2);
        return what.equals("root") ? ROOT : what.startsWith("user/") ? USER : ROLE;
    }

    /**
     * Puts the principal keys of "AWS global condition context keys": aws:PrincipalArn,
     * aws:PrincipalAccount, aws:PrincipalType, aws:username (IAM users only), aws:userid (root only:
     * the fake mints no unique ids for users and roles, so for them the key is missing).
     */
    void putKeys(String arn, RequestContext.Builder context) {
        if (this == ANONYMOUS) {
            context.put("aws:PrincipalType", "Anonymous");
            return;
        }
        context.put("aws:PrincipalIsAWSService", String.valueOf(this == SERVICE));
        if (this == SERVICE) {
            context.put("aws:PrincipalServiceName", arn);
            return;
        }
        String account = PolicyStatements.accountOf(arn);
        context.put("aws:PrincipalArn", arn);
        context.put("aws:PrincipalAccount", account);
        switch (this) {
            case ROOT -> {
                context.put("aws:PrincipalType", "Account");
                context.put("aws:userid", account);
            }
            case USER -> {
                context.put("aws:PrincipalType", "User");
                context.put("aws:username", arn.substring(arn.lastIndexOf('/') + 1));
            }
            case ROLE -> context.put("aws:PrincipalType", "AssumedRole");
            default -> {
                // An unrecognised ARN: its type is unknown, so the key stays missing.
            }
        }
    }
}
