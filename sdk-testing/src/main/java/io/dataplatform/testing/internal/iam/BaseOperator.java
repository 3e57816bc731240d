package io.dataplatform.testing.internal.iam;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every condition operator of "IAM JSON policy elements: Condition operators", without its
 * {@code ...IfExists} suffix or set qualifier. A negated operator holds when no policy value matches
 * (so several values of a negated operator all have to miss), and holds on a missing key.
 */
public enum BaseOperator {
    STRING_EQUALS("StringEquals", false, StringMatchers::exact),
    STRING_NOT_EQUALS("StringNotEquals", true, StringMatchers::exact),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", false, StringMatchers::ignoringCase),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", true, StringMatchers::ignoringCase),
    STRING_LIKE("StringLike", false, StringMatchers::like),
    STRING_NOT_LIKE("StringNotLike", true, StringMatchers::like),
    NUMERIC_EQUALS("NumericEquals", false, OrderedMatchers.numeric(c -> c == 0)),
    NUMERIC_NOT_EQUALS("NumericNotEquals", true, OrderedMatchers.numeric(c -> c == 0)),
    NUMERIC_LESS_THAN("NumericLessThan", false, OrderedMatchers.numeric(c -> c < 0)),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", false, OrderedMatchers.numeric(c -> c <= 0)),
    NUMERIC_GREATER_THAN("NumericGreaterThan", false, OrderedMatchers.numeric(c -> c > 0)),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", false, OrderedMatchers.numeric(c -> c >= 0)),
    DATE_EQUALS("DateEquals", false, OrderedMatchers.date(c -> c == 0)),
    DATE_NOT_EQUALS("DateNotEquals", true, OrderedMatchers.date(c -> c == 0)),
    DATE_LESS_THAN("DateLessThan", false, OrderedMatchers.date(c -> c < 0)),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", false, OrderedMatchers.date(c -> c <= 0)),
    DATE_GREATER_THAN("DateGreaterThan", false, OrderedMatchers.date(c -> c > 0)),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", false, OrderedMatchers.date(c -> c >= 0)),
    BOOL("Bool", false, StringMatchers::bool),
    BINARY_EQUALS("BinaryEquals", false, StringMatchers::binary),
    IP_ADDRESS("IpAddress", false, IpMatcher::contains),
    NOT_IP_ADDRESS("NotIpAddress", true, IpMatcher::contains),
    ARN_EQUALS("ArnEquals", false, ArnMatcher::matches),
    ARN_LIKE("ArnLike", false, ArnMatcher::matches),
    ARN_NOT_EQUALS("ArnNotEquals", true, ArnMatcher::matches),
    ARN_NOT_LIKE("ArnNotLike", true, ArnMatcher::matches),
    /** Tests presence, not values: "true" holds when the key is absent, "false" when it is present. */
    NULL("Null", false, (policy, request) -> false);

    private static final Map<String, BaseOperator> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toMap(o -> o.text, Function.identity()));

    private final String text;
    private final boolean negated;
    private final ValueMatcher matcher;

    BaseOperator(String text, boolean negated, ValueMatcher matcher) {
        this.text = text;
        this.negated = negated;
        this.matcher = matcher;
    }

    /** Returns the operator spelled {@code name} exactly as IAM spells it. */
    public static Optional<BaseOperator> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Returns the operator's name in a policy. */
    public String text() {
        return text;
    }

    /** Returns true for the operators that hold when nothing matches (StringNotEquals, NotIpAddress, ...). */
    public boolean negated() {
        return negated;
    }

    /** Returns true if one request value satisfies the operator against the policy's values (OR'd, or NOR'd if negated). */
    boolean holdsFor(Iterable<String> policyValues, String requestValue) {
        for (String policyValue : policyValues) {
            if (matcher.matches(policyValue, requestValue)) {
                return !negated;
            }
        }
        return negated;
    }
}
