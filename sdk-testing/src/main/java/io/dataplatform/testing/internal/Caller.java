package io.dataplatform.testing.internal;

/**
 * The identity a fake client acts as.
 *
 * @param arn           the principal's ARN, as a policy names it
 * @param administrator true for a caller whose identity allows everything: an account's root user, or the
 *                      fake's own service callers (only an explicit deny in a resource policy stops it);
 *                      false for an IAM user or role, whose identity policies are looked up per request
 * @param origin        for a service's own call to another service (a crawler reading S3, Athena reading the
 *                      catalog), what made it, e.g. {@code glue crawler sales-crawler}; null for the user's calls
 */
public record Caller(String arn, boolean administrator, String origin) {

    /** A caller for the user's own calls. */
    public Caller(String arn, boolean administrator) {
        this(arn, administrator, null);
    }

    /** Returns this identity making a service's internal calls on behalf of {@code origin}. */
    public Caller internal(String origin) {
        return new Caller(arn, administrator, origin);
    }
}
