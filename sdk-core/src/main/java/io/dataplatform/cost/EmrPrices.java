package io.dataplatform.cost;

import io.dataplatform.emr.InstanceGroup;
import io.dataplatform.emr.InstanceMarket;
import io.dataplatform.emr.InstanceType;
import io.dataplatform.internal.Checks;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Amazon EMR on EC2 prices per instance-hour: the EC2 on-demand price plus the EMR price, us-east-1
 * Linux list prices (EC2 and EMR pricing pages). Billed per second with a one-minute minimum. Spot
 * instances are estimated at the on-demand price unless their group names a bid price.
 *
 * <pre>{@code
 * EmrPrices prices = EmrPrices.standardUsEast1().withInstance(InstanceType.of("c6g.xlarge"),
 *         Money.usd("0.136"), Money.usd("0.034"));
 * }</pre>
 *
 * @param ec2 the EC2 on-demand price per instance-hour, by type
 * @param emr the EMR price per instance-hour, by type
 * @param minimum the shortest time a cluster is billed for
 */
public record EmrPrices(Map<InstanceType, Money> ec2, Map<InstanceType, Money> emr, Duration minimum) {
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    /** Copies the maps; every type needs both prices. */
    public EmrPrices {
        Checks.notNull(ec2, "ec2");
        Checks.notNull(emr, "emr");
        Checks.notNull(minimum, "minimum");
        Checks.require(ec2.keySet().equals(emr.keySet()), "ec2 and emr prices must name the same instance types, but"
                + " were %s and %s", ec2.keySet(), emr.keySet());
        ec2 = Checks.copyOf(ec2, "ec2");
        emr = Checks.copyOf(emr, "emr");
    }

    /** Returns the us-east-1 list prices of the {@link InstanceType} constants, one-minute minimum. */
    public static EmrPrices standardUsEast1() {
        return Standard.PRICES;
    }

    /** Built on first use and shared (the prices are immutable): every platform starts from them. */
    private static final class Standard {
        static final EmrPrices PRICES = build();
    }

    private static EmrPrices build() {
        Map<InstanceType, Money> ec2 = new LinkedHashMap<>();
        Map<InstanceType, Money> emr = new LinkedHashMap<>();
        // EC2 Linux on-demand and EMR per-instance-hour prices, us-east-1.
        put(ec2, emr, InstanceType.M5_XLARGE, "0.192", "0.048");
        put(ec2, emr, InstanceType.M5_2XLARGE, "0.384", "0.096");
        put(ec2, emr, InstanceType.M5_4XLARGE, "0.768", "0.192");
        put(ec2, emr, InstanceType.M6I_XLARGE, "0.192", "0.048");
        put(ec2, emr, InstanceType.M6I_2XLARGE, "0.384", "0.096");
        put(ec2, emr, InstanceType.M6I_4XLARGE, "0.768", "0.192");
        put(ec2, emr, InstanceType.M6G_XLARGE, "0.154", "0.0385");
        put(ec2, emr, InstanceType.M6G_2XLARGE, "0.308", "0.077");
        put(ec2, emr, InstanceType.M6G_4XLARGE, "0.616", "0.154");
        put(ec2, emr, InstanceType.M7G_XLARGE, "0.1632", "0.0408");
        put(ec2, emr, InstanceType.M7G_2XLARGE, "0.3264", "0.0816");
        put(ec2, emr, InstanceType.M7G_4XLARGE, "0.6528", "0.1632");
        put(ec2, emr, InstanceType.R5_XLARGE, "0.252", "0.063");
        put(ec2, emr, InstanceType.R5_2XLARGE, "0.504", "0.126");
        put(ec2, emr, InstanceType.R5_4XLARGE, "1.008", "0.252");
        put(ec2, emr, InstanceType.R6I_XLARGE, "0.252", "0.063");
        put(ec2, emr, InstanceType.R6I_2XLARGE, "0.504", "0.126");
        put(ec2, emr, InstanceType.R6I_4XLARGE, "1.008", "0.252");
        put(ec2, emr, InstanceType.R6G_XLARGE, "0.2016", "0.0504");
        put(ec2, emr, InstanceType.R6G_2XLARGE, "0.4032", "0.1008");
        put(ec2, emr, InstanceType.R6G_4XLARGE, "0.8064", "0.2016");
        put(ec2, emr, InstanceType.R7G_XLARGE, "0.2142", "0.05355");
        put(ec2, emr, InstanceType.R7G_2XLARGE, "0.4284", "0.1071");
        put(ec2, emr, InstanceType.R7G_4XLARGE, "0.8568", "0.2142");
        return new EmrPrices(ec2, emr, Duration.ofMinutes(1));
    }

    private static void put(Map<InstanceType, Money> ec2, Map<InstanceType, Money> emr, InstanceType type, String ec2Price,
                            String emrPrice) {
        ec2.put(type, Money.usd(ec2Price));
        emr.put(type, Money.usd(emrPrice));
    }

    /** Returns a copy that prices {@code type} at {@code ec2} plus {@code emr} per instance-hour. */
    public EmrPrices withInstance(InstanceType type, Money ec2Price, Money emrPrice) {
        Checks.notNull(type, "type");
        Checks.notNull(ec2Price, "ec2Price");
        Checks.notNull(emrPrice, "emrPrice");
        Map<InstanceType, Money> newEc2 = new LinkedHashMap<>(ec2);
        Map<InstanceType, Money> newEmr = new LinkedHashMap<>(emr);
        newEc2.put(type, ec2Price);
        newEmr.put(type, emrPrice);
        return new EmrPrices(newEc2, newEmr, minimum);
    }

    /** Returns the on-demand price of one instance-hour of {@code type} (EC2 plus EMR), if known. */
    public Optional<Money> instanceHour(InstanceType type) {
        Money e = ec2.get(type);
        return e == null ? Optional.empty() : Optional.of(e.plus(emr.get(type)));
    }

    /**
     * Returns the hourly price of {@code groups}: per instance the EC2 price (a spot group's bid price, if it
     * has one, else on-demand) plus the EMR price; empty if a type's price is unknown.
     */
    public Optional<Money> hourly(List<InstanceGroup> groups) {
        Money total = Money.ZERO;
        for (InstanceGroup group : groups) {
            Money e = ec2.get(group.type());
            if (e == null) {
                return Optional.empty();
            }
            Money compute = group.market() == InstanceMarket.SPOT && group.bidPrice() != null ? group.bidPrice() : e;
            total = total.plus(compute.plus(emr.get(group.type())).times(group.count()));
        }
        return Optional.of(total);
    }

    /** Returns what running at {@code hourly} for {@code duration} costs: per started second, minimum applied. */
    public Money run(Money hourly, Duration duration) {
        Checks.notNull(hourly, "hourly");
        Checks.notNull(duration, "duration");
        Duration billed = duration.compareTo(minimum) < 0 ? minimum : duration;
        long seconds = billed.toSeconds() + (billed.toNanosPart() > 0 ? 1 : 0);
        return Money.usd(hourly.amount().multiply(BigDecimal.valueOf(seconds)).divide(SECONDS_PER_HOUR, MathContext.DECIMAL64));
    }
}
