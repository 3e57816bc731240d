package io.dataplatform.s3;

import io.dataplatform.internal.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * A typed bucket policy. Rendered to JSON with the AWS SDK's IAM Policy Builder when set on a
 * bucket, and read back into this model by {@link Bucket#policy()}.
 *
 * <pre>{@code
 * bucket.policy(BucketPolicy.builder()
 *         .allowRead(Principal.role("analyst"), "sales/*")
 *         .allowWrite(Principal.role("loader"), "sales/*")
 *         .denyInsecureTransport()
 *         .build());
 * }</pre>
 *
 * @param statements the statements, in order
 */
public record BucketPolicy(List<PolicyStatement> statements) {
    /** The actions {@link Builder#allowRead} grants on objects. */
    public static final List<String> READ_ACTIONS = List.of("s3:GetObject", "s3:GetObjectVersion");
    /** The actions {@link Builder#allowWrite} grants on objects. */
    public static final List<String> WRITE_ACTIONS = List.of("s3:PutObject", "s3:AbortMultipartUpload");

    /** Validates and copies. */
    public BucketPolicy {
        statements = Checks.copyOf(statements, "statements");
        Checks.require(!statements.isEmpty(), "a bucket policy needs at least one statement");
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link BucketPolicy}. */
    public static final class Builder {
        private final List<PolicyStatement> statements = new ArrayList<>();

        private Builder() {
        }

        /**
         * Lets {@code principal} read objects matching {@code keyPattern} and list the keys under the
         * pattern's fixed prefix.
         */
        public Builder allowRead(Principal principal, String keyPattern) {
            statement(PolicyStatement.builder().principal(principal).action(READ_ACTIONS.toArray(String[]::new))
                    .onObjects(keyPattern).build());
            return statement(PolicyStatement.builder().principal(principal).action("s3:ListBucket").onBucket()
                    .condition(PolicyCondition.of("StringLike", "s3:prefix", keyPattern)).build());
        }

        /** Lets {@code principal} write objects matching {@code keyPattern}. */
        public Builder allowWrite(Principal principal, String keyPattern) {
            return statement(PolicyStatement.builder().principal(principal).action(WRITE_ACTIONS.toArray(String[]::new))
                    .onObjects(keyPattern).build());
        }

        /** Denies {@code actions} on objects matching {@code keyPattern} to {@code principal}, whatever else allows them. */
        public Builder deny(Principal principal, List<String> actions, String keyPattern) {
            return statement(PolicyStatement.builder().deny().principal(principal)
                    .action(actions.toArray(String[]::new)).onObjects(keyPattern).build());
        }

        /** Denies every request that does not use TLS. */
        public Builder denyInsecureTransport() {
            return statement(PolicyStatement.builder().sid("DenyInsecureTransport").deny().principal(Principal.anyone())
                    .action("s3:*").onBucket().onObjects("*")
                    .condition(PolicyCondition.of("Bool", "aws:SecureTransport", "false")).build());
        }

        /** Adds a statement as given. */
        public Builder statement(PolicyStatement statement) {
            statements.add(Checks.notNull(statement, "statement"));
            return this;
        }

        /** Returns the policy; fails if it has no statement. */
        public BucketPolicy build() {
            if (statements.isEmpty()) {
                throw new IllegalStateException("a bucket policy needs at least one statement: call allowRead(..), "
                        + "allowWrite(..), deny(..) or statement(..) before build()");
            }
            return new BucketPolicy(statements);
        }
    }
}
