package io.dataplatform.glue.internal;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Turns a NextToken-paginated Glue operation into a lazy stream: a page is fetched only when needed. */
final class Pages {
    private Pages() {
    }

    /** One page: its items and the token of the next page, null on the last. */
    record Page<T>(List<T> items, String nextToken) {
    }

    static <T> Stream<T> stream(Function<String, Page<T>> fetch) {
        Iterator<T> iterator = new Iterator<>() {
            private Iterator<T> current = List.<T>of().iterator();
            private String token;
            private boolean last;

            @Override
            public boolean hasNext() {
                // Glue may return an empty page with a token; keep going until a page has items or no token.
                while (!current.hasNext() && !last) {
                    Page<T> page = fetch.apply(token);
                    current = page.items().iterator();
                    token = page.nextToken();
                    last = token == null || token.isEmpty();
                }
                return current.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED), false);
    }
}
