package io.dataplatform.testing.athena;

import static io.dataplatform.testing.athena.SalesLake.columns;

import io.dataplatform.DataPlatform;
import io.dataplatform.cost.CostGuard;
import io.dataplatform.glue.DataFormat;
import io.dataplatform.testing.FakeAws;
import java.util.List;
import java.util.Locale;

/**
 * The world the guard-soundness test queries: {@link SalesLake} (bucket {@code lake}, database
 * {@code sales}: {@code sales} partitioned by year and month, {@code regions}, Parquet {@code wide})
 * plus {@code big} (unpartitioned CSV), {@code events} (partitioned by an int {@code day}) and
 * {@code events_by_date} (partitioned by a date {@code dt}, one partition value written non-padded:
 * {@code 2024-1-3}). Every partition is registered in Glue, as Athena reads only catalog partitions.
 */
final class GuardLake {
    static final String DATABASE = "sales";
    static final int BIG_ROWS = 200;
    private static final String[] REGIONS = {"eu", "us", "apac", "latam"};

    final FakeAws aws = FakeAws.create();
    final SalesLake lake = new SalesLake(aws);

    GuardLake() {
        big();
        events();
        eventsByDate();
        lake.wideParquet();
    }

    /** A platform whose guard requires an estimate for every query but sets no limit. */
    DataPlatform estimating() {
        return platform(CostGuard.builder().allowFullScans().build());
    }

    /** A platform that runs whatever it is given. */
    DataPlatform unguarded() {
        return platform(CostGuard.none());
    }

    DataPlatform platform(CostGuard guard) {
        return aws.dataPlatformBuilder().costGuard(guard).build();
    }

    private void big() {
        StringBuilder csv = new StringBuilder("id,name,amount,region\n");
        for (int i = 1; i <= BIG_ROWS; i++) {
            csv.append(i).append(",name-").append(i).append(',').append(String.format(Locale.ROOT, "%.2f", i * 1.25))
                    .append(',').append(REGIONS[i % REGIONS.length]).append('\n');
        }
        lake.put("big/big.csv", csv.toString());
        lake.table("big", "s3://lake/big/", DataFormat.csv(',', true),
                columns("id", "bigint", "name", "string", "amount", "double", "region", "string"), List.of());
    }

    private void events() {
        lake.table("events", "s3://lake/events/", DataFormat.csv(',', true), columns("id", "bigint", "kind", "string"),
                columns("day", "int"));
        for (int day = 1; day <= 3; day++) {
            String location = "s3://lake/events/day=" + day + "/";
            lake.put("events/day=" + day + "/part-0.csv", rows(day * 10, 4 + day));
            lake.partition("events", location, String.valueOf(day));
        }
    }

    private void eventsByDate() {
        lake.table("events_by_date", "s3://lake/events_by_date/", DataFormat.csv(',', true),
                columns("id", "bigint", "kind", "string"), columns("dt", "date"));
        // The third value is stored as written by a careless producer: Athena casts it to DATE '2024-01-03'.
        List<String> days = List.of("2024-01-01", "2024-01-02", "2024-1-3");
        for (int d = 0; d < days.size(); d++) {
            String folder = "events_by_date/dt=" + days.get(d) + "/";
            lake.put(folder + "part-0.csv", rows(100 + d * 10, 3 + 2 * d));
            lake.partition("events_by_date", "s3://lake/" + folder, days.get(d));
        }
    }

    private static String rows(int firstId, int count) {
        StringBuilder csv = new StringBuilder("id,kind\n");
        for (int i = 0; i < count; i++) {
            csv.append(firstId + i).append(i % 2 == 0 ? ",click\n" : ",view\n");
        }
        return csv.toString();
    }
}
