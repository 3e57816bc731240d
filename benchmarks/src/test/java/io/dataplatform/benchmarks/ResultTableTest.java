package io.dataplatform.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    private static Map<String, Measurement> allResults() {
        Map<String, Measurement> results = new HashMap<>();
        results.put(ResultTable.CREATE, new Measurement(41.25, 0.5, "us/op"));
        results.put(ResultTable.PLATFORM_PUT, new Measurement(190_000, 3_800, "ops/s", 4_964.2));
        results.put(ResultTable.RAW_PUT, new Measurement(200_000, 2_000, "ops/s", 4_374.8));
        results.put(ResultTable.S3MOCK_PUT, new Measurement(1_000, 50, "ops/s", 123_456.7));
        results.put(ResultTable.PLATFORM_GET, new Measurement(250_000, Double.NaN, "ops/s", 9_607));
        results.put(ResultTable.RAW_GET, new Measurement(300_000, 3_000, "ops/s", 9_522));
        results.put(ResultTable.S3MOCK_GET, new Measurement(4_000, 40, "ops/s"));
        return results;
    }

    @Test
    void markdown_withEveryResult_printsOperationsRatiosAndTargets() {
        assertThat(ResultTable.of(allResults()).markdown()).isEqualTo("""
                | operation | DataPlatform on FakeAws | raw fake S3Client | S3Mock (AWS SDK) \
                | DataPlatform / raw fake | raw fake / S3Mock |
                |---|---:|---:|---:|---:|---:|
                | put 1 KiB (ops/s) | 190,000 ± 2.0% | 200,000 ± 1.0% | 1,000 ± 5.0% | 95.0% | 200x |
                | get 1 KiB (ops/s) | 250,000 | 300,000 ± 1.0% | 4,000 ± 1.0% | 83.3% | 75x |
                | put 1 KiB (bytes allocated per op) | 4,964 | 4,375 | 123,457 | 113.5% | - |
                | get 1 KiB (bytes allocated per op) | 9,607 | 9,522 | n/a | 100.9% | - |
                | FakeAws.create(), warm average | - | 41.3 µs ± 1.2% | - | - | - |

                | target | measured | status |
                |---|---|---|
                | FakeAws.create() < 10 ms warm | 41.3 µs | met |
                | DataPlatform within 10% of the raw fake S3Client (put) | 95.0% of its ops/s | met |
                | DataPlatform within 10% of the raw fake S3Client (get) | 83.3% of its ops/s | not met |
                | fake >= 100x S3Mock (put) | 200x | met |
                | fake >= 100x S3Mock (get) | 75x | not met |
                """);
    }

    @Test
    void markdown_withoutS3MockResults_marksItsCellsAndTargetsNotMeasured() {
        Map<String, Measurement> results = allResults();
        results.remove(ResultTable.S3MOCK_PUT);
        results.remove(ResultTable.S3MOCK_GET);

        String markdown = ResultTable.of(results).markdown();

        assertThat(markdown)
                .contains("| put 1 KiB (ops/s) | 190,000 ± 2.0% | 200,000 ± 1.0% | n/a | 95.0% | n/a |\n")
                .contains("| fake >= 100x S3Mock (put) | n/a | not measured |\n")
                .contains("| fake >= 100x S3Mock (get) | n/a | not measured |\n");
    }

    @Test
    void markdown_withoutAllocationFigures_printsNotAvailable() {
        Map<String, Measurement> results = allResults();
        results.put(ResultTable.RAW_PUT, new Measurement(200_000, 2_000, "ops/s"));

        assertThat(ResultTable.of(results).markdown())
                .contains("| put 1 KiB (bytes allocated per op) | 4,964 | n/a | 123,457 | n/a | - |\n");
    }

    @Test
    void missing_listsBenchmarksWithoutResultInReportOrder() {
        Map<String, Measurement> results = allResults();
        results.remove(ResultTable.S3MOCK_GET);
        results.remove(ResultTable.CREATE);

        assertThat(ResultTable.of(results).missing()).containsExactly(ResultTable.CREATE, ResultTable.S3MOCK_GET);
        assertThat(ResultTable.of(allResults()).missing()).isEmpty();
    }

    @Test
    void duration_isInNanosecondsMicrosecondsOrMillisecondsByMagnitude() {
        assertThat(ResultTable.duration(0.0994)).isEqualTo("99 ns");
        assertThat(ResultTable.duration(1)).isEqualTo("1.0 µs");
        assertThat(ResultTable.duration(999.94)).isEqualTo("999.9 µs");
        assertThat(ResultTable.duration(12_345)).isEqualTo("12.35 ms");
    }

    @Test
    void ratio_withZeroDenominator_isAbsent() {
        Map<String, Measurement> results = allResults();
        results.put(ResultTable.S3MOCK_PUT, new Measurement(0, 0, "ops/s"));

        assertThat(ResultTable.of(results).ratio(ResultTable.RAW_PUT, ResultTable.S3MOCK_PUT)).isEmpty();
    }
}
