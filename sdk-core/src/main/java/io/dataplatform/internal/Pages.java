package io.dataplatform.internal;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Lazy streams over paginated AWS listings: the next page is fetched only when the stream has
 * consumed the previous one, so a caller who stops early pays for the pages it read.
 */
public final class Pages {
    private Pages() {
    }

    /**
     * One page of a listing.
     *
     * @param items the page's items
     * @param next  the cursor of the next page, or null after the last page
     * @param <C>   the cursor type (a token, or a key marker pair)
     * @param <T>   the item type
     */
    public record Page<C, T>(List<T> items, C next) {
        /** Copies the items. */
        public Page {
            items = List.copyOf(items);
        }
    }

    /**
     * Returns a lazy stream over every item of every page; {@code fetch} receives null for the first
     * page and then each page's {@code next} cursor.
     */
    public static <C, T> Stream<T> stream(Function<C, Page<C, T>> fetch) {
        Iterator<T> items = new Iterator<>() {
            private Iterator<T> current = null;
            private C cursor = null;
            private boolean lastFetched = false;

            @Override
            public boolean hasNext() {
                while (current == null || !current.hasNext()) {
                    if (lastFetched) {
                        return false;
                    }
                    Page<C, T> page = fetch.apply(cursor);
                    current = page.items().iterator();
                    cursor = page.next();
                    lastFetched = cursor == null;
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }
}
