package io.dataplatform.glue.internal;

import io.dataplatform.glue.CrawlRecord;
import io.dataplatform.glue.Crawler;
import io.dataplatform.glue.CrawlerRun;
import io.dataplatform.glue.CrawlerState;
import io.dataplatform.glue.CrawlerStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.glue.model.CrawlerHistory;
import software.amazon.awssdk.services.glue.model.LastCrawlInfo;

/** A crawler handle. */
final class DefaultCrawler implements Crawler {
    /** ListCrawls returns at most 100 crawls per page. */
    private static final int HISTORY_PAGE = 100;

    private final DefaultGlueCatalog.GlueAccess glue;
    private final String name;

    DefaultCrawler(DefaultGlueCatalog.GlueAccess glue, String name) {
        this.glue = glue;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CrawlerRun start() {
        // The last crawl's start before ours tells the run which crawl is new, even if it never sees RUNNING.
        Instant previous = status().lastCrawlStart().orElse(null);
        glue.create("StartCrawler", name, "CrawlerRunningException", c -> c.startCrawler(r -> r.name(name)));
        return new DefaultCrawlerRun(glue, this, previous);
    }

    @Override
    public void stop() {
        glue.call("StopCrawler", name, c -> c.stopCrawler(r -> r.name(name)));
    }

    @Override
    public CrawlerStatus status() {
        var crawler = glue.call("GetCrawler", name, c -> c.getCrawler(r -> r.name(name))).crawler();
        CrawlerState state = CrawlerState.valueOf(crawler.stateAsString());
        LastCrawlInfo last = crawler.lastCrawl();
        if (last == null || last.startTime() == null) {
            return CrawlerStatus.of(name, state);
        }
        return CrawlerStatus.of(name, state, last.statusAsString(), last.errorMessage(), last.startTime());
    }

    @Override
    public List<CrawlRecord> history() {
        List<CrawlRecord> records = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            var response = glue.call("ListCrawls", name,
                    c -> c.listCrawls(r -> r.crawlerName(name).maxResults(HISTORY_PAGE).nextToken(page)));
            response.crawls().forEach(h -> records.add(record(h)));
            token = response.nextToken();
        } while (token != null && !token.isEmpty());
        records.sort(Comparator.comparing(CrawlRecord::startTime).reversed());
        return List.copyOf(records);
    }

    @Override
    public void delete() {
        glue.call("DeleteCrawler", name, c -> c.deleteCrawler(r -> r.name(name)));
    }

    private static CrawlRecord record(CrawlerHistory history) {
        int[] counts = tableCounts(history.summary());
        return new CrawlRecord(history.crawlId(), history.stateAsString(), history.startTime(), history.endTime(),
                counts[0], counts[1], counts[2], history.errorMessage());
    }

    /** Reads {@code {"TABLE":{"ADD":{"Count":n},"UPDATE":{..},"DELETE":{..}}}}, Glue's crawl summary. */
    static int[] tableCounts(String summary) {
        int[] counts = new int[3];
        if (summary == null || summary.isBlank()) {
            return counts;
        }
        try {
            JsonNode table = JsonNode.parser().parse(summary).field("TABLE").orElse(null);
            if (table == null || !table.isObject()) {
                return counts;
            }
            String[] actions = {"ADD", "UPDATE", "DELETE"};
            for (int i = 0; i < actions.length; i++) {
                counts[i] = table.field(actions[i]).flatMap(a -> a.field("Count"))
                        .map(n -> Integer.parseInt(n.asNumber())).orElse(0);
            }
        } catch (RuntimeException unparseable) {
            // The summary is informational; an unexpected shape must not break reading the history.
            return new int[3];
        }
        return counts;
    }

    DefaultGlueCatalog.GlueAccess glue() {
        return glue;
    }

    @Override
    public String toString() {
        return "Crawler[" + name + "]";
    }
}
