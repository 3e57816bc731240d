package io.dataplatform.s3;

import io.dataplatform.internal.Checks;
import java.util.List;

/**
 * One condition of a policy statement, e.g. {@code StringLike s3:prefix ["sales/*"]}.
 *
 * @param operator the IAM condition operator, e.g. {@code StringEquals}, {@code Bool}, {@code IpAddress}
 * @param key      the condition key, e.g. {@code aws:SecureTransport}
 * @param values   the values; the condition holds if any matches
 */
public record PolicyCondition(String operator, String key, List<String> values) {
    /** Validates and copies. */
    public PolicyCondition {
        Checks.notEmpty(operator, "condition operator");
        Checks.notEmpty(key, "condition key");
        Checks.notNull(values, "condition values");
        Checks.require(!values.isEmpty(), "condition values must not be empty for %s %s", operator, key);
        values = Checks.copyOf(values, "values");
    }

    /** Returns a condition with one value. */
    public static PolicyCondition of(String operator, String key, String value) {
        return new PolicyCondition(operator, key, List.of(Checks.notNull(value, "value")));
    }
}
