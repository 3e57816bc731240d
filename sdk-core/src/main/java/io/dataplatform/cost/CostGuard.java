package io.dataplatform.cost;

import io.dataplatform.internal.Checks;
import java.util.Optional;

/**
 * Client-side limits checked before anything that costs money starts. A refused operation throws
 * {@link CostLimitExceededException} and nothing is started.
 *
 * <p>The {@linkplain #defaults() defaults} set no amounts but keep two safety rules: an estimate
 * is required (no estimate, no query) and a partitioned table may not be scanned in full unless
 * the query says so ({@code allowFullScan()}).
 *
 * <pre>{@code
 * CostGuard guard = CostGuard.builder()
 *         .maxBytesScannedPerQuery(DataSize.ofGigabytes(10))
 *         .budget(Money.usd(25))                              // for the platform's lifetime
 *         .maxUnboundedSelectStar(DataSize.ofMegabytes(100))
 *         .build();
 * }</pre>
 */
public final class CostGuard {
    private final DataSize maxBytesScannedPerQuery;
    private final Money budget;
    private final DataSize maxUnboundedSelectStar;
    private final boolean refuseFullScans;
    private final boolean requireEstimate;
    private final Money maxJobRunCost;
    private final Money maxClusterHourlyCost;

    private CostGuard(Builder builder) {
        this.maxJobRunCost = builder.maxJobRunCost;
        this.maxClusterHourlyCost = builder.maxClusterHourlyCost;
        this.maxBytesScannedPerQuery = builder.maxBytesScannedPerQuery;
        this.budget = builder.budget;
        this.maxUnboundedSelectStar = builder.maxUnboundedSelectStar;
        this.refuseFullScans = builder.refuseFullScans;
        this.requireEstimate = builder.requireEstimate;
    }

    /** Returns a builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the default guard: no amounts, estimates required, full scans of partitioned tables refused. */
    public static CostGuard defaults() {
        return builder().build();
    }

    /** Returns a guard that checks nothing and estimates nothing: queries start without pre-flight calls. */
    public static CostGuard none() {
        return builder().allowFullScans().allowUnestimatedOperations().build();
    }

    /** Returns the per-query limit on bytes scanned, if set. */
    public Optional<DataSize> maxBytesScannedPerQuery() {
        return Optional.ofNullable(maxBytesScannedPerQuery);
    }

    /** Returns the budget for the platform's lifetime, if set. */
    public Optional<Money> budget() {
        return Optional.ofNullable(budget);
    }

    /** Returns the largest table an unbounded {@code SELECT *} may read, if set. */
    public Optional<DataSize> maxUnboundedSelectStar() {
        return Optional.ofNullable(maxUnboundedSelectStar);
    }

    /** Returns the most a Glue job run may cost at worst (its workers for its whole timeout), if set. */
    public Optional<Money> maxJobRunCost() {
        return Optional.ofNullable(maxJobRunCost);
    }

    /** Returns the limit on an EMR cluster's estimated hourly price, if set. */
    public Optional<Money> maxClusterHourlyCost() {
        return Optional.ofNullable(maxClusterHourlyCost);
    }

    /** Returns true if a full scan of a partitioned table is refused unless the query allows it. */
    public boolean refusesFullScans() {
        return refuseFullScans;
    }

    /** Returns true if an operation whose cost cannot be estimated is refused. */
    public boolean requiresEstimate() {
        return requireEstimate;
    }

    /** Returns true if any rule needs an estimate before an operation starts. */
    public boolean needsEstimate() {
        return requireEstimate || refuseFullScans || maxBytesScannedPerQuery != null || budget != null
                || maxUnboundedSelectStar != null;
    }

    /** Returns a builder holding this guard's settings. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.maxBytesScannedPerQuery = maxBytesScannedPerQuery;
        builder.budget = budget;
        builder.maxUnboundedSelectStar = maxUnboundedSelectStar;
        builder.refuseFullScans = refuseFullScans;
        builder.requireEstimate = requireEstimate;
        builder.maxJobRunCost = maxJobRunCost;
        builder.maxClusterHourlyCost = maxClusterHourlyCost;
        return builder;
    }

    @Override
    public String toString() {
        return "CostGuard{maxBytesScannedPerQuery=" + maxBytesScannedPerQuery + ", budget=" + budget
                + ", maxUnboundedSelectStar=" + maxUnboundedSelectStar + ", refuseFullScans=" + refuseFullScans
                + ", requireEstimate=" + requireEstimate + ", maxJobRunCost=" + maxJobRunCost
                + ", maxClusterHourlyCost=" + maxClusterHourlyCost + "}";
    }

    /** Configures a {@link CostGuard}. */
    public static final class Builder {
        private DataSize maxBytesScannedPerQuery;
        private Money budget;
        private DataSize maxUnboundedSelectStar;
        private boolean refuseFullScans = true;
        private boolean requireEstimate = true;
        private Money maxJobRunCost;
        private Money maxClusterHourlyCost;

        private Builder() {
        }

        /**
         * Refuses a Glue job run whose worst case (workers x DPUs per worker x the job's timeout, at
         * the Glue DPU-hour price) exceeds {@code limit}, before StartJobRun.
         */
        public Builder maxJobRunCost(Money limit) {
            Checks.notNull(limit, "maxJobRunCost");
            Checks.require(limit.amount().signum() > 0, "maxJobRunCost must be > $0, but was %s", limit);
            this.maxJobRunCost = limit;
            return this;
        }

        /** Refuses to create an EMR cluster whose instances are estimated to cost more than {@code limit} an hour. */
        public Builder maxClusterHourlyCost(Money limit) {
            Checks.notNull(limit, "maxClusterHourlyCost");
            Checks.require(limit.amount().signum() > 0, "maxClusterHourlyCost must be > $0, but was %s", limit);
            this.maxClusterHourlyCost = limit;
            return this;
        }

        /** Refuses any query estimated to scan more than {@code limit}. */
        public Builder maxBytesScannedPerQuery(DataSize limit) {
            Checks.notNull(limit, "maxBytesScannedPerQuery");
            Checks.require(limit.bytes() > 0, "maxBytesScannedPerQuery must be > 0, but was %s", limit);
            this.maxBytesScannedPerQuery = limit;
            return this;
        }

        /** Refuses an operation once the costs recorded so far plus its estimate would exceed {@code budget}. */
        public Builder budget(Money budget) {
            Checks.notNull(budget, "budget");
            Checks.require(budget.amount().signum() > 0, "budget must be > $0, but was %s", budget);
            this.budget = budget;
            return this;
        }

        /** Refuses a {@code SELECT *} without {@code LIMIT} over a table larger than {@code size}. */
        public Builder maxUnboundedSelectStar(DataSize size) {
            Checks.notNull(size, "maxUnboundedSelectStar");
            this.maxUnboundedSelectStar = size;
            return this;
        }

        /** Lets queries scan partitioned tables in full without saying so. */
        public Builder allowFullScans() {
            this.refuseFullScans = false;
            return this;
        }

        /**
         * Lets an operation start when its cost cannot be estimated (a table missing from the
         * catalog, a location that cannot be listed). Limits are then checked only when an estimate exists.
         */
        public Builder allowUnestimatedOperations() {
            this.requireEstimate = false;
            return this;
        }

        /** Builds the guard. */
        public CostGuard build() {
            return new CostGuard(this);
        }
    }
}
