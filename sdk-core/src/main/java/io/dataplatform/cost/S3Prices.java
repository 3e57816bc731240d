package io.dataplatform.cost;

import io.dataplatform.internal.Checks;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * S3 Standard list prices, from the S3 pricing page for us-east-1 (first 50 TB tier): storage
 * $0.023 per GB-month; PUT, COPY, POST and LIST requests $0.005 per 1,000; GET and all other
 * requests $0.0004 per 1,000. Override them for another region or a negotiated rate.
 *
 * @param storagePerGbMonth   storage, per GB (10^9 bytes) per month
 * @param writePer1000        PUT, COPY, POST and LIST requests, per 1,000
 * @param readPer1000         GET and other requests, per 1,000
 */
public record S3Prices(Money storagePerGbMonth, Money writePer1000, Money readPer1000) {
    private static final BigDecimal GB = BigDecimal.valueOf(1_000_000_000L);
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    /** Validates that every price is given. */
    public S3Prices {
        Checks.notNull(storagePerGbMonth, "storagePerGbMonth");
        Checks.notNull(writePer1000, "writePer1000");
        Checks.notNull(readPer1000, "readPer1000");
    }

    /** Returns the us-east-1 S3 Standard list prices. */
    public static S3Prices standardUsEast1() {
        return new S3Prices(Money.usd("0.023"), Money.usd("0.005"), Money.usd("0.0004"));
    }

    /** Returns what storing {@code size} for one month costs. */
    public Money storagePerMonth(DataSize size) {
        return storagePerGbMonth.times(BigDecimal.valueOf(size.bytes()).divide(GB, MathContext.DECIMAL64));
    }

    /** Returns what {@code writes} PUT/COPY/POST/LIST and {@code reads} GET/other requests cost. */
    public Money requests(long writes, long reads) {
        Checks.nonNegative(writes, "writes");
        Checks.nonNegative(reads, "reads");
        return writePer1000.times(BigDecimal.valueOf(writes).divide(THOUSAND, MathContext.DECIMAL64))
                .plus(readPer1000.times(BigDecimal.valueOf(reads).divide(THOUSAND, MathContext.DECIMAL64)));
    }
}
