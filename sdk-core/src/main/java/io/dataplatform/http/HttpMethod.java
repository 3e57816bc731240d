package io.dataplatform.http;

/** The HTTP methods a task's {@link Http} client sends. */
public enum HttpMethod {
    /** Reads; idempotent. */
    GET(true),
    /** Reads headers only; idempotent. */
    HEAD(true),
    /** Creates or acts; not idempotent unless the request says so. */
    POST(false),
    /** Replaces; idempotent. */
    PUT(true),
    /** Patches; not idempotent unless the request says so. */
    PATCH(false),
    /** Deletes; idempotent. */
    DELETE(true);

    private final boolean idempotent;

    HttpMethod(boolean idempotent) {
        this.idempotent = idempotent;
    }

    /** Returns whether RFC 9110 defines the method as idempotent (sending it twice has the effect of once). */
    public boolean idempotent() {
        return idempotent;
    }
}
