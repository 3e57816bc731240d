package io.dataplatform.benchmarks;

import io.dataplatform.benchmarks.Target.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The targets of issue #3, acceptance point 6, checked against one run's results. */
final class Targets {
    /** FakeAws.create() must take less than this, warm. */
    static final double MAX_CREATE_MICROS = 10_000;
    /** DataPlatform must reach at least this share of the raw fake client's ops/s ("within 10%"). */
    static final double MIN_PLATFORM_SHARE = 0.90;
    /** The fake must reach at least this multiple of S3Mock's ops/s. */
    static final double MIN_FAKE_SPEEDUP = 100;

    private Targets() {
    }

    /** Returns every target with its measurement and status, in the order the issue lists them. */
    static List<Target> evaluate(ResultTable table) {
        List<Target> targets = new ArrayList<>();
        String createName = "FakeAws.create() < 10 ms warm";
        targets.add(table.result(ResultTable.CREATE)
                .map(m -> new Target(createName, ResultTable.duration(m.micros()),
                        Status.of(m.micros() < MAX_CREATE_MICROS)))
                .orElse(notMeasured(createName)));
        targets.add(share(table, "put", ResultTable.PLATFORM_PUT, ResultTable.RAW_PUT));
        targets.add(share(table, "get", ResultTable.PLATFORM_GET, ResultTable.RAW_GET));
        targets.add(speedup(table, "put", ResultTable.RAW_PUT, ResultTable.S3MOCK_PUT));
        targets.add(speedup(table, "get", ResultTable.RAW_GET, ResultTable.S3MOCK_GET));
        return List.copyOf(targets);
    }

    private static Target share(ResultTable table, String operation, String platform, String raw) {
        String name = "DataPlatform within 10% of the raw fake S3Client (" + operation + ")";
        Optional<Double> ratio = table.ratio(platform, raw);
        return ratio.map(r -> new Target(name, ResultTable.percent(r) + " of its ops/s",
                        Status.of(r >= MIN_PLATFORM_SHARE)))
                .orElse(notMeasured(name));
    }

    private static Target speedup(ResultTable table, String operation, String fake, String s3mock) {
        String name = "fake >= 100x S3Mock (" + operation + ")";
        return table.ratio(fake, s3mock)
                .map(r -> new Target(name, ResultTable.times(r), Status.of(r >= MIN_FAKE_SPEEDUP)))
                .orElse(notMeasured(name));
    }

    private static Target notMeasured(String name) {
        return new Target(name, "n/a", Status.NOT_MEASURED);
    }
}
