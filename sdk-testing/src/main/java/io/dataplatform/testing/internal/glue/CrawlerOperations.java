package io.dataplatform.testing.internal.glue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.glue.model.CrawlerHistory;
import software.amazon.awssdk.services.glue.model.CrawlerMetrics;
import software.amazon.awssdk.services.glue.model.CrawlerState;
import software.amazon.awssdk.services.glue.model.CreateCrawlerRequest;
import software.amazon.awssdk.services.glue.model.CreateCrawlerResponse;
import software.amazon.awssdk.services.glue.model.Crawler;
import software.amazon.awssdk.services.glue.model.CrawlerTargets;
import software.amazon.awssdk.services.glue.model.CrawlsFilter;
import software.amazon.awssdk.services.glue.model.DeleteCrawlerRequest;
import software.amazon.awssdk.services.glue.model.DeleteCrawlerResponse;
import software.amazon.awssdk.services.glue.model.GetCrawlerMetricsRequest;
import software.amazon.awssdk.services.glue.model.GetCrawlerMetricsResponse;
import software.amazon.awssdk.services.glue.model.GetCrawlerRequest;
import software.amazon.awssdk.services.glue.model.GetCrawlerResponse;
import software.amazon.awssdk.services.glue.model.ListCrawlsRequest;
import software.amazon.awssdk.services.glue.model.ListCrawlsResponse;
import software.amazon.awssdk.services.glue.model.RecrawlPolicy;
import software.amazon.awssdk.services.glue.model.S3Target;
import software.amazon.awssdk.services.glue.model.Schedule;
import software.amazon.awssdk.services.glue.model.SchemaChangePolicy;
import software.amazon.awssdk.services.glue.model.StartCrawlerRequest;
import software.amazon.awssdk.services.glue.model.StartCrawlerResponse;
import software.amazon.awssdk.services.glue.model.StopCrawlerRequest;
import software.amazon.awssdk.services.glue.model.StopCrawlerResponse;
import software.amazon.awssdk.services.glue.model.UpdateCrawlerRequest;
import software.amazon.awssdk.services.glue.model.UpdateCrawlerResponse;

/** The crawler operations of the fake Glue. Callers hold the world's lock. */
final class CrawlerOperations {
    private final GlueWorld world;
    private final GlueErrors errors;

    CrawlerOperations(GlueWorld world) {
        this.world = world;
        this.errors = world.errors();
    }

    CreateCrawlerResponse createCrawler(CreateCrawlerRequest r) {
        if (world.crawlers().containsKey(r.name())) {
            throw errors.alreadyExists("Crawler with name " + r.name() + " has already been created");
        }
        GlueTags.check(r.tags(), errors);
        refuseUnmodelled("CreateCrawler", r.targets(), r.hasClassifiers() ? r.classifiers() : null, r.configuration(),
                r.crawlerSecurityConfiguration(), r.catalogId(), r.recrawlPolicy());
        Crawler definition = validate(r.name(), r.role(), r.targets(), r.schemaChangePolicy(), r.recrawlPolicy(),
                r.schedule()).toBuilder()
                .databaseName(r.databaseName()).description(r.description()).tablePrefix(r.tablePrefix())
                .creationTime(now()).lastUpdated(now()).version(1L).build();
        checkBuckets(r.targets(), r.role(), r.name());
        world.crawlers().put(r.name(), new CrawlerEntry(definition, now()));
        return CreateCrawlerResponse.builder().build();
    }

    GetCrawlerResponse getCrawler(GetCrawlerRequest r) {
        return GetCrawlerResponse.builder().crawler(crawler(r.name()).view(now())).build();
    }

    UpdateCrawlerResponse updateCrawler(UpdateCrawlerRequest r) {
        CrawlerEntry entry = crawler(r.name());
        if (entry.state != CrawlerState.READY) {
            // Not the CrawlerRunningException the reference lists: real Glue answers "Cannot update Crawler while
            // running. ..." with InvalidInputException (aws-cloudformation/cloudformation-coverage-roadmap#817).
            throw errors.invalid("Cannot update Crawler while running. Please stop crawl or wait until it completes to "
                    + "update.");
        }
        refuseUnmodelled("UpdateCrawler", r.targets(), r.hasClassifiers() ? r.classifiers() : null, r.configuration(),
                r.crawlerSecurityConfiguration(), r.catalogId(), r.recrawlPolicy());
        Crawler old = entry.definition;
        Crawler checked = validate(r.name(), r.role() != null ? r.role() : old.role(),
                r.targets() != null ? r.targets() : old.targets(),
                r.schemaChangePolicy() != null ? r.schemaChangePolicy() : old.schemaChangePolicy(),
                r.recrawlPolicy() != null ? r.recrawlPolicy() : old.recrawlPolicy(),
                r.schedule() != null ? r.schedule() : old.schedule() == null ? null : old.schedule().scheduleExpression());
        if (r.targets() != null) {
            checkBuckets(r.targets(), checked.role(), r.name());
        }
        entry.definition = checked.toBuilder()
                .databaseName(r.databaseName() != null ? r.databaseName() : old.databaseName())
                .description(r.description() != null ? r.description() : old.description())
                .tablePrefix(r.tablePrefix() != null ? r.tablePrefix() : old.tablePrefix())
                .creationTime(old.creationTime()).lastUpdated(now()).version(old.version() + 1).build();
        entry.reschedule(now());
        return UpdateCrawlerResponse.builder().build();
    }

    DeleteCrawlerResponse deleteCrawler(DeleteCrawlerRequest r) {
        CrawlerEntry entry = crawler(r.name());
        if (entry.state != CrawlerState.READY) {
            throw errors.error(400, "CrawlerRunningException", "Crawler with name " + r.name() + " is running");
        }
        world.crawlers().remove(r.name());
        return DeleteCrawlerResponse.builder().build();
    }

    StartCrawlerResponse startCrawler(StartCrawlerRequest r) {
        if (r.name() == null || !world.crawlers().containsKey(r.name())) {
            // StartCrawler words it unlike GetCrawler: "Crawler with name crawler-customer-churn-sagemaker-pipeline
            // does not exist" (awslabs/aws-customer-churn-pipeline#15).
            throw errors.notFound("Crawler with name " + r.name() + " does not exist");
        }
        CrawlerEntry entry = crawler(r.name());
        if (entry.state != CrawlerState.READY) {
            throw errors.error(400, "CrawlerRunningException", "Crawler with name " + r.name() + " has already started");
        }
        world.start(entry, now());
        return StartCrawlerResponse.builder().build();
    }

    StopCrawlerResponse stopCrawler(StopCrawlerRequest r) {
        CrawlerEntry entry = crawler(r.name());
        if (entry.state == CrawlerState.READY) {
            throw errors.error(400, "CrawlerNotRunningException", "Crawler with name " + r.name() + " isn't running");
        }
        if (entry.state == CrawlerState.STOPPING) {
            throw errors.error(400, "CrawlerStoppingException", "Crawler with name " + r.name() + " is stopping");
        }
        world.stop(entry);
        return StopCrawlerResponse.builder().build();
    }

    GetCrawlerMetricsResponse getCrawlerMetrics(GetCrawlerMetricsRequest r) {
        errors.checkMaxResults(r.maxResults(), 1000);
        List<String> names = r.hasCrawlerNameList() && !r.crawlerNameList().isEmpty()
                ? r.crawlerNameList() : new ArrayList<>(world.crawlers().keySet());
        List<CrawlerMetrics> metrics = new ArrayList<>();
        for (String name : names) {
            CrawlerEntry entry = world.crawlers().get(name);
            if (entry == null) {
                continue; // Glue leaves unknown names out of the list
            }
            double timeLeft = entry.run != null && entry.state == CrawlerState.RUNNING
                    ? Math.max(0, Duration.between(now(), entry.run.crawlEnd).toMillis() / 1000.0) : 0;
            metrics.add(CrawlerMetrics.builder().crawlerName(name).timeLeftSeconds(timeLeft).stillEstimating(false)
                    .lastRuntimeSeconds(entry.lastRuntimeSeconds).medianRuntimeSeconds(median(entry))
                    .tablesCreated(entry.tablesCreated).tablesUpdated(entry.tablesUpdated).tablesDeleted(entry.tablesDeleted)
                    .build());
        }
        Paging.Page<CrawlerMetrics> page = Paging.page(metrics, r.nextToken(), r.maxResults(), 1000, errors);
        return GetCrawlerMetricsResponse.builder().crawlerMetricsList(page.items()).nextToken(page.nextToken()).build();
    }

    ListCrawlsResponse listCrawls(ListCrawlsRequest r) {
        CrawlerEntry entry = crawler(r.crawlerName());
        errors.checkMaxResults(r.maxResults(), 100);
        List<CrawlerHistory> crawls = entry.history;
        if (r.hasFilters()) {
            for (CrawlsFilter filter : r.filters()) {
                java.util.function.Predicate<CrawlerHistory> matches = crawlFilter(filter);
                crawls = crawls.stream().filter(matches).toList();
            }
        }
        // Glue API reference, ListCrawls: "The default is 20, and maximum is 100."
        Integer size = r.maxResults() == null ? Integer.valueOf(20) : r.maxResults();
        // Newest first; crawl ids are fixed-width and grow with each crawl, so the token names the last id returned.
        Paging.Page<CrawlerHistory> page = Paging.pageByKey(crawls, CrawlerHistory::crawlId,
                Comparator.<String>reverseOrder(), r.nextToken(), size, 100, errors);
        return ListCrawlsResponse.builder().crawls(page.items()).nextToken(page.nextToken()).build();
    }

    /**
     * One of ListCrawls' Filters, all of which a crawl must pass: CRAWL_ID and STATE compare as strings,
     * START_TIME and END_TIME as "the epoch timestamp in milliseconds", DPU_HOUR as a number
     * (API_CrawlsFilter). A crawl still running has no end time and passes no END_TIME filter.
     */
    private java.util.function.Predicate<CrawlerHistory> crawlFilter(CrawlsFilter filter) {
        String field = filter.fieldNameAsString();
        String operator = filter.filterOperatorAsString();
        String value = filter.fieldValue();
        if (field == null || !List.of("CRAWL_ID", "STATE", "START_TIME", "END_TIME", "DPU_HOUR").contains(field)) {
            throw errors.invalid("1 validation error detected: Value '" + field + "' at 'filters.member.fieldName' failed "
                    + "to satisfy constraint: Member must satisfy enum value set: [CRAWL_ID, STATE, START_TIME, END_TIME, "
                    + "DPU_HOUR]");
        }
        if (operator == null || !List.of("GT", "GE", "LT", "LE", "EQ", "NE").contains(operator)) {
            throw errors.invalid("1 validation error detected: Value '" + operator + "' at 'filters.member.filterOperator' "
                    + "failed to satisfy constraint: Member must satisfy enum value set: [GT, GE, LT, LE, EQ, NE]");
        }
        if (value == null) {
            throw errors.invalid("FieldValue is required for a filter on " + field);
        }
        try {
            return switch (field) {
                case "CRAWL_ID" -> h -> h.crawlId() != null && compares(h.crawlId().compareTo(value), operator);
                case "STATE" -> h -> h.stateAsString() != null && compares(h.stateAsString().compareTo(value), operator);
                case "START_TIME", "END_TIME" -> {
                    long millis = Long.parseLong(value);
                    yield h -> {
                        Instant at = field.equals("START_TIME") ? h.startTime() : h.endTime();
                        return at != null && compares(Long.compare(at.toEpochMilli(), millis), operator);
                    };
                }
                default -> {
                    double hours = Double.parseDouble(value);
                    yield h -> h.dpuHour() != null && compares(Double.compare(h.dpuHour(), hours), operator);
                }
            };
        } catch (NumberFormatException e) {
            throw errors.invalid("Invalid FieldValue '" + value + "' for " + field + ": "
                    + (field.equals("DPU_HOUR") ? "a number of DPU hours" : "an epoch timestamp in milliseconds")
                    + " is expected");
        }
    }

    private static boolean compares(int comparison, String operator) {
        return switch (operator) {
            case "GT" -> comparison > 0;
            case "GE" -> comparison >= 0;
            case "LT" -> comparison < 0;
            case "LE" -> comparison <= 0;
            case "EQ" -> comparison == 0;
            default -> comparison != 0;
        };
    }

    private double median(CrawlerEntry entry) {
        List<Double> runs = entry.history.stream().filter(h -> h.endTime() != null)
                .map(h -> Duration.between(h.startTime(), h.endTime()).toMillis() / 1000.0).sorted().toList();
        return runs.isEmpty() ? 0 : runs.get(runs.size() / 2);
    }

    private Crawler validate(String name, String role, CrawlerTargets targets, SchemaChangePolicy policy,
                             RecrawlPolicy recrawl, String schedule) {
        errors.checkName(name, "name");
        if (role == null || role.isEmpty()) {
            throw errors.invalid("Role should not be null or empty");
        }
        if (targets == null || !targets.hasS3Targets() || targets.s3Targets().isEmpty()) {
            throw errors.invalid("Crawler must have at least one target");
        }
        for (var target : targets.s3Targets()) {
            if (target.path() == null || !target.path().startsWith("s3://")) {
                throw errors.invalid("Invalid S3 target path: " + target.path());
            }
        }
        if (recrawl != null && "CRAWL_NEW_FOLDERS_ONLY".equals(recrawl.recrawlBehaviorAsString()) && policy != null
                && (!"LOG".equals(policy.updateBehaviorAsString()) || !"LOG".equals(policy.deleteBehaviorAsString()))) {
            throw errors.invalid("The SchemaChangePolicy for \"Crawl new folders only\" Amazon S3 target can have only "
                    + "LOG DeleteBehavior value and LOG UpdateBehavior value.");
        }
        Crawler.Builder crawler = Crawler.builder().name(name).role(role).targets(targets)
                .schemaChangePolicy(policy != null ? policy : SchemaChangePolicy.builder()
                        .updateBehavior("UPDATE_IN_DATABASE").deleteBehavior("DEPRECATE_IN_DATABASE").build())
                .recrawlPolicy(recrawl != null ? recrawl : RecrawlPolicy.builder().recrawlBehavior("CRAWL_EVERYTHING").build());
        if (schedule != null && !schedule.isEmpty()) {
            try {
                io.dataplatform.glue.Schedule.cron(schedule);
            } catch (IllegalArgumentException e) {
                throw errors.invalid("Invalid schedule expression: " + schedule);
            }
            crawler.schedule(Schedule.builder().scheduleExpression(schedule).build());
        }
        return crawler.build();
    }

    /**
     * Glue checks each S3 target's bucket when a crawler is defined, and fails with InvalidInputException
     * ({@link GlueWorld#s3TargetProblem}); a bucket deleted later fails the crawl instead.
     */
    private void checkBuckets(CrawlerTargets targets, String role, String name) {
        for (S3Target target : targets.s3Targets()) {
            String rest = target.path().substring("s3://".length());
            String bucket = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
            String problem = world.s3TargetProblem(target.path(), bucket, role, name);
            if (problem != null) {
                throw errors.invalid(problem);
            }
        }
    }

    /**
     * Refuses crawler settings that change what a crawl writes and that the fake does not model: targets
     * other than S3 (JDBC, DynamoDB, catalog, Delta, Iceberg, Hudi, MongoDB), an S3 target's sample size or
     * event queues, custom classifiers, the JSON Configuration (grouping, table level, partition updates),
     * event-mode recrawls, security configurations and another account's catalog. Without the refusal the
     * fake would crawl as if they were absent.
     */
    private void refuseUnmodelled(String operation, CrawlerTargets targets, List<String> classifiers, String configuration,
                                  String securityConfiguration, String catalogId, RecrawlPolicy recrawl) {
        if (targets != null) {
            if (targets.hasJdbcTargets() && !targets.jdbcTargets().isEmpty()
                    || targets.hasDynamoDBTargets() && !targets.dynamoDBTargets().isEmpty()
                    || targets.hasCatalogTargets() && !targets.catalogTargets().isEmpty()
                    || targets.hasDeltaTargets() && !targets.deltaTargets().isEmpty()
                    || targets.hasIcebergTargets() && !targets.icebergTargets().isEmpty()
                    || targets.hasHudiTargets() && !targets.hudiTargets().isEmpty()
                    || targets.hasMongoDBTargets() && !targets.mongoDBTargets().isEmpty()) {
                throw unsupported(operation, "targets other than S3Targets");
            }
            for (S3Target target : targets.s3Targets()) {
                if (target.sampleSize() != null) {
                    throw unsupported(operation, "an S3Target's SampleSize");
                }
                if (target.eventQueueArn() != null || target.dlqEventQueueArn() != null) {
                    throw unsupported(operation, "an S3Target's EventQueueArn or DlqEventQueueArn");
                }
            }
        }
        if (classifiers != null && !classifiers.isEmpty()) {
            throw unsupported(operation, "Classifiers (custom classifiers)");
        }
        if (configuration != null && !configuration.isBlank()) {
            throw unsupported(operation, "Configuration");
        }
        if (securityConfiguration != null) {
            throw unsupported(operation, "CrawlerSecurityConfiguration");
        }
        if (catalogId != null && !catalogId.equals(world.accountId())) {
            throw unsupported(operation, "CatalogId '" + catalogId + "' (another account's Data Catalog)");
        }
        if (recrawl != null && "CRAWL_EVENT_MODE".equals(recrawl.recrawlBehaviorAsString())) {
            throw unsupported(operation, "RecrawlPolicy CRAWL_EVENT_MODE");
        }
    }

    private RuntimeException unsupported(String operation, String member) {
        return errors.error(501, "NotImplemented", operation + " with " + member + " is not supported by the fake Glue");
    }

    private CrawlerEntry crawler(String name) {
        CrawlerEntry entry = name == null ? null : world.crawlers().get(name);
        if (entry == null) {
            throw errors.notFound("Crawler entry with name " + name + " does not exist");
        }
        return entry;
    }

    private Instant now() {
        return world.clock().instant();
    }
}
