package io.dataplatform.testing.internal.iam;

import java.util.Arrays;
import java.util.Base64;

/** The String, Bool and BinaryEquals families of condition operators. */
final class StringMatchers {
    private StringMatchers() {
    }

    static boolean exact(String policy, String request) {
        return policy.equals(request);
    }

    static boolean ignoringCase(String policy, String request) {
        return policy.equalsIgnoreCase(request);
    }

    /** StringLike: {@code *} and {@code ?} wildcards, case-sensitive. */
    static boolean like(String policy, String request) {
        return Wildcards.matches(policy, request, false);
    }

    /** Bool compares the text "true" or "false" without regard to case. */
    static boolean bool(String policy, String request) {
        return policy.equalsIgnoreCase(request);
    }

    /** BinaryEquals compares base-64 encoded bytes; a value that is not base-64 matches nothing. */
    static boolean binary(String policy, String request) {
        try {
            return Arrays.equals(Base64.getDecoder().decode(policy), Base64.getDecoder().decode(request));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
