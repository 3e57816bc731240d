package io.dataplatform.testing.internal.iam;

import java.util.Optional;

/**
 * A condition operator as a policy writes it: an optional set qualifier ({@code ForAnyValue:} or
 * {@code ForAllValues:}), a {@link BaseOperator}, and an optional {@code IfExists} suffix (allowed on
 * every operator but Null).
 *
 * @param qualifier the set qualifier, or null for a single-valued comparison
 * @param base      the operator
 * @param ifExists  true if the condition also holds when the key is missing
 */
public record ConditionOperator(Qualifier qualifier, BaseOperator base, boolean ifExists) {
    private static final String IF_EXISTS = "IfExists";

    /** The set qualifiers for multivalued keys. */
    public enum Qualifier {
        /** At least one request value matches; false for a missing key or an empty set. */
        FOR_ANY_VALUE,
        /** Every request value matches; true for a missing key or an empty set. */
        FOR_ALL_VALUES
    }

    /** Returns the operator {@code text} denotes, or empty if IAM does not know it. */
    public static Optional<ConditionOperator> parse(String text) {
        Qualifier qualifier = null;
        String rest = text;
        if (rest.startsWith("ForAnyValue:")) {
            qualifier = Qualifier.FOR_ANY_VALUE;
            rest = rest.substring("ForAnyValue:".length());
        } else if (rest.startsWith("ForAllValues:")) {
            qualifier = Qualifier.FOR_ALL_VALUES;
            rest = rest.substring("ForAllValues:".length());
        }
        boolean ifExists = rest.endsWith(IF_EXISTS);
        String name = ifExists ? rest.substring(0, rest.length() - IF_EXISTS.length()) : rest;
        Qualifier q = qualifier;
        return BaseOperator.named(name)
                .filter(base -> !(ifExists && base == BaseOperator.NULL))
                .map(base -> new ConditionOperator(q, base, ifExists));
    }
}
