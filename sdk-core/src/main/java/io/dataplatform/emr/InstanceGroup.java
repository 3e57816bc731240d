package io.dataplatform.emr;

import io.dataplatform.cost.Money;
import io.dataplatform.internal.Checks;
import java.util.Optional;

/**
 * One group of a cluster's instances of one type: the master, the core group or a task group.
 *
 * <pre>{@code
 * InstanceGroup core = InstanceGroup.onDemand(InstanceType.M5_XLARGE, 3);
 * InstanceGroup task = InstanceGroup.spot(InstanceType.M5_2XLARGE, 4).withBidPrice(Money.usd("0.20"));
 * }</pre>
 *
 * @param type     the EC2 instance type
 * @param count    how many instances (the master group: 1)
 * @param market   on-demand or spot
 * @param bidPrice the highest spot price per instance-hour, or null for up to the on-demand price
 */
public record InstanceGroup(InstanceType type, int count, InstanceMarket market, Money bidPrice) {

    /** Validates the group. */
    public InstanceGroup {
        Checks.notNull(type, "type");
        Checks.notNull(market, "market");
        Checks.require(count >= 0, "Invalid instance count %s for %s: must be >= 0", count, type);
        Checks.require(bidPrice == null || market == InstanceMarket.SPOT,
                "Invalid bid price for %s: only spot instances have one", type);
        Checks.require(bidPrice == null || bidPrice.amount().signum() > 0,
                "Invalid bid price %s for %s: must be > $0", bidPrice, type);
    }

    /** Returns {@code count} on-demand instances of {@code type}. */
    public static InstanceGroup onDemand(InstanceType type, int count) {
        return new InstanceGroup(type, count, InstanceMarket.ON_DEMAND, null);
    }

    /** Returns {@code count} spot instances of {@code type}, bid up to the on-demand price. */
    public static InstanceGroup spot(InstanceType type, int count) {
        return new InstanceGroup(type, count, InstanceMarket.SPOT, null);
    }

    /** Returns a copy bidding at most {@code price} per instance-hour (spot only). */
    public InstanceGroup withBidPrice(Money price) {
        Checks.notNull(price, "bidPrice");
        return new InstanceGroup(type, count, market, price);
    }

    /** Returns the bid price, if one was set. */
    public Optional<Money> bid() {
        return Optional.ofNullable(bidPrice);
    }

    @Override
    public String toString() {
        return count + " x " + type + (market == InstanceMarket.SPOT ? " spot" + (bidPrice == null ? "" : " (bid " + bidPrice + ")")
                : "");
    }
}
