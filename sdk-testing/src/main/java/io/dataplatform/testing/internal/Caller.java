package io.dataplatform.testing.internal;

/**
 * The identity a fake client acts as.
 *
 * @param arn           the principal's ARN, as a policy names it
 * @param administrator true for a caller whose identity allows everything: an account's root user, or the
 *                      fake's own service callers (only an explicit deny in a resource policy stops it);
 *                      false for an IAM user or role, whose identity policies are looked up per request
 */
public record Caller(String arn, boolean administrator) {
}
