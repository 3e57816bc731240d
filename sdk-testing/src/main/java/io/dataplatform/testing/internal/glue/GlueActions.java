package io.dataplatform.testing.internal.glue;

import io.dataplatform.testing.FakeClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.glue.model.Crawl;
import software.amazon.awssdk.services.glue.model.CrawlState;
import software.amazon.awssdk.services.glue.model.CrawlerHistory;
import software.amazon.awssdk.services.glue.model.CrawlerState;
import software.amazon.awssdk.services.glue.model.JobRun;

/**
 * What triggers and workflows of the fake Glue do to crawlers and jobs: start them at a given instant
 * (the instant a trigger's condition became true, which may be earlier than the clock's now when one
 * clock advance covers several steps) and read their runs. Callers hold the world's lock.
 */
public final class GlueActions {
    private final GlueWorld world;

    GlueActions(GlueWorld world) {
        this.world = world;
    }

    /** Returns the world's clock. */
    public FakeClock clock() {
        return world.clock();
    }

    /** Returns Glue's errors. */
    public GlueErrors errors() {
        return world.errors();
    }

    /** Returns true if the job exists. */
    public boolean jobExists(String name) {
        return name != null && world.jobs().jobs().containsKey(name);
    }

    /** Returns true if the crawler exists. */
    public boolean crawlerExists(String name) {
        return name != null && world.crawlers().containsKey(name);
    }

    /**
     * Starts a run of job {@code name} at {@code at}, as StartJobRun would; returns its id.
     *
     * @throws software.amazon.awssdk.services.glue.model.GlueException as StartJobRun: job not found,
     *         concurrent runs exceeded, or code the fake cannot run
     */
    public String startJob(String name, Map<String, String> arguments, Instant at) {
        return startJob(name, arguments, at, List.of());
    }

    /** As {@link #startJob(String, Map, Instant)}, for a run a conditional trigger starts after {@code predecessors}. */
    public String startJob(String name, Map<String, String> arguments, Instant at,
                           List<software.amazon.awssdk.services.glue.model.Predecessor> predecessors) {
        GlueJobWorld jobs = world.jobs();
        JobEntry entry = jobs.jobs().get(name);
        if (entry == null) {
            throw errors().notFound("Job with name: " + name + " not found.");
        }
        JobExecution.Plan plan = jobs.execution().plan(entry.definition);
        if (plan.refusal() != null) {
            throw errors().error(501, "NotImplemented", plan.refusal());
        }
        int max = entry.definition.executionProperty().maxConcurrentRuns();
        if (entry.activeRuns() >= max) {
            throw errors().error(400, "ConcurrentRunsExceededException", "Concurrent runs exceeded for " + name);
        }
        RunEntry run = JobOperations.newRun(jobs, entry, arguments == null ? Map.of() : arguments, 0, null, at);
        run.predecessors = List.copyOf(predecessors);
        entry.runs.add(0, run);
        return run.id;
    }

    /** Returns the attempts of the run that began as {@code firstRunId}, first first: each retry names the one before. */
    public List<JobRun> attempts(String job, String firstRunId) {
        JobEntry entry = world.jobs().jobs().get(job);
        List<JobRun> attempts = new ArrayList<>();
        if (entry == null) {
            return attempts;
        }
        String id = firstRunId;
        while (id != null) {
            RunEntry run = entry.run(id);
            if (run == null) {
                break;
            }
            attempts.add(run.view());
            String previous = id;
            id = entry.runs.stream().filter(r -> previous.equals(r.previousRunId)).map(r -> r.id).findFirst().orElse(null);
        }
        return attempts;
    }

    /**
     * Starts a crawl of {@code name} at {@code at}, as StartCrawler would; returns the crawl's id.
     *
     * @throws software.amazon.awssdk.services.glue.model.GlueException if the crawler does not exist or is not READY
     */
    public String startCrawler(String name, Instant at) {
        CrawlerEntry crawler = world.crawlers().get(name);
        if (crawler == null) {
            throw errors().notFound("Crawler with name " + name + " has not been found");
        }
        if (crawler.state != CrawlerState.READY) {
            throw errors().error(400, "CrawlerRunningException", "Crawler with name " + name + " has already started");
        }
        world.start(crawler, at);
        return crawler.run.crawlId;
    }

    /** Returns the crawl {@code crawlId} of crawler {@code name} as a workflow graph shows it, or null if unknown. */
    public Crawl crawl(String name, String crawlId) {
        CrawlerEntry crawler = world.crawlers().get(name);
        if (crawler == null) {
            return null;
        }
        for (CrawlerHistory h : crawler.history) {
            if (crawlId.equals(h.crawlId())) {
                CrawlState state = switch (h.state()) {
                    case COMPLETED -> CrawlState.SUCCEEDED;
                    case FAILED -> CrawlState.FAILED;
                    case STOPPED -> CrawlState.CANCELLED;
                    default -> crawler.run != null && crawler.run.stopped ? CrawlState.CANCELLING : CrawlState.RUNNING;
                };
                return Crawl.builder().state(state).startedOn(h.startTime()).completedOn(h.endTime())
                        .errorMessage(h.errorMessage()).logGroup("/aws-glue/crawlers").logStream(name).build();
            }
        }
        return null;
    }

    /** Moves crawlers and job runs through what is due by {@code now}. */
    public void catchUp(Instant now) {
        world.tick(now);
        world.jobs().tick(now);
    }
}
