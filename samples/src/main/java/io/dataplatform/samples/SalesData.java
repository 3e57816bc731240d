package io.dataplatform.samples;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;

/**
 * A deterministic, realistic sales data set: one CSV file per month, about 9,000 orders each.
 * The same seed always gives the same bytes, so runs and tests are reproducible.
 */
final class SalesData {
    static final String HEADER = "order_id,order_date,region,customer_id,product,category,quantity,unit_price,amount";
    private static final List<String> REGIONS = List.of("north", "south", "east", "west", "central");
    private static final List<Product> PRODUCTS = List.of(
            new Product("laptop", "electronics", "899.00"), new Product("monitor", "electronics", "219.99"),
            new Product("keyboard", "accessories", "49.90"), new Product("mouse", "accessories", "24.50"),
            new Product("desk", "furniture", "329.00"), new Product("chair", "furniture", "189.00"),
            new Product("headset", "accessories", "79.00"), new Product("tablet", "electronics", "449.00"));

    private final long seed;

    SalesData(long seed) {
        this.seed = seed;
    }

    /** Returns the month's orders as CSV with a header line. */
    String month(YearMonth month) {
        Random random = new Random(seed * 31 + month.getYear() * 12L + month.getMonthValue());
        int orders = 8_500 + random.nextInt(1_000);
        StringBuilder csv = new StringBuilder(orders * 80).append(HEADER).append('\n');
        long firstId = (long) month.getYear() * 10_000_000L + month.getMonthValue() * 100_000L;
        for (int i = 0; i < orders; i++) {
            LocalDate day = month.atDay(1 + random.nextInt(month.lengthOfMonth()));
            Product product = PRODUCTS.get(random.nextInt(PRODUCTS.size()));
            int quantity = 1 + (int) Math.abs(random.nextGaussian() * 2);
            BigDecimal amount = product.price().multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP);
            csv.append(firstId + i).append(',').append(day).append(',')
                    .append(REGIONS.get(random.nextInt(REGIONS.size()))).append(',')
                    .append("C").append(10_000 + random.nextInt(5_000)).append(',')
                    .append(product.name()).append(',').append(product.category()).append(',')
                    .append(quantity).append(',').append(product.price()).append(',').append(amount).append('\n');
        }
        return csv.toString();
    }

    /** Returns the number of data rows (lines minus the header) of a month's CSV. */
    static long rows(String csv) {
        return csv.chars().filter(c -> c == '\n').count() - 1;
    }

    /** Returns the month's CSV with the orders of one region dropped, as a late correction would. */
    static String withoutRegion(String csv, String region) {
        StringBuilder out = new StringBuilder(csv.length());
        for (String line : csv.split("\n")) {
            if (!line.contains("," + region + ",")) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    private record Product(String name, String category, BigDecimal price) {
        Product(String name, String category, String price) {
            this(name, category, new BigDecimal(price));
        }
    }
}
