package io.dataplatform.testing.internal.athena;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataplatform.testing.AwsService;
import io.dataplatform.testing.FakeAws;
import io.dataplatform.testing.internal.Caller;
import io.dataplatform.testing.internal.ServiceCalls;
import io.dataplatform.testing.internal.ServiceErrors;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

/**
 * A query held mid-way (its engine blocked reading one object) does not hold the world: S3 answers,
 * other Athena calls answer, and another query runs to its end meanwhile.
 */
class AthenaWorldSideBySideTest {
    private static final ServiceCalls DIRECT = new ServiceCalls() {
        @Override
        public <T> T invoke(AwsService service, String operation, String principal, ServiceErrors errors, Supplier<T> body) {
            return body.get();
        }
    };
    private final FakeAws aws = FakeAws.create();
    private AthenaWorld world;

    @AfterEach
    void close() {
        if (world != null) {
            world.close();
        }
        aws.close();
    }

    @Test
    @Timeout(120)
    void queryHeldWhileReading_blocksNeitherS3NorAthenaNorAnotherQuery() throws Exception {
        S3Client s3 = aws.s3();
        s3.createBucket(b -> b.bucket("lake"));
        s3.putObject(b -> b.bucket("lake").key("slow/part-0.csv"), RequestBody.fromString("id\n1\n2\n"));
        s3.putObject(b -> b.bucket("lake").key("fast/part-0.csv"), RequestBody.fromString("id\n7\n"));
        aws.glue().createDatabase(d -> d.databaseInput(i -> i.name("db")));
        for (String table : List.of("slow", "fast")) {
            aws.glue().createTable(t -> t.databaseName("db").tableInput(i -> i.name(table).tableType("EXTERNAL_TABLE")
                    .storageDescriptor(sd -> sd.location("s3://lake/" + table + "/")
                            .columns(Column.builder().name("id").type("bigint").build())
                            .inputFormat("org.apache.hadoop.mapred.TextInputFormat")
                            .serdeInfo(si -> si.serializationLibrary("org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe")
                                    .parameters(Map.of("field.delim", ",")))).parameters(Map.of("skip.header.line.count", "1"))));
        }
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // The engine's S3 client waits on the latch when it reads the slow table's object.
        S3Client holding = (S3Client) Proxy.newProxyInstance(S3Client.class.getClassLoader(), new Class<?>[] {S3Client.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getObject") && args[0] instanceof GetObjectRequest get
                            && get.key().startsWith("slow/")) {
                        reading.countDown();
                        release.await();
                    }
                    try {
                        return method.invoke(s3, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        world = new AthenaWorld(aws.clock(), aws.glue(), holding, "results", aws.accountId());
        AthenaClient athena = FakeAthenaClient.create(world, DIRECT, new Caller("arn:aws:iam::123456789012:root", true));

        CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> start(athena, "SELECT sum(id) AS s FROM slow"));
        reading.await();

        // The slow query is inside its engine: S3, Athena's other calls and a second query go on.
        assertThat(s3.getObjectAsBytes(b -> b.bucket("lake").key("fast/part-0.csv")).asUtf8String()).isEqualTo("id\n7\n");
        assertThat(athena.getWorkGroup(r -> r.workGroup("primary")).workGroup().name()).isEqualTo("primary");
        String fast = start(athena, "SELECT sum(id) AS s FROM fast");
        aws.clock().advance(Duration.ofSeconds(2));
        assertThat(athena.getQueryExecution(r -> r.queryExecutionId(fast)).queryExecution().status().state())
                .isEqualTo(QueryExecutionState.SUCCEEDED);
        assertThat(slow).isNotDone();

        release.countDown();
        String slowId = slow.get();
        aws.clock().advance(Duration.ofSeconds(2));
        assertThat(athena.getQueryExecution(r -> r.queryExecutionId(slowId)).queryExecution().status().state())
                .isEqualTo(QueryExecutionState.SUCCEEDED);
        assertThat(athena.getQueryResults(r -> r.queryExecutionId(slowId)).resultSet().rows().get(1).data().get(0).varCharValue())
                .isEqualTo("3");
        assertThat(athena.getQueryResults(r -> r.queryExecutionId(fast)).resultSet().rows().get(1).data().get(0).varCharValue())
                .isEqualTo("7");
    }

    private static String start(AthenaClient athena, String sql) {
        return athena.startQueryExecution(r -> r.queryString(sql).queryExecutionContext(c -> c.database("db"))
                .resultConfiguration(o -> o.outputLocation("s3://lake/results/"))).queryExecutionId();
    }
}
