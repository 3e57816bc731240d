package io.dataplatform.testing.internal.iam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.policybuilder.iam.IamCondition;

/**
 * Evaluates a statement's Condition element as "IAM JSON policy elements: Condition operators" and
 * "Single-valued vs. multivalued context keys" describe: every operator/key block must hold (AND),
 * any value of a block may match (OR). A key missing from the request makes a condition false,
 * except for negated operators, {@code ...IfExists}, {@code Null} and {@code ForAllValues:}, which
 * hold on a missing key.
 */
public final class Conditions {
    private Conditions() {
    }

    /** Returns true if every condition holds for {@code context}. */
    public static boolean hold(List<IamCondition> conditions, RequestContext context) {
        Map<List<String>, List<String>> blocks = new LinkedHashMap<>();
        for (IamCondition c : conditions) {
            List<String> block = List.of(c.operator().value(), c.key().value().toLowerCase(Locale.ROOT));
            blocks.computeIfAbsent(block, b -> new ArrayList<>()).add(c.value());
        }
        for (Map.Entry<List<String>, List<String>> block : blocks.entrySet()) {
            String operatorText = block.getKey().get(0);
            // Policies are validated when they are set, so an unknown operator here is a bug of the fake:
            // refuse loudly rather than guess.
            ConditionOperator operator = ConditionOperator.parse(operatorText).orElseThrow(() ->
                    new IllegalStateException("FakeAws cannot evaluate the condition operator '" + operatorText + "'"));
            if (!holds(operator, block.getValue(), context.values(block.getKey().get(1)))) {
                return false;
            }
        }
        return true;
    }

    private static boolean holds(ConditionOperator operator, List<String> policyValues, List<String> requestValues) {
        boolean missing = requestValues == null || requestValues.isEmpty();
        BaseOperator base = operator.base();
        if (base == BaseOperator.NULL) {
            return policyValues.stream().anyMatch(v -> Boolean.parseBoolean(v.trim()) == missing);
        }
        if (missing) {
            if (operator.ifExists()) {
                return true;
            }
            if (operator.qualifier() != null) {
                return operator.qualifier() == ConditionOperator.Qualifier.FOR_ALL_VALUES;
            }
            return base.negated();
        }
        if (operator.qualifier() == ConditionOperator.Qualifier.FOR_ALL_VALUES) {
            return requestValues.stream().allMatch(r -> base.holdsFor(policyValues, r));
        }
        // ForAnyValue, and a plain operator on a (normally single-valued) key: one request value suffices.
        return requestValues.stream().anyMatch(r -> base.holdsFor(policyValues, r));
    }
}
