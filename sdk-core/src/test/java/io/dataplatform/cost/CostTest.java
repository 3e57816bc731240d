package io.dataplatform.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.cost.internal.DefaultCostLedger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CostTest {
    private final AthenaPrices athena = AthenaPrices.standard();

    @Test
    void athenaPrices_billAtLeastTenMegabytes() {
        assertThat(athena.billedBytes(DataSize.ZERO)).isEqualTo(DataSize.ofMegabytes(10));
        assertThat(athena.billedBytes(DataSize.ofBytes(1))).isEqualTo(DataSize.ofMegabytes(10));
        assertThat(athena.queryCost(DataSize.ofMegabytes(3))).isEqualTo(Money.usd("0.00005"));
    }

    @Test
    void athenaPrices_roundUpToTheNextMegabyte() {
        assertThat(athena.billedBytes(DataSize.ofBytes(10_000_001))).isEqualTo(DataSize.ofMegabytes(11));
        assertThat(athena.billedBytes(DataSize.ofMegabytes(12))).isEqualTo(DataSize.ofMegabytes(12));
        assertThat(athena.queryCost(DataSize.ofBytes(10_000_001))).isEqualTo(Money.usd("0.000055"));
    }

    @Test
    void athenaPrices_chargeFiveDollarsPerTerabyte() {
        assertThat(athena.queryCost(DataSize.ofTerabytes(1))).isEqualTo(Money.usd(5));
        assertThat(athena.queryCost(DataSize.ofGigabytes(250))).isEqualTo(Money.usd("1.25"));
        assertThat(athena.costOf(DataSize.ofMegabytes(1))).isEqualTo(Money.usd("0.000005"));
    }

    @Test
    void priceList_overridesOneGroup() {
        AthenaPrices negotiated = new AthenaPrices(Money.usd("4.00"), DataSize.ofMegabytes(10), DataSize.ofMegabytes(1));
        PriceList prices = PriceList.standard().withAthena(negotiated);

        assertThat(prices.athena().queryCost(DataSize.ofTerabytes(2))).isEqualTo(Money.usd(8));
        assertThat(prices.s3()).isEqualTo(S3Prices.standardUsEast1());
    }

    @Test
    void validationRules() {
        assertThatThrownBy(() -> new AthenaPrices(Money.usd(5), DataSize.ZERO, DataSize.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("roundingUnit must be > 0 bytes, but was 0");
        assertThatThrownBy(() -> CostGuard.builder().maxBytesScannedPerQuery(DataSize.ZERO))
                .hasMessage("maxBytesScannedPerQuery must be > 0, but was 0 B");
        assertThatThrownBy(() -> CostGuard.builder().budget(Money.ZERO)).hasMessage("budget must be > $0, but was $0.00");
        assertThatThrownBy(() -> CostGuard.builder().maxUnboundedSelectStar(null))
                .hasMessage("maxUnboundedSelectStar must not be null");
        assertThatThrownBy(() -> PriceList.standard().withAthena(null)).hasMessage("athena must not be null");
    }

    @Test
    void costGuard_defaultsAndToBuilder() {
        CostGuard defaults = CostGuard.defaults();
        assertThat(defaults.refusesFullScans()).isTrue();
        assertThat(defaults.requiresEstimate()).isTrue();
        assertThat(defaults.budget()).isEmpty();
        assertThat(CostGuard.none().needsEstimate()).isFalse();

        CostGuard copy = CostGuard.builder().budget(Money.usd(25)).build().toBuilder().allowFullScans().build();
        assertThat(copy.budget()).contains(Money.usd(25));
        assertThat(copy.refusesFullScans()).isFalse();
    }

    @Test
    void ledger_reservesUnderOneLock_andSettlesOnce() {
        DefaultCostLedger ledger = new DefaultCostLedger(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        DefaultCostLedger.Slot first = ledger.reserve("Athena query", "SELECT 1", true, DataSize.ofMegabytes(10),
                Money.usd("0.00005"), total -> total.isGreaterThan(Money.usd("0.0001")));
        first.started("q-1");
        first.settle(DataSize.ofMegabytes(20), Money.usd("0.0001"));
        first.settle(DataSize.ofMegabytes(99), Money.usd(1));

        assertThat(ledger.reserve("Athena query", "SELECT 2", true, DataSize.ofMegabytes(10), Money.usd("0.00005"),
                total -> total.isGreaterThan(Money.usd("0.0001")))).isNull();
        DefaultCostLedger.Slot released = ledger.reserve("Athena query", "SELECT 3", false, DataSize.ZERO, Money.ZERO,
                total -> false);
        released.release();

        assertThat(ledger.entries()).singleElement().satisfies(e -> {
            assertThat(e.reference()).isEqualTo("q-1");
            assertThat(e.actualBytes()).isEqualTo(DataSize.ofMegabytes(20));
        });
        assertThat(ledger.actualTotal()).isEqualTo(Money.usd("0.0001"));
        assertThat(ledger.estimatedTotal()).isEqualTo(Money.usd("0.00005"));
    }

    @Test
    void ledger_totalsAlwaysEqualTheSumsOfItsEntries() {
        DefaultCostLedger ledger = new DefaultCostLedger(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        java.util.List<DefaultCostLedger.Slot> slots = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            DefaultCostLedger.Slot slot = ledger.reserve("Athena query", "SELECT " + i, true, DataSize.ofMegabytes(i),
                    Money.usd("0.0005").times(i), total -> false);
            if (i % 3 != 0) {
                slot.settle(DataSize.ofMegabytes(2L * i), Money.usd("0.001").times(i));
            }
            slots.add(slot);
        }
        slots.get(4).release(); // settled
        slots.get(9).release(); // still an estimate
        slots.get(9).release(); // twice: nothing more to take away

        java.util.List<LedgerEntry> entries = ledger.entries();
        assertThat(entries).hasSize(28);
        assertThat(ledger.estimatedTotal()).isEqualTo(entries.stream().map(LedgerEntry::estimatedCost).reduce(Money.ZERO, Money::plus));
        assertThat(ledger.committedTotal()).isEqualTo(entries.stream().map(LedgerEntry::committed).reduce(Money.ZERO, Money::plus));
        assertThat(ledger.actualTotal()).isEqualTo(entries.stream().filter(LedgerEntry::settled)
                .map(LedgerEntry::actualCost).reduce(Money.ZERO, Money::plus));
        assertThat(ledger.actualBytesTotal()).isEqualTo(entries.stream().filter(LedgerEntry::settled)
                .map(LedgerEntry::actualBytes).reduce(DataSize.ZERO, DataSize::plus));
        assertThat(ledger.committedTotal()).isEqualTo(Money.usd("0.359"));
    }
}
