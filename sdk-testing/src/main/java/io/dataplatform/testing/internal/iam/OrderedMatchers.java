package io.dataplatform.testing.internal.iam;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.IntPredicate;

/**
 * The Numeric and Date families: the request value compared with the policy value
 * ({@code NumericLessThan} holds when request &lt; policy). A value that does not parse matches nothing.
 */
final class OrderedMatchers {
    private OrderedMatchers() {
    }

    static ValueMatcher numeric(IntPredicate comparison) {
        return (policy, request) -> {
            BigDecimal p = number(policy);
            BigDecimal r = number(request);
            return p != null && r != null && comparison.test(r.compareTo(p));
        };
    }

    static ValueMatcher date(IntPredicate comparison) {
        return (policy, request) -> {
            Instant p = instant(policy);
            Instant r = instant(request);
            return p != null && r != null && comparison.test(r.compareTo(p));
        };
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Dates are ISO 8601 (date, date-time with or without offset, taken as UTC) or epoch seconds. */
    static Instant instant(String text) {
        String t = text.trim();
        BigDecimal epoch = number(t);
        if (epoch != null) {
            return Instant.ofEpochMilli(epoch.movePointRight(3).longValue());
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException notOffset) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notLocal) {
            // try the next form
        }
        try {
            return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notDate) {
            return null;
        }
    }
}
