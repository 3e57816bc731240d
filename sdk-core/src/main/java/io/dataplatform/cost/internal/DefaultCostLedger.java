package io.dataplatform.cost.internal;

import io.dataplatform.cost.CostLedger;
import io.dataplatform.cost.DataSize;
import io.dataplatform.cost.LedgerEntry;
import io.dataplatform.cost.Money;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The ledger of one platform. A budget check and the reservation of the estimate happen under one
 * lock, so two threads cannot both squeeze under the same remaining budget.
 */
public final class DefaultCostLedger implements CostLedger {
    private final Clock clock;
    private final List<Slot> slots = new ArrayList<>();

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
                    entry = entry.settle(bytes, cost);
                }
            }
        }

        /** Removes the reservation: the operation never started. */
        public void release() {
            synchronized (DefaultCostLedger.this) {
                slots.remove(this);
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
        return slot;
    }

    @Override
    public synchronized List<LedgerEntry> entries() {
        return slots.stream().map(s -> s.entry).toList();
    }

    @Override
    public synchronized Money estimatedTotal() {
        return slots.stream().map(s -> s.entry.estimatedCost()).reduce(Money.ZERO, Money::plus);
    }

    @Override
    public synchronized Money actualTotal() {
        return slots.stream().filter(s -> s.entry.settled()).map(s -> s.entry.actualCost()).reduce(Money.ZERO, Money::plus);
    }

    @Override
    public synchronized DataSize actualBytesTotal() {
        return slots.stream().filter(s -> s.entry.settled()).map(s -> s.entry.actualBytes())
                .reduce(DataSize.ZERO, DataSize::plus);
    }

    @Override
    public synchronized Money committedTotal() {
        return slots.stream().map(s -> s.entry.committed()).reduce(Money.ZERO, Money::plus);
    }

    @Override
    public String toString() {
        return "CostLedger{entries=" + entries().size() + ", actual=" + actualTotal() + "}";
    }
}
