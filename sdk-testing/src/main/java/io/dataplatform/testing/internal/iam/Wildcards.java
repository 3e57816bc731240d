package io.dataplatform.testing.internal.iam;

import java.util.Locale;

/** IAM's wildcard matching: {@code *} matches any run of characters, {@code ?} exactly one. */
public final class Wildcards {
    private Wildcards() {
    }

    /** Returns true if {@code value} matches {@code pattern}; actions match case-insensitively, the rest exactly. */
    public static boolean matches(String pattern, String value, boolean ignoreCase) {
        String p = ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern;
        String v = ignoreCase ? value.toLowerCase(Locale.ROOT) : value;
        return matches(p, 0, v, 0);
    }

    /** Iterative glob match with backtracking to the last star: linear in practice, no regex compilation. */
    private static boolean matches(String p, int pi, String v, int vi) {
        int star = -1;
        int mark = 0;
        while (vi < v.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == v.charAt(vi))) {
                pi++;
                vi++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                mark = vi;
            } else if (star >= 0) {
                pi = star + 1;
                vi = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }
}
