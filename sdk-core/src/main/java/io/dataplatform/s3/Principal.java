package io.dataplatform.s3;

import io.dataplatform.internal.Checks;
import java.util.regex.Pattern;

/**
 * Who a policy statement is about, or who makes a request: an IAM role or user, a whole account,
 * an AWS service, or anyone.
 *
 * <p>A role or user given by name alone is resolved against the platform's account when a policy
 * is built for a bucket ({@code DataPlatform.builder().accountId(..)}; {@code FakeAws} sets it).
 *
 * <pre>{@code
 * Principal analyst = Principal.role("analyst");
 * Principal auditor = Principal.arn("arn:aws:iam::111122223333:role/auditor");
 * }</pre>
 *
 * @param type the kind of principal
 * @param name the role or user name, account id, service name or ARN; {@code *} for anyone
 */
public record Principal(Type type, String name) {
    private static final Pattern IAM_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    /** The kinds of principal. */
    public enum Type {
        /** An IAM role in the platform's account, by name. */
        ROLE,
        /** An IAM user in the platform's account, by name. */
        USER,
        /** A full ARN of a role, user or account root. */
        ARN,
        /** Every principal of an AWS account. */
        ACCOUNT,
        /** An AWS service such as {@code glue.amazonaws.com}. */
        SERVICE,
        /** Anyone, signed in or not ({@code "Principal": "*"}). */
        ANYONE
    }

    /** Validates the name for its type. */
    public Principal {
        Checks.notNull(type, "principal type");
        Checks.notEmpty(name, "principal name");
        switch (type) {
            case ROLE, USER -> Checks.require(IAM_NAME.matcher(name).matches(),
                    "Invalid IAM %s name '%s': must be 1-64 characters of letters, digits and +=,.@_-",
                    type.name().toLowerCase(), name);
            case ACCOUNT -> Checks.require(ACCOUNT.matcher(name).matches(),
                    "Invalid account id '%s': must be 12 digits", name);
            case ARN -> Checks.require(name.startsWith("arn:"), "Invalid principal ARN '%s': must start with 'arn:'", name);
            case SERVICE -> Checks.require(name.endsWith(".amazonaws.com"),
                    "Invalid service principal '%s': must end with '.amazonaws.com'", name);
            case ANYONE -> Checks.require("*".equals(name), "the ANYONE principal's name must be '*', but was '%s'", name);
            default -> throw new IllegalArgumentException("unknown principal type " + type);
        }
    }

    /** Returns the IAM role {@code roleName} in the platform's account. */
    public static Principal role(String roleName) {
        return new Principal(Type.ROLE, roleName);
    }

    /** Returns the IAM user {@code userName} in the platform's account. */
    public static Principal user(String userName) {
        return new Principal(Type.USER, userName);
    }

    /** Returns the principal with the given ARN. */
    public static Principal arn(String arn) {
        return new Principal(Type.ARN, arn);
    }

    /** Returns every principal of the 12-digit AWS account {@code accountId}. */
    public static Principal account(String accountId) {
        return new Principal(Type.ACCOUNT, accountId);
    }

    /** Returns an AWS service principal such as {@code glue.amazonaws.com}. */
    public static Principal service(String serviceName) {
        return new Principal(Type.SERVICE, serviceName);
    }

    /** Returns the principal that stands for anyone, including anonymous callers. */
    public static Principal anyone() {
        return new Principal(Type.ANYONE, "*");
    }

    /**
     * Returns the principal's ARN (or {@code *}, or the service name) as a bucket policy writes it.
     *
     * @param accountId the account that names without an account resolve against
     * @throws IllegalStateException if this is a role or user by name and {@code accountId} is null
     */
    public String toPolicyValue(String accountId) {
        return switch (type) {
            case ROLE, USER -> {
                if (accountId == null) {
                    throw new IllegalStateException("Cannot resolve " + type.name().toLowerCase() + " '" + name
                            + "' without an account id: set DataPlatform.builder().accountId(..) or use Principal.arn(..)");
                }
                yield "arn:aws:iam::" + accountId + ":" + type.name().toLowerCase() + "/" + name;
            }
            case ACCOUNT -> "arn:aws:iam::" + name + ":root";
            case ARN, SERVICE, ANYONE -> name;
        };
    }

    /** Returns the principal a policy value denotes: the inverse of {@link #toPolicyValue(String)}. */
    public static Principal fromPolicyValue(String value, String accountId) {
        Checks.notEmpty(value, "principal");
        if ("*".equals(value)) {
            return anyone();
        }
        if (value.endsWith(".amazonaws.com")) {
            return service(value);
        }
        if (ACCOUNT.matcher(value).matches()) {
            return account(value);
        }
        String ownPrefix = "arn:aws:iam::" + accountId + ":";
        if (accountId != null && value.startsWith(ownPrefix)) {
            String rest = value.substring(ownPrefix.length());
            if (rest.startsWith("role/") && rest.indexOf('/', 5) < 0) {
                return role(rest.substring(5));
            }
            if (rest.startsWith("user/") && rest.indexOf('/', 5) < 0) {
                return user(rest.substring(5));
            }
        }
        if (value.startsWith("arn:aws:iam::") && value.endsWith(":root")) {
            return account(value.substring("arn:aws:iam::".length(), value.length() - ":root".length()));
        }
        return arn(value);
    }

    @Override
    public String toString() {
        return switch (type) {
            case ANYONE -> "anyone";
            case ARN -> name;
            default -> type.name().toLowerCase() + ":" + name;
        };
    }
}
