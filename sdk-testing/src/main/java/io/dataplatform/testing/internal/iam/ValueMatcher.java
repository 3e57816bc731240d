package io.dataplatform.testing.internal.iam;

/** Compares one value of a policy condition with one value of the request, for one operator family. */
@FunctionalInterface
interface ValueMatcher {
    /** Returns true if {@code requestValue} satisfies the (non-negated) operator against {@code policyValue}. */
    boolean matches(String policyValue, String requestValue);
}
