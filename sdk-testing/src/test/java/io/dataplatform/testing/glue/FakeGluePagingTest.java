package io.dataplatform.testing.glue;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataplatform.testing.FakeAws;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Database;
import software.amazon.awssdk.services.glue.model.CrawlerHistory;
import software.amazon.awssdk.services.glue.model.GetDatabasesResponse;
import software.amazon.awssdk.services.glue.model.GetPartitionsResponse;
import software.amazon.awssdk.services.glue.model.GetTablesResponse;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.ListCrawlsResponse;
import software.amazon.awssdk.services.glue.model.Table;

/** NextToken paging of the raw fake GlueClient while the catalog changes between pages. */
class FakeGluePagingTest {
    private final FakeAws aws = FakeAws.create();
    private final GlueClient glue = aws.glue();

    private void table(String name) {
        glue.createTable(r -> r.databaseName("sales").tableInput(t -> t.name(name)));
    }

    @Test
    void getTables_tableOfAnEarlierPageDeleted_nextPageSkipsNothing() {
        glue.createDatabase(r -> r.databaseInput(d -> d.name("sales")));
        List.of("t1", "t2", "t3").forEach(this::table);

        GetTablesResponse first = glue.getTables(r -> r.databaseName("sales").maxResults(1));
        glue.deleteTable(r -> r.databaseName("sales").name("t1"));
        GetTablesResponse second = glue.getTables(r -> r.databaseName("sales").maxResults(1).nextToken(first.nextToken()));

        assertThat(first.tableList()).extracting(Table::name).containsExactly("t1");
        assertThat(second.tableList()).extracting(Table::name).containsExactly("t2");
    }

    @Test
    void getDatabases_databaseAddedBeforeTheToken_nextPageRepeatsNothing() {
        glue.createDatabase(r -> r.databaseInput(d -> d.name("b")));
        glue.createDatabase(r -> r.databaseInput(d -> d.name("c")));

        GetDatabasesResponse first = glue.getDatabases(r -> r.maxResults(1));
        glue.createDatabase(r -> r.databaseInput(d -> d.name("a")));
        GetDatabasesResponse second = glue.getDatabases(r -> r.maxResults(1).nextToken(first.nextToken()));

        assertThat(first.databaseList()).extracting(Database::name).containsExactly("b");
        assertThat(second.databaseList()).extracting(Database::name).containsExactly("c");
    }

    private void crawlTimes(int crawls) {
        aws.s3().createBucket(r -> r.bucket("acme-raw"));
        aws.s3().putObject(r -> r.bucket("acme-raw").key("sales/a.csv"), RequestBody.fromString("id,amount\n1,10\n"));
        glue.createDatabase(r -> r.databaseInput(d -> d.name("sales")));
        glue.createCrawler(r -> r.name("c").role("r").databaseName("sales")
                .targets(t -> t.s3Targets(s -> s.path("s3://acme-raw/sales/"))));
        for (int i = 0; i < crawls; i++) {
            glue.startCrawler(r -> r.name("c"));
            aws.clock().advance(Duration.ofMinutes(2));
        }
    }

    @Test
    void listCrawls_withoutMaxResults_returnsGluesDefaultOfTwenty() {
        crawlTimes(21);

        ListCrawlsResponse first = glue.listCrawls(r -> r.crawlerName("c"));
        ListCrawlsResponse second = glue.listCrawls(r -> r.crawlerName("c").nextToken(first.nextToken()));

        assertThat(first.crawls()).hasSize(20);
        assertThat(second.crawls()).hasSize(1);
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void getPartitions_partitionOfAnEarlierPageDeleted_nextPageSkipsNothing() {
        glue.createDatabase(r -> r.databaseInput(d -> d.name("sales")));
        glue.createTable(r -> r.databaseName("sales").tableInput(t -> t.name("orders")
                .partitionKeys(k -> k.name("year").type("string"))));
        glue.batchCreatePartition(r -> r.databaseName("sales").tableName("orders").partitionInputList(
                p -> p.values("2022"), p -> p.values("2023"), p -> p.values("2024")));

        GetPartitionsResponse first = glue.getPartitions(r -> r.databaseName("sales").tableName("orders").maxResults(1));
        glue.batchDeletePartition(r -> r.databaseName("sales").tableName("orders").partitionsToDelete(v -> v.values("2022")));
        GetPartitionsResponse second = glue.getPartitions(r -> r.databaseName("sales").tableName("orders").maxResults(1)
                .nextToken(first.nextToken()));

        assertThat(first.partitions()).extracting(Partition::values).containsExactly(List.of("2022"));
        assertThat(second.partitions()).extracting(Partition::values).containsExactly(List.of("2023"));
    }

    @Test
    void listCrawls_crawlStartedBetweenPages_nextPageRepeatsNothing() {
        crawlTimes(2);
        List<String> ids = glue.listCrawls(r -> r.crawlerName("c")).crawls().stream().map(CrawlerHistory::crawlId).toList();

        ListCrawlsResponse first = glue.listCrawls(r -> r.crawlerName("c").maxResults(1));
        glue.startCrawler(r -> r.name("c"));
        ListCrawlsResponse second = glue.listCrawls(r -> r.crawlerName("c").maxResults(1).nextToken(first.nextToken()));

        assertThat(first.crawls()).extracting(CrawlerHistory::crawlId).containsExactly(ids.get(0));
        assertThat(second.crawls()).extracting(CrawlerHistory::crawlId).containsExactly(ids.get(1));
    }
}
