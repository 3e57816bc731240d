package io.dataplatform.testing.internal.glue;

import io.dataplatform.testing.FakeClock;
import io.dataplatform.testing.internal.Caller;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import software.amazon.awssdk.services.glue.model.CrawlerHistory;
import software.amazon.awssdk.services.glue.model.CrawlerHistoryState;
import software.amazon.awssdk.services.glue.model.CrawlerState;
import software.amazon.awssdk.services.glue.model.LastCrawlInfo;
import software.amazon.awssdk.services.s3.S3Client;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Glue side of one {@code FakeAws} world: the Data Catalog and the crawlers. Crawlers move
 * READY -> RUNNING -> STOPPING -> READY as the world's clock advances: a crawl takes
 * {@link #CRAWL_STARTUP} plus {@link #PER_FILE} for each file it read, then {@link #STOPPING_TIME}
 * to wind down; its tables land in the catalog as it enters STOPPING. Scheduled crawlers start when
 * the clock passes their next cron time (a crawler still running then skips that start, as Glue does).
 */
public final class GlueWorld {
    static final Duration CRAWL_STARTUP = Duration.ofSeconds(30);
    static final Duration PER_FILE = Duration.ofMillis(500);
    static final Duration STOPPING_TIME = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(GlueWorld.class);

    private final FakeClock clock;
    private final String accountId;
    private final Function<Caller, S3Client> s3ForCaller;
    private final CatalogStore catalog = new CatalogStore();
    private final Map<String, CrawlerEntry> crawlers = new TreeMap<>();
    private final GlueErrors errors = new GlueErrors();
    private final GlueJobWorld jobs;
    private final io.dataplatform.testing.internal.glue.workflows.WorkflowWorld workflows;
    private boolean busy;
    private long crawlCounter;

    /**
     * Creates the Glue side of a world.
     *
     * @param s3ForCaller returns an S3 client acting as a given caller; crawlers read through it as their role
     */
    public GlueWorld(FakeClock clock, String accountId, Function<Caller, S3Client> s3ForCaller) {
        this.clock = clock;
        this.accountId = accountId;
        this.s3ForCaller = s3ForCaller;
        // First on the clock: on each advance it brings crawlers and jobs forward step by step itself.
        this.workflows = new io.dataplatform.testing.internal.glue.workflows.WorkflowWorld(new GlueActions(this), this);
        clock.onAdvance(this::tick);
        this.jobs = new GlueJobWorld(this, s3ForCaller);
    }

    /** Returns the world's ETL jobs and their runs. */
    public GlueJobWorld jobs() {
        return jobs;
    }

    /** Returns the world's triggers and workflows. */
    public io.dataplatform.testing.internal.glue.workflows.WorkflowWorld workflows() {
        return workflows;
    }

    FakeClock clock() {
        return clock;
    }

    String accountId() {
        return accountId;
    }

    CatalogStore catalog() {
        return catalog;
    }

    Map<String, CrawlerEntry> crawlers() {
        return crawlers;
    }

    GlueErrors errors() {
        return errors;
    }

    /**
     * Why Glue cannot take {@code path} (in {@code bucket}) as an S3 target of crawler {@code crawler} with {@code role},
     * in Glue's words, or null if it can: "S3 bucket test-s3-bucket-glue does not exist."
     * (ansible-collections/community.aws#1796), or, when S3 refuses to say, "Unable to validate existence of s3 target
     * s3://bucket1 because: All access to this object has been disabled (Service: Amazon S3; Status Code: 403; Error
     * Code: AllAccessDisabled; ...)" (hashicorp/terraform-provider-aws#30370).
     */
    String s3TargetProblem(String path, String bucket, String role, String crawler) {
        S3Client s3 = s3ForCaller.apply(new Caller(CrawlApplier.roleArn(role, accountId), true)
                .internal("glue crawler " + crawler));
        try {
            s3.headBucket(r -> r.bucket(bucket));
            return null;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return "S3 bucket " + bucket + " does not exist.";
            }
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            return "Unable to validate existence of s3 target " + path + " because: " + e.getMessage()
                    + (code == null ? "" : " (Error Code: " + code + ")");
        }
    }

    /** Starts a crawl now. The caller holds the world's lock and has checked the crawler is READY. */
    synchronized void start(CrawlerEntry crawler, Instant at) {
        boolean wasBusy = busy;
        busy = true;
        try {
            S3Client s3 = s3ForCaller.apply(new Caller(CrawlApplier.roleArn(crawler.definition.role(), accountId), true)
                    .internal("glue crawler " + crawler.definition.name()));
            Set<String> known = crawler.newFoldersOnly() ? crawler.crawledFolders : Set.of();
            S3Crawl.Result result;
            String failure = null;
            try {
                result = new S3Crawl(s3).crawl(crawler.definition.targets().s3Targets(), known);
            } catch (IllegalStateException unlistable) {
                result = new S3Crawl.Result(List.of(), 0, List.of(), Set.of());
                failure = unlistable.getMessage();
            }
            Instant end = at.plus(CRAWL_STARTUP).plus(PER_FILE.multipliedBy(result.filesRead()));
            crawler.run = new CrawlerEntry.Run(crawlId(), at, end, result);
            if (failure != null) {
                crawler.run.status = "FAILED";
                crawler.run.errorMessage = failure;
            }
            crawler.state = CrawlerState.RUNNING;
            crawler.history.add(0, CrawlerHistory.builder().crawlId(crawler.run.crawlId).state(CrawlerHistoryState.RUNNING)
                    .startTime(at).build());
            LOG.debug("Crawler {} started at {}: {} files, ends at {}", crawler.definition.name(), at, result.filesRead(), end);
        } finally {
            busy = wasBusy;
        }
    }

    /** Stops a running crawl now: STOPPING, then READY with the crawl CANCELLED. */
    synchronized void stop(CrawlerEntry crawler) {
        crawler.run.stopped = true;
        crawler.run.status = "CANCELLED";
        crawler.run.readyAt = clock.instant().plus(STOPPING_TIME);
        crawler.state = CrawlerState.STOPPING;
    }

    /** Moves every crawler through the transitions that are due by {@code now}, earliest first. */
    synchronized void tick(Instant now) {
        if (busy) {
            return; // a fault's latency advanced the clock while a crawl was being read; the next tick catches up
        }
        busy = true;
        try {
            for (CrawlerEntry crawler : new ArrayList<>(crawlers.values())) {
                while (step(crawler, now)) {
                    // keep going until nothing more is due
                }
            }
        } finally {
            busy = false;
        }
    }

    private boolean step(CrawlerEntry crawler, Instant now) {
        Instant due = nextEvent(crawler);
        if (due == null || due.isAfter(now)) {
            return false;
        }
        CrawlerEntry.Run run = crawler.run;
        if (crawler.state == CrawlerState.RUNNING && due.equals(run.crawlEnd)) {
            finishCrawl(crawler, run);
        } else if (crawler.state == CrawlerState.STOPPING && due.equals(run.readyAt)) {
            ready(crawler, run);
        } else {
            Instant fire = crawler.nextFire;
            crawler.nextFire = io.dataplatform.glue.Schedule.cron(crawler.definition.schedule().scheduleExpression())
                    .nextAfter(fire).orElse(null);
            if (crawler.state == CrawlerState.READY) {
                start(crawler, fire);
            }
        }
        return true;
    }

    private Instant nextEvent(CrawlerEntry crawler) {
        Instant event = null;
        if (crawler.state == CrawlerState.RUNNING) {
            event = crawler.run.crawlEnd;
        } else if (crawler.state == CrawlerState.STOPPING) {
            event = crawler.run.readyAt;
        }
        if (crawler.nextFire != null && (event == null || crawler.nextFire.isBefore(event))) {
            event = crawler.nextFire;
        }
        return event;
    }

    private void finishCrawl(CrawlerEntry crawler, CrawlerEntry.Run run) {
        Set<String> seen = new HashSet<>();
        if ("FAILED".equals(run.status)) {
            // Nothing was read: applying an empty crawl would delete the target's tables.
            run.readyAt = run.crawlEnd.plus(STOPPING_TIME);
            crawler.state = CrawlerState.STOPPING;
            return;
        }
        try {
            run.counts = new CrawlApplier(catalog, crawler.definition, run.crawlEnd, accountId)
                    .apply(run.result, crawler.newFoldersOnly(), seen);
            crawler.crawledFolders.addAll(seen);
            if (!run.result.errors().isEmpty()) {
                run.errorMessage = String.join("; ", run.result.errors());
            }
        } catch (IllegalStateException failed) {
            run.status = "FAILED";
            run.errorMessage = failed.getMessage();
        }
        run.readyAt = run.crawlEnd.plus(STOPPING_TIME);
        crawler.state = CrawlerState.STOPPING;
    }

    private void ready(CrawlerEntry crawler, CrawlerEntry.Run run) {
        crawler.state = CrawlerState.READY;
        crawler.run = null;
        crawler.lastCrawl = LastCrawlInfo.builder()
                .status(run.status)
                .errorMessage(run.errorMessage)
                .startTime(run.start)
                .logGroup("/aws-glue/crawlers")
                .logStream(crawler.definition.name())
                .messagePrefix(run.crawlId)
                .build();
        crawler.tablesCreated = run.counts.created();
        crawler.tablesUpdated = run.counts.updated();
        crawler.tablesDeleted = run.counts.deleted();
        crawler.lastRuntimeSeconds = Duration.between(run.start, run.readyAt).toMillis() / 1000.0;
        CrawlerHistoryState state = switch (run.status) {
            case "CANCELLED" -> CrawlerHistoryState.STOPPED;
            case "FAILED" -> CrawlerHistoryState.FAILED;
            default -> CrawlerHistoryState.COMPLETED;
        };
        double hours = Duration.between(run.start, run.readyAt).toMillis() / 3_600_000.0;
        crawler.history.set(0, crawler.history.get(0).toBuilder().state(state).endTime(run.readyAt)
                .summary(summary(run.counts)).errorMessage(run.errorMessage).dpuHour(hours * 2).build());
    }

    /** Glue's crawl summary: counts per entity and action. */
    private static String summary(CrawlApplier.Counts c) {
        return "{\"TABLE\":{\"ADD\":{\"Count\":" + c.created() + "},\"UPDATE\":{\"Count\":" + c.updated()
                + "},\"DELETE\":{\"Count\":" + c.deleted() + "}},\"PARTITION\":{\"ADD\":{\"Count\":" + c.partitionsAdded()
                + "},\"DELETE\":{\"Count\":" + c.partitionsDeleted() + "}}}";
    }

    private String crawlId() {
        crawlCounter++;
        return String.format("00000000-0000-4000-8000-%012d", crawlCounter);
    }
}
