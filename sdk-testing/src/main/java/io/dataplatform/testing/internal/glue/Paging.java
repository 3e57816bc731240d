package io.dataplatform.testing.internal.glue;

import java.nio.charset.StandardCharsets;
import io.dataplatform.testing.internal.RequestConstraints;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Glue-style NextToken pagination over a list: opaque tokens, a page size limit per operation. */
final class Paging {
    private Paging() {
    }

    record Page<T>(List<T> items, String nextToken) {
    }

    /**
     * Returns the page starting at {@code token}.
     *
     * @param requested the caller's MaxResults, or null for {@code max}
     * @param max       the operation's largest page
     */
    static <T> Page<T> page(List<T> all, String token, Integer requested, int max, GlueErrors errors) {
        checkMaxResults(requested, max, errors);
        int size = requested == null ? max : requested;
        int from = 0;
        if (token != null && !token.isEmpty()) {
            try {
                String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                from = Integer.parseInt(decoded.substring("offset:".length()));
            } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
                throw errors.invalid("Invalid NextToken: " + token);
            }
        }
        int to = Math.min(all.size(), from + size);
        String next = to < all.size()
                ? Base64.getUrlEncoder().withoutPadding().encodeToString(("offset:" + to).getBytes(StandardCharsets.UTF_8))
                : null;
        return new Page<>(List.copyOf(all.subList(Math.min(from, all.size()), to)), next);
    }

    /**
     * Returns the page after {@code token} of a list sorted by the unique {@code key}: the token names
     * the last key returned, not a position, so items added or deleted before it between calls make
     * the next page neither skip nor repeat an item (as an offset would).
     */
    static <T> Page<T> pageByKey(List<T> all, Function<T, String> key, String token, Integer requested, int max,
                                 GlueErrors errors) {
        return pageByKey(all, key, Comparator.naturalOrder(), token, requested, max, errors);
    }

    /** As {@link #pageByKey(List, Function, String, Integer, int, GlueErrors)} for a list sorted by key in {@code order}. */
    static <T> Page<T> pageByKey(List<T> all, Function<T, String> key, Comparator<String> order, String token,
                                 Integer requested, int max, GlueErrors errors) {
        checkMaxResults(requested, max, errors);
        int size = requested == null ? max : requested;
        int from = 0;
        if (token != null && !token.isEmpty()) {
            String after;
            try {
                after = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw errors.invalid("Invalid NextToken: " + token);
            }
            if (!after.startsWith("after:")) {
                throw errors.invalid("Invalid NextToken: " + token);
            }
            String last = after.substring("after:".length());
            while (from < all.size() && order.compare(key.apply(all.get(from)), last) <= 0) {
                from++;
            }
        }
        int to = Math.min(all.size(), from + size);
        String next = to < all.size()
                ? Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(("after:" + key.apply(all.get(to - 1))).getBytes(StandardCharsets.UTF_8))
                : null;
        return new Page<>(List.copyOf(all.subList(from, to)), next);
    }

    /**
     * The operation's page limit, where the fake's is tighter than or absent from the model (the model's own range is
     * checked before any operation runs), refused in the same words.
     */
    private static void checkMaxResults(Integer requested, int max, GlueErrors errors) {
        String problem = requested == null ? null : RequestConstraints.rangeProblem("maxResults", requested, 1, max);
        if (problem != null) {
            throw errors.validation(RequestConstraints.message(java.util.List.of(problem)));
        }
    }
}
