package io.dataplatform.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GluePricesTest {
    private final GluePrices prices = GluePrices.standard();

    @Test
    void crawlerRun_shorterThanTenMinutes_isBilledForTen() {
        assertThat(prices.crawlerRun(Duration.ofMinutes(3), 1).amount().setScale(6, java.math.RoundingMode.HALF_UP))
                .isEqualByComparingTo("0.073333");
        assertThat(prices.crawlerRun(Duration.ofMinutes(3), 1)).hasToString("$0.07");
    }

    @Test
    void jobRun_isBilledPerSecondAfterItsMinute() {
        assertThat(prices.jobRun(Duration.ofMinutes(30), 2)).isEqualTo(Money.usd("0.44"));
        assertThat(prices.jobRun(Duration.ofSeconds(10), 1)).isEqualTo(prices.jobRun(Duration.ofMinutes(1), 1));
    }

    @Test
    void jobRun_billsAStartedSecondInFull() {
        assertThat(prices.jobRun(Duration.ofMillis(3_600_001), 1)).isEqualTo(prices.jobRun(Duration.ofSeconds(3601), 1));
        assertThat(prices.jobRun(Duration.ofMillis(3_600_001), 1)).isNotEqualTo(prices.jobRun(Duration.ofHours(1), 1));
    }

    @Test
    void rules() {
        assertThatThrownBy(() -> prices.jobRun(Duration.ofSeconds(-1), 1))
                .hasMessage("duration must be >= 0, but was PT-1S");
        assertThatThrownBy(() -> prices.jobRun(Duration.ofSeconds(1), 0)).hasMessage("dpus must be > 0, but was 0.0");
        assertThat(PriceList.standard().withGlue(new GluePrices(Money.usd("0.29"), Duration.ZERO, Duration.ZERO))
                .glue().crawlerRun(Duration.ofHours(1), 1)).isEqualTo(Money.usd("0.29"));
    }

    @Test
    void jobRunEstimate_isWorkersTimesDpusForTheWholeTimeout_atTheFlexPriceForFlex() {
        assertThat(prices.jobRunEstimate(2, 1, Duration.ofMinutes(60), false)).isEqualTo(Money.usd("0.88"));
        assertThat(prices.jobRunEstimate(2, 1, Duration.ofMinutes(60), true)).isEqualTo(Money.usd("0.58"));
        assertThat(prices.jobRunEstimate(10, 2, Duration.ofMinutes(120), false)).isEqualTo(Money.usd("17.60"));
    }

    @Test
    void jobRunFromDpuSeconds_appliesTheMinuteToEachDpu() {
        assertThat(prices.jobRunFromDpuSeconds(40, 2, false)).isEqualTo(prices.jobRun(Duration.ofMinutes(1), 2));
        assertThat(prices.jobRunFromDpuSeconds(7200, 2, false)).isEqualTo(Money.usd("0.88"));
    }
}
