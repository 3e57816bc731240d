package io.dataplatform.testing.internal.glue;

import io.dataplatform.glue.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.glue.model.Crawler;
import software.amazon.awssdk.services.glue.model.CrawlerHistory;
import software.amazon.awssdk.services.glue.model.CrawlerState;
import software.amazon.awssdk.services.glue.model.LastCrawlInfo;
import software.amazon.awssdk.services.glue.model.ScheduleState;

/** One crawler's definition and run-time state inside {@link GlueWorld}. */
final class CrawlerEntry {
    /** The definition as CreateCrawler/UpdateCrawler left it (state fields are filled in on read). */
    Crawler definition;
    CrawlerState state = CrawlerState.READY;
    LastCrawlInfo lastCrawl;
    Run run;
    Instant nextFire;
    final List<CrawlerHistory> history = new ArrayList<>();
    final Set<String> crawledFolders = new HashSet<>();
    int tablesCreated;
    int tablesUpdated;
    int tablesDeleted;
    double lastRuntimeSeconds;

    /** A crawl in progress. */
    static final class Run {
        final String crawlId;
        final Instant start;
        final Instant crawlEnd;
        final S3Crawl.Result result;
        Instant readyAt;
        boolean stopped;
        String status = "SUCCEEDED";
        String errorMessage;
        CrawlApplier.Counts counts = CrawlApplier.Counts.NONE;

        Run(String crawlId, Instant start, Instant crawlEnd, S3Crawl.Result result) {
            this.crawlId = crawlId;
            this.start = start;
            this.crawlEnd = crawlEnd;
            this.result = result;
        }
    }

    CrawlerEntry(Crawler definition, Instant now) {
        this.definition = definition;
        reschedule(now);
    }

    /** Recomputes the next scheduled start after {@code now} from the definition's schedule. */
    void reschedule(Instant now) {
        String expression = definition.schedule() == null ? null : definition.schedule().scheduleExpression();
        nextFire = expression == null || expression.isEmpty() ? null : Schedule.cron(expression).nextAfter(now).orElse(null);
    }

    /** Returns the definition with its current state, as GetCrawler reports it. */
    Crawler view(Instant now) {
        Crawler.Builder view = definition.toBuilder().state(state).lastCrawl(lastCrawl);
        if (definition.schedule() != null) {
            view.schedule(definition.schedule().toBuilder()
                    .state(nextFire == null ? ScheduleState.NOT_SCHEDULED : ScheduleState.SCHEDULED).build());
        }
        if (run != null) {
            view.crawlElapsedTime(Duration.between(run.start, now).toMillis());
        }
        return view.build();
    }

    boolean newFoldersOnly() {
        return definition.recrawlPolicy() != null
                && "CRAWL_NEW_FOLDERS_ONLY".equals(definition.recrawlPolicy().recrawlBehaviorAsString());
    }
}
