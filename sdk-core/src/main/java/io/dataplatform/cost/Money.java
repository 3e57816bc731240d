package io.dataplatform.cost;

import io.dataplatform.internal.Checks;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of US dollars, exact (BigDecimal), never negative.
 *
 * <pre>{@code
 * Money budget = Money.usd(25);
 * Money perQuery = Money.usd("0.05");
 * }</pre>
 *
 * @param amount the amount in USD
 */
public record Money(BigDecimal amount) implements Comparable<Money> {
    /** Nothing. */
    public static final Money ZERO = new Money(BigDecimal.ZERO);

    /** Validates that the amount is not negative. */
    public Money {
        Checks.notNull(amount, "amount");
        if (amount.signum() < 0) {
            // Not Checks.require: its arguments (the amount's text) would be built for every valid amount too.
            throw new IllegalArgumentException("amount must be >= 0 USD, but was " + amount.toPlainString());
        }
    }

    /** Returns {@code dollars} USD. */
    public static Money usd(long dollars) {
        return new Money(BigDecimal.valueOf(dollars));
    }

    /** Returns the amount written in {@code dollars}, e.g. {@code "0.005"}. */
    public static Money usd(String dollars) {
        Checks.notNull(dollars, "dollars");
        try {
            return new Money(new BigDecimal(dollars));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("dollars must be a decimal number such as \"0.05\", but was '" + dollars + "'");
        }
    }

    /** Returns {@code amount} USD. */
    public static Money usd(BigDecimal amount) {
        return new Money(amount);
    }

    /** Returns this plus {@code other}. */
    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    /** Returns this times {@code factor} (>= 0). */
    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor));
    }

    /** Returns this times {@code factor} (>= 0). */
    public Money times(long factor) {
        return times(BigDecimal.valueOf(factor));
    }

    /** Returns true if this is strictly more than {@code other}. */
    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    /** Equal amounts are equal whatever their scale: {@code $1.0 == $1.00}. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Money money && amount.compareTo(money.amount) == 0;
    }

    @Override
    public int hashCode() {
        return amount.stripTrailingZeros().hashCode();
    }

    /** Returns e.g. {@code $0.0123}: cents, or four decimals below a cent so small costs stay visible. */
    @Override
    public String toString() {
        int scale = amount.compareTo(new BigDecimal("0.01")) < 0 && amount.signum() > 0 ? 6 : 2;
        BigDecimal shown = amount.setScale(scale, RoundingMode.HALF_UP);
        if (scale == 6) {
            shown = shown.stripTrailingZeros();
        }
        return "$" + shown.toPlainString();
    }
}
