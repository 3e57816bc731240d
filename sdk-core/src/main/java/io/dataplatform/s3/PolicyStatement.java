package io.dataplatform.s3;

import io.dataplatform.internal.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * One statement of a {@link BucketPolicy}: who may (or may not) do which S3 actions on which part of
 * the bucket, under which conditions.
 *
 * <pre>{@code
 * PolicyStatement.builder().deny().principal(Principal.anyone()).action("s3:*")
 *         .onBucket().onObjects("*").condition(PolicyCondition.of("Bool", "aws:SecureTransport", "false")).build();
 * }</pre>
 *
 * @param sid            an optional statement id, or null
 * @param effect         allow or deny
 * @param principals     who the statement is about
 * @param actions        S3 actions such as {@code s3:GetObject}; {@code s3:*} for all
 * @param bucketResource true if the statement covers the bucket itself (bucket-level actions like {@code s3:ListBucket})
 * @param keyPatterns    the object keys it covers, with {@code *} and {@code ?} wildcards
 * @param conditions     conditions that must all hold
 */
public record PolicyStatement(String sid, Effect effect, List<Principal> principals, List<String> actions,
                              boolean bucketResource, List<String> keyPatterns, List<PolicyCondition> conditions) {

    /** Whether a statement allows or denies. */
    public enum Effect {
        /** Grants the actions. */
        ALLOW,
        /** Refuses the actions, whatever else allows them. */
        DENY
    }

    /** Validates and copies. */
    public PolicyStatement {
        Checks.notNull(effect, "effect");
        principals = Checks.copyOf(principals, "principals");
        actions = Checks.copyOf(actions, "actions");
        keyPatterns = Checks.copyOf(keyPatterns, "keyPatterns");
        conditions = Checks.copyOf(conditions, "conditions");
        if (principals.isEmpty()) {
            throw new IllegalStateException("principals is required: call principal(..) before build()");
        }
        if (actions.isEmpty()) {
            throw new IllegalStateException("actions is required: call action(..) before build()");
        }
        if (!bucketResource && keyPatterns.isEmpty()) {
            throw new IllegalStateException("a resource is required: call onBucket() or onObjects(..) before build()");
        }
        for (String action : actions) {
            Checks.require(action.startsWith("s3:") && action.length() > 3,
                    "Invalid action '%s': must be an S3 action such as 's3:GetObject' or 's3:*'", action);
        }
    }

    /** Returns a new builder (effect ALLOW until {@link Builder#deny()}). */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link PolicyStatement}. */
    public static final class Builder {
        private String sid;
        private Effect effect = Effect.ALLOW;
        private final List<Principal> principals = new ArrayList<>();
        private final List<String> actions = new ArrayList<>();
        private boolean bucketResource;
        private final List<String> keyPatterns = new ArrayList<>();
        private final List<PolicyCondition> conditions = new ArrayList<>();

        private Builder() {
        }

        /** Sets the statement id: letters and digits only, as IAM requires. */
        public Builder sid(String sid) {
            Checks.notEmpty(sid, "sid");
            Checks.require(sid.matches("[A-Za-z0-9]+"), "Invalid sid '%s': must be letters and digits only", sid);
            this.sid = sid;
            return this;
        }

        /** Makes the statement allow (the default). */
        public Builder allow() {
            this.effect = Effect.ALLOW;
            return this;
        }

        /** Makes the statement deny. */
        public Builder deny() {
            this.effect = Effect.DENY;
            return this;
        }

        /** Adds a principal. */
        public Builder principal(Principal principal) {
            principals.add(Checks.notNull(principal, "principal"));
            return this;
        }

        /** Adds actions such as {@code s3:GetObject}. */
        public Builder action(String... actions) {
            for (String action : Checks.notNull(actions, "actions")) {
                this.actions.add(Checks.notEmpty(action, "action"));
            }
            return this;
        }

        /** Covers the bucket itself, for bucket-level actions such as {@code s3:ListBucket}. */
        public Builder onBucket() {
            this.bucketResource = true;
            return this;
        }

        /** Covers the objects whose keys match {@code keyPattern} ({@code *} and {@code ?} wildcards). */
        public Builder onObjects(String keyPattern) {
            Checks.notEmpty(keyPattern, "keyPattern");
            keyPatterns.add(keyPattern);
            return this;
        }

        /** Adds a condition. */
        public Builder condition(PolicyCondition condition) {
            conditions.add(Checks.notNull(condition, "condition"));
            return this;
        }

        /** Returns the statement. */
        public PolicyStatement build() {
            return new PolicyStatement(sid, effect, principals, actions, bucketResource, keyPatterns, conditions);
        }
    }
}
