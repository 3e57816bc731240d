package io.dataplatform.testing.s3;

/** Builds policy JSON for the access-control tests, one statement at a time. */
final class Policies {
    private Policies() {
    }

    /** A policy document of the given statements (JSON objects, comma-separated). */
    static String document(String statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}";
    }

    /** An identity-based policy allowing {@code action} on {@code resource}. */
    static String identity(String action, String resource) {
        return document("{\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\"}");
    }

    static String allow(String principal, String action, String resource) {
        return statement("Allow", principal, action, resource, null);
    }

    static String allow(String principal, String action, String resource, String condition) {
        return statement("Allow", principal, action, resource, condition);
    }

    static String deny(String principal, String action, String resource, String condition) {
        return statement("Deny", principal, action, resource, condition);
    }

    /** One statement; {@code principal} is JSON ({@code "*"} or {@code {"AWS":"..."}}), {@code condition} JSON or null. */
    static String statement(String effect, String principal, String action, String resource, String condition) {
        return "{\"Effect\":\"" + effect + "\",\"Principal\":" + principal + ",\"Action\":\"" + action
                + "\",\"Resource\":\"" + resource + "\"" + (condition == null ? "" : ",\"Condition\":" + condition) + "}";
    }
}
