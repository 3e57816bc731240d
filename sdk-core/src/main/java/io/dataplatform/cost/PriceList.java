package io.dataplatform.cost;

import io.dataplatform.internal.Checks;

/**
 * The prices a platform's estimates and ledger use: documented list prices by default, each
 * overridable for another region or a negotiated rate.
 *
 * <pre>{@code
 * PriceList prices = PriceList.standard().withAthena(new AthenaPrices(Money.usd("6.25"),
 *         DataSize.ofMegabytes(10), DataSize.ofMegabytes(1)));
 * }</pre>
 *
 * @param athena Athena per-query prices
 * @param s3     S3 storage and request prices
 * @param glue   Glue crawler and job prices
 * @param emr    EMR instance prices (EC2 plus EMR per instance-hour)
 */
public record PriceList(AthenaPrices athena, S3Prices s3, GluePrices glue, EmrPrices emr) {

    /** Validates that every price group is given. */
    public PriceList {
        Checks.notNull(athena, "athena");
        Checks.notNull(s3, "s3");
        Checks.notNull(glue, "glue");
        Checks.notNull(emr, "emr");
    }

    /** Returns the documented list prices (us-east-1). */
    public static PriceList standard() {
        return Standard.PRICES;
    }

    /** Built on first use and shared (a price list is immutable): every platform's builder starts from it. */
    private static final class Standard {
        static final PriceList PRICES = new PriceList(AthenaPrices.standard(), S3Prices.standardUsEast1(),
                GluePrices.standard(), EmrPrices.standardUsEast1());
    }

    /** Returns a copy with other Athena prices. */
    public PriceList withAthena(AthenaPrices prices) {
        return new PriceList(prices, s3, glue, emr);
    }

    /** Returns a copy with other S3 prices. */
    public PriceList withS3(S3Prices prices) {
        return new PriceList(athena, prices, glue, emr);
    }

    /** Returns a copy with other Glue prices. */
    public PriceList withGlue(GluePrices prices) {
        return new PriceList(athena, s3, prices, emr);
    }

    /** Returns a copy with other EMR prices. */
    public PriceList withEmr(EmrPrices prices) {
        return new PriceList(athena, s3, glue, prices);
    }
}
