package io.dataplatform.testing.athena;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataplatform.DataPlatform;
import io.dataplatform.athena.QueryResult;
import io.dataplatform.testing.FakeAws;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Queries on one world run side by side and answer as they do one after the other. */
class FakeAthenaConcurrencyTest {
    private static final List<String> QUERIES = List.of(
            "SELECT region, sum(amount) AS total, count(*) AS n FROM sales GROUP BY region ORDER BY region",
            "SELECT s.id, r.name FROM sales s JOIN regions r ON s.region = r.region WHERE year = '2024' ORDER BY s.id",
            "SELECT count(*) AS n FROM regions",
            "SELECT year, month, max(amount) AS top FROM sales GROUP BY year, month ORDER BY year, month");
    private final FakeAws aws = FakeAws.create();
    private final DataPlatform platform = aws.dataPlatform();
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    @AfterEach
    void close() {
        threads.shutdownNow();
        aws.close();
    }

    @Test
    @Timeout(120)
    void queriesInFourThreads_giveTheSameRowsAndBytesScanned_asOneAfterTheOther() throws Exception {
        new SalesLake(aws);
        List<Answer> sequential = new ArrayList<>();
        for (String sql : QUERIES) {
            sequential.add(answer(sql));
        }

        List<Future<Answer>> running = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (String sql : QUERIES) {
                running.add(threads.submit((Callable<Answer>) () -> answer(sql)));
            }
        }

        for (int i = 0; i < running.size(); i++) {
            assertThat(running.get(i).get()).as(QUERIES.get(i % QUERIES.size())).isEqualTo(sequential.get(i % QUERIES.size()));
        }
        assertThat(sequential).allSatisfy(a -> assertThat(a.rows()).isNotEmpty());
    }

    private Answer answer(String sql) {
        QueryResult result = platform.athena().query(sql).database("sales").allowFullScan().run();
        List<String> rows = result.rows().map(row -> result.columns().stream().map(c -> String.valueOf(row.string(c.name())))
                .collect(Collectors.joining("|"))).toList();
        return new Answer(rows, result.statistics().bytesScanned().bytes());
    }

    private record Answer(List<String> rows, long bytesScanned) {
    }
}
