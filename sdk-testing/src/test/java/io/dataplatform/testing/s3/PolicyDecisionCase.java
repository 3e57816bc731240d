package io.dataplatform.testing.s3;

/**
 * One row of {@link FakeS3PolicyDecisionTableTest}: who calls, what they do, under which policies,
 * and the decision AWS documents for it (with the page that documents it).
 */
record PolicyDecisionCase(String name, Who who, Act act, String bucketPolicy, Iam iam, Block block, Origin origin,
                          boolean allowed, String source) {
    /** The caller. */
    enum Who { ADMIN, ROLE, CROSS_ACCOUNT_ROLE, ANONYMOUS }

    /** The request: GetObject, PutObject (plain or with SSE-S3), ListObjectsV2 (prefix data/, max-keys 50), policy reads/deletes. */
    enum Act { GET, PUT, PUT_SSE, LIST, GET_POLICY, DELETE_POLICY }

    /** The caller's identity-based policy. */
    enum Iam { NONE, ALLOW_BUCKET, DENY_ALL }

    /** The bucket's Block Public Access: the new-bucket default (all on), deleted, or only RestrictPublicBuckets. */
    enum Block { DEFAULT, OFF, RESTRICT_ONLY }

    /** Where the request comes from. */
    enum Origin { INTERNET, PRIVATE_10, VPC_ENDPOINT, PLAIN_HTTP }

    static Builder when(Who who, Act act) {
        return new Builder(who, act);
    }

    @Override
    public String toString() {
        return name;
    }

    /** Collects a row step by step; {@link #allowed} or {@link #denied} ends it. */
    static final class Builder {
        private final Who who;
        private final Act act;
        private String policy;
        private Iam iam = Iam.NONE;
        private Block block = Block.DEFAULT;
        private Origin origin = Origin.INTERNET;

        private Builder(Who who, Act act) {
            this.who = who;
            this.act = act;
        }

        Builder policy(String statements) {
            this.policy = statements;
            return this;
        }

        Builder iam(Iam identityPolicy) {
            this.iam = identityPolicy;
            return this;
        }

        Builder block(Block publicAccessBlock) {
            this.block = publicAccessBlock;
            return this;
        }

        Builder from(Origin requestOrigin) {
            this.origin = requestOrigin;
            return this;
        }

        PolicyDecisionCase allowed(String name, String source) {
            return new PolicyDecisionCase(name, who, act, policy, iam, block, origin, true, source);
        }

        PolicyDecisionCase denied(String name, String source) {
            return new PolicyDecisionCase(name, who, act, policy, iam, block, origin, false, source);
        }
    }
}
