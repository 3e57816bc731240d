package io.dataplatform.cost;

import io.dataplatform.internal.Checks;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Athena SQL query prices. The list price is $5.00 per TB scanned, bytes rounded up to the next
 * megabyte with a 10 MB minimum per query (Athena pricing page). Reused results, failed queries
 * and DDL are not charged. Sizes are decimal here, like every {@link DataSize} unit named in MB/TB.
 *
 * <pre>{@code
 * Money cost = AthenaPrices.standard().queryCost(DataSize.ofMegabytes(3));   // $0.00005: 10 MB minimum
 * }</pre>
 *
 * @param perTerabyte     the price of one TB (10^12 bytes) scanned
 * @param minimumPerQuery the smallest amount a charged query is billed for
 * @param roundingUnit    scanned bytes are rounded up to a multiple of this
 */
public record AthenaPrices(Money perTerabyte, DataSize minimumPerQuery, DataSize roundingUnit) {
    private static final BigDecimal TERABYTE = BigDecimal.valueOf(1_000_000_000_000L);

    /** Validates the prices. */
    public AthenaPrices {
        Checks.notNull(perTerabyte, "perTerabyte");
        Checks.notNull(minimumPerQuery, "minimumPerQuery");
        Checks.notNull(roundingUnit, "roundingUnit");
        Checks.require(roundingUnit.bytes() > 0, "roundingUnit must be > 0 bytes, but was %s", roundingUnit.bytes());
    }

    /** Returns the list prices: $5.00 per TB, 10 MB minimum, rounded up to the MB. */
    public static AthenaPrices standard() {
        return new AthenaPrices(Money.usd("5.00"), DataSize.ofMegabytes(10), DataSize.ofMegabytes(1));
    }

    /** Returns the bytes Athena bills for a query that scanned {@code scanned}: rounded up, at least the minimum. */
    public DataSize billedBytes(DataSize scanned) {
        Checks.notNull(scanned, "scanned");
        long unit = roundingUnit.bytes();
        long rounded = Math.multiplyExact(Math.floorDiv(scanned.bytes() + unit - 1, unit), unit);
        return DataSize.ofBytes(Math.max(rounded, minimumPerQuery.bytes()));
    }

    /** Returns what a query that scanned {@code scanned} costs, minimum and rounding applied. */
    public Money queryCost(DataSize scanned) {
        return costOf(billedBytes(scanned));
    }

    /** Returns the price of exactly {@code bytes}, without minimum or rounding. */
    public Money costOf(DataSize bytes) {
        Checks.notNull(bytes, "bytes");
        return perTerabyte.times(BigDecimal.valueOf(bytes.bytes()).divide(TERABYTE, MathContext.DECIMAL64));
    }
}
