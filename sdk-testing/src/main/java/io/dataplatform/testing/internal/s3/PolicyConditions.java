package io.dataplatform.testing.internal.s3;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.policybuilder.iam.IamCondition;

/**
 * Evaluates a statement's Condition block against the request context. As in IAM, all
 * operator/key blocks must match (AND) and any value of one block may match (OR); the negated
 * operators match when no value matches.
 */
final class PolicyConditions {
    /** The keys this fake can supply; the request context holds those that apply to the request. */
    private static final Set<String> KNOWN_KEYS = Set.of("aws:securetransport", "aws:principalarn",
            "aws:principalaccount", "s3:prefix", "s3:delimiter");

    private PolicyConditions() {
    }

    /** Returns true if every condition of the statement holds for {@code context} (keys in lower case). */
    static boolean hold(List<IamCondition> conditions, Map<String, String> context) {
        Map<String, List<String>> blocks = new LinkedHashMap<>();
        for (IamCondition c : conditions) {
            String block = c.operator().value() + "\u0000" + c.key().value().toLowerCase(Locale.ROOT);
            blocks.computeIfAbsent(block, b -> new ArrayList<>()).add(c.value());
        }
        for (Map.Entry<String, List<String>> block : blocks.entrySet()) {
            String[] parts = block.getKey().split("\u0000", 2);
            if (!holds(parts[0], parts[1], block.getValue(), context)) {
                return false;
            }
        }
        return true;
    }

    private static boolean holds(String operator, String key, List<String> values, Map<String, String> context) {
        String actual = context.get(key);
        boolean ifExists = operator.endsWith("IfExists");
        String base = ifExists ? operator.substring(0, operator.length() - "IfExists".length()) : operator;
        if (actual == null) {
            if (ifExists) {
                return true;
            }
            // A key this fake does not model (aws:SourceIp, aws:SourceVpce, ...) cannot be shown to hold,
            // so the condition does not match: an Allow guarded by it grants nothing, a Deny denies nothing.
            // A modelled key that is merely absent from this request follows IAM: only negated operators match.
            return KNOWN_KEYS.contains(key) && base.startsWith("StringNot");
        }
        return switch (base) {
            case "StringEquals" -> values.stream().anyMatch(actual::equals);
            case "StringNotEquals" -> values.stream().noneMatch(actual::equals);
            case "StringEqualsIgnoreCase" -> values.stream().anyMatch(actual::equalsIgnoreCase);
            case "StringNotEqualsIgnoreCase" -> values.stream().noneMatch(actual::equalsIgnoreCase);
            case "StringLike" -> values.stream().anyMatch(v -> Wildcards.matches(v, actual, false));
            case "StringNotLike" -> values.stream().noneMatch(v -> Wildcards.matches(v, actual, false));
            case "Bool" -> values.stream().anyMatch(actual::equalsIgnoreCase);
            case "ArnEquals", "ArnLike" -> values.stream().anyMatch(v -> Wildcards.matches(v, actual, false));
            case "ArnNotEquals", "ArnNotLike" -> values.stream().noneMatch(v -> Wildcards.matches(v, actual, false));
            // An operator this fake does not implement never matches, for the same reason as unknown keys.
            default -> false;
        };
    }
}
