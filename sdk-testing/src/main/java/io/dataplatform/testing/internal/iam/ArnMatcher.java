package io.dataplatform.testing.internal.iam;

/**
 * ArnEquals and ArnLike (which IAM treats alike): both values split into their six colon-delimited
 * parts, each part matched with wildcards, case-sensitively. A request value that is no ARN matches nothing.
 */
final class ArnMatcher {
    private ArnMatcher() {
    }

    static boolean matches(String policy, String request) {
        String[] p = policy.split(":", 6);
        String[] r = request.split(":", 6);
        if (p.length != 6 || r.length != 6 || !"arn".equals(r[0])) {
            return false;
        }
        for (int i = 0; i < 6; i++) {
            if (!Wildcards.matches(p[i], r[i], false)) {
                return false;
            }
        }
        return true;
    }
}
