package io.dataplatform.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataplatform.benchmarks.Target.Status;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetsTest {

    private static Map<String, Measurement> results(double createMicros, double platformOps, double rawOps,
            double s3mockOps) {
        return Map.of(
                ResultTable.CREATE, new Measurement(createMicros, 0, "us/op"),
                ResultTable.PLATFORM_PUT, new Measurement(platformOps, 0, "ops/s"),
                ResultTable.PLATFORM_GET, new Measurement(platformOps, 0, "ops/s"),
                ResultTable.RAW_PUT, new Measurement(rawOps, 0, "ops/s"),
                ResultTable.RAW_GET, new Measurement(rawOps, 0, "ops/s"),
                ResultTable.S3MOCK_PUT, new Measurement(s3mockOps, 0, "ops/s"),
                ResultTable.S3MOCK_GET, new Measurement(s3mockOps, 0, "ops/s"));
    }

    @Test
    void evaluate_atEveryBoundary_countsTheBoundaryAsMetExceptTheStrictCreateLimit() {
        var targets = Targets.evaluate(ResultTable.of(results(10_000, 90_000, 100_000, 1_000)));

        assertThat(targets).extracting(Target::status).containsExactly(
                Status.NOT_MET, Status.MET, Status.MET, Status.MET, Status.MET);
        assertThat(targets.get(0).measured()).isEqualTo("10.00 ms");
    }

    @Test
    void evaluate_justPastEveryBoundary_marksEveryTargetNotMet() {
        var targets = Targets.evaluate(ResultTable.of(results(10_001, 89_900, 100_000, 1_001)));

        assertThat(targets).extracting(Target::status).containsOnly(Status.NOT_MET);
        assertThat(targets).extracting(Target::measured).containsExactly(
                "10.00 ms", "89.9% of its ops/s", "89.9% of its ops/s", "100x", "100x");
    }

    @Test
    void evaluate_withCreateInNanoseconds_convertsToMicroseconds() {
        Map<String, Measurement> results = new java.util.HashMap<>(results(1, 1, 1, 1));
        results.put(ResultTable.CREATE, new Measurement(2_500_000, 0, "ns/op"));

        assertThat(Targets.evaluate(ResultTable.of(results)).get(0))
                .isEqualTo(new Target("FakeAws.create() < 10 ms warm", "2.50 ms", Status.MET));
    }
}
