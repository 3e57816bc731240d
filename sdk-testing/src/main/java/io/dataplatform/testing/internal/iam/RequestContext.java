package io.dataplatform.testing.internal.iam;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The condition keys of one request and their values. Keys compare case-insensitively, as IAM's
 * do; a key is single-valued (one value) or multivalued (any number, possibly none). A key the fake
 * cannot supply is simply absent, which IAM's rules for missing keys then govern.
 */
public final class RequestContext {
    private final Map<String, List<String>> values;

    private RequestContext(Map<String, List<String>> values) {
        this.values = Map.copyOf(values);
    }

    /** Returns a builder with no keys. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the values of {@code key}, or null if the request does not carry it. */
    public List<String> values(String key) {
        return values.get(key.toLowerCase(Locale.ROOT));
    }

    /** Returns the single value of {@code key}, or null if absent. */
    public String value(String key) {
        List<String> list = values(key);
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    /** Builds a {@link RequestContext}. */
    public static final class Builder {
        private final Map<String, List<String>> values = new HashMap<>();

        private Builder() {
        }

        /** Sets a single-valued key; a null value leaves the key absent. */
        public Builder put(String key, String value) {
            if (value != null) {
                values.put(key.toLowerCase(Locale.ROOT), List.of(value));
            }
            return this;
        }

        /** Sets a multivalued key (the empty list is a present key with no values). */
        public Builder putAll(String key, List<String> keyValues) {
            values.put(key.toLowerCase(Locale.ROOT), List.copyOf(keyValues));
            return this;
        }

        /** Returns the context. */
        public RequestContext build() {
            return new RequestContext(values);
        }
    }
}
