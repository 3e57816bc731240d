package io.dataplatform.testing.internal;

/**
 * The identity a fake client acts as.
 *
 * @param arn           the principal's ARN, as a policy names it
 * @param administrator true for the world's default identity, whose IAM permissions allow everything
 *                      (so only an explicit deny in a resource policy stops it); false for a principal
 *                      with no IAM permissions of its own, which needs a resource policy's allow
 */
public record Caller(String arn, boolean administrator) {
}
