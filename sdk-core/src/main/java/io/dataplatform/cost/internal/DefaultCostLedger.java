package io.dataplatform.cost.internal;

import io.dataplatform.cost.CostLedger;
import io.dataplatform.cost.DataSize;
import io.dataplatform.cost.LedgerEntry;
import io.dataplatform.cost.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The ledger of one platform. A budget check and the reservation of the estimate happen under one
 * lock, so two threads cannot both squeeze under the same remaining budget. The totals are kept as
 * entries change rather than summed on demand: every reservation reads the committed total, and a
 * platform that ran thousands of queries must not re-add thousands of entries for the next one.
 */
public final class DefaultCostLedger implements CostLedger {
    private final Clock clock;
    private final List<Slot> slots = new ArrayList<>();
    private BigDecimal estimatedSum = BigDecimal.ZERO;
    private BigDecimal committedSum = BigDecimal.ZERO;
    private BigDecimal actualSum = BigDecimal.ZERO;
    private long actualBytesSum;

    /** Creates an empty ledger stamping entries with {@code clock}. */
    public DefaultCostLedger(Clock clock) {
        this.clock = clock;
    }

    /** A reserved place in the ledger; becomes an entry once the operation has an id. */
    public final class Slot {
        private LedgerEntry entry;

        private Slot(LedgerEntry entry) {
            this.entry = entry;
        }

        /** Names the operation's AWS id once it started. */
        public void started(String reference) {
            synchronized (DefaultCostLedger.this) {
                entry = new LedgerEntry(entry.operation(), reference, entry.description(), entry.recordedAt(),
                        entry.estimated(), entry.estimatedBytes(), entry.estimatedCost(), false, DataSize.ZERO, Money.ZERO);
            }
        }

        /** Records the actual cost; later calls are ignored (a result is settled once). */
        public void settle(DataSize bytes, Money cost) {
            synchronized (DefaultCostLedger.this) {
                if (!entry.settled()) {
                    committedSum = committedSum.subtract(entry.committed().amount()).add(cost.amount());
                    actualSum = actualSum.add(cost.amount());
                    actualBytesSum += bytes.bytes();
                    entry = entry.settle(bytes, cost);
                }
            }
        }

        /** Removes the reservation: the operation never started. */
        public void release() {
            synchronized (DefaultCostLedger.this) {
                if (slots.remove(this)) {
                    estimatedSum = estimatedSum.subtract(entry.estimatedCost().amount());
                    committedSum = committedSum.subtract(entry.committed().amount());
                    if (entry.settled()) {
                        actualSum = actualSum.subtract(entry.actualCost().amount());
                        actualBytesSum -= entry.actualBytes().bytes();
                    }
                }
            }
        }
    }

    /**
     * Reserves {@code estimatedCost} unless {@code refuse} says the committed total plus the estimate
     * is too much; returns null when refused.
     */
    public synchronized Slot reserve(String operation, String description, boolean estimated, DataSize estimatedBytes,
                                     Money estimatedCost, Predicate<Money> refuse) {
        if (refuse.test(committedTotal().plus(estimatedCost))) {
            return null;
        }
        Slot slot = new Slot(new LedgerEntry(operation, "(starting)", description, clock.instant(), estimated,
                estimatedBytes, estimatedCost, false, DataSize.ZERO, Money.ZERO));
        slots.add(slot);
        estimatedSum = estimatedSum.add(estimatedCost.amount());
        committedSum = committedSum.add(estimatedCost.amount());
        return slot;
    }

    @Override
    public synchronized List<LedgerEntry> entries() {
        return slots.stream().map(s -> s.entry).toList();
    }

    @Override
    public synchronized Money estimatedTotal() {
        return Money.usd(estimatedSum);
    }

    @Override
    public synchronized Money actualTotal() {
        return Money.usd(actualSum);
    }

    @Override
    public synchronized DataSize actualBytesTotal() {
        return DataSize.ofBytes(actualBytesSum);
    }

    @Override
    public synchronized Money committedTotal() {
        return Money.usd(committedSum);
    }

    @Override
    public synchronized String toString() {
        return "CostLedger{entries=" + slots.size() + ", actual=" + actualTotal() + "}";
    }
}
