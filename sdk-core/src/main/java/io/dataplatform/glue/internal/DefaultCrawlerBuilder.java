package io.dataplatform.glue.internal;

import io.dataplatform.ResourceNotFoundException;
import io.dataplatform.glue.Crawler;
import io.dataplatform.glue.CrawlerBuilder;
import io.dataplatform.glue.RecrawlPolicy;
import io.dataplatform.glue.S3Target;
import io.dataplatform.glue.Schedule;
import io.dataplatform.glue.SchemaChangePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.glue.model.CrawlerTargets;
import software.amazon.awssdk.services.glue.model.DeleteBehavior;
import software.amazon.awssdk.services.glue.model.RecrawlBehavior;
import software.amazon.awssdk.services.glue.model.UpdateBehavior;

/** Collects a crawler definition and sends it as CreateCrawler or UpdateCrawler. */
final class DefaultCrawlerBuilder implements CrawlerBuilder {
    private final DefaultGlueCatalog.GlueAccess glue;
    private final String name;
    private final List<S3Target> targets = new ArrayList<>();
    private String database;
    private String tablePrefix = "";
    private SchemaChangePolicy schemaChangePolicy = SchemaChangePolicy.defaults();
    private RecrawlPolicy recrawlPolicy = RecrawlPolicy.CRAWL_EVERYTHING;
    private Schedule schedule;
    private String role;
    private String description = "";

    DefaultCrawlerBuilder(DefaultGlueCatalog.GlueAccess glue, String name) {
        this.glue = glue;
        this.name = name;
    }

    @Override
    public CrawlerBuilder target(S3Target target) {
        targets.add(Objects.requireNonNull(target, "target"));
        return this;
    }

    @Override
    public CrawlerBuilder database(String database) {
        this.database = GlueNames.checkDatabase(database);
        return this;
    }

    @Override
    public CrawlerBuilder tablePrefix(String prefix) {
        this.tablePrefix = GlueNames.checkTablePrefix(prefix);
        return this;
    }

    @Override
    public CrawlerBuilder schemaChangePolicy(SchemaChangePolicy policy) {
        this.schemaChangePolicy = Objects.requireNonNull(policy, "schemaChangePolicy");
        return this;
    }

    @Override
    public CrawlerBuilder recrawlPolicy(RecrawlPolicy policy) {
        this.recrawlPolicy = Objects.requireNonNull(policy, "recrawlPolicy");
        return this;
    }

    @Override
    public CrawlerBuilder schedule(Schedule schedule) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        return this;
    }

    @Override
    public CrawlerBuilder role(String role) {
        this.role = GlueNames.checkRole(role);
        return this;
    }

    @Override
    public CrawlerBuilder description(String description) {
        Objects.requireNonNull(description, "description");
        if (description.length() > 2048) {
            throw new IllegalArgumentException("description must be at most 2048 characters, but was " + description.length());
        }
        this.description = description;
        return this;
    }

    @Override
    public Crawler create() {
        validate("create");
        requireDatabase();
        glue.create("CreateCrawler", name, "AlreadyExistsException", c -> c.createCrawler(r -> r.name(name).role(role).databaseName(database)
                .targets(targets()).tablePrefix(tablePrefix.isEmpty() ? null : tablePrefix)
                .schemaChangePolicy(policy()).recrawlPolicy(p -> p.recrawlBehavior(recrawl()))
                .schedule(schedule == null ? null : schedule.expression())
                .description(description.isEmpty() ? null : description)));
        return new DefaultCrawler(glue, name);
    }

    @Override
    public Crawler update() {
        validate("update");
        requireDatabase();
        glue.call("UpdateCrawler", name, c -> c.updateCrawler(r -> r.name(name).role(role).databaseName(database)
                .targets(targets()).tablePrefix(tablePrefix)
                .schemaChangePolicy(policy()).recrawlPolicy(p -> p.recrawlBehavior(recrawl()))
                .schedule(schedule == null ? "" : schedule.expression())
                .description(description)));
        return new DefaultCrawler(glue, name);
    }

    /** Glue accepts a crawler for a missing database and only fails its crawls; fail now, naming the fix. */
    private void requireDatabase() {
        if (!new DefaultDatabase(glue, database).exists()) {
            throw new ResourceNotFoundException("Database '" + database + "' does not exist: create it with glue().database(\""
                    + database + "\").create() before defining crawler '" + name + "'");
        }
    }

    private void validate(String verb) {
        if (targets.isEmpty()) {
            throw new IllegalStateException("target is required: call CrawlerBuilder.target(..) before " + verb + "()");
        }
        if (database == null) {
            throw new IllegalStateException("database is required: call CrawlerBuilder.database(..) before " + verb + "()");
        }
        if (role == null) {
            throw new IllegalStateException("role is required: call CrawlerBuilder.role(..) before " + verb + "()");
        }
        // Glue rejects CRAWL_NEW_FOLDERS_ONLY unless both behaviours are LOG (RecrawlPolicy in the Glue API reference).
        if (recrawlPolicy == RecrawlPolicy.CRAWL_NEW_FOLDERS_ONLY
                && (schemaChangePolicy.update() != SchemaChangePolicy.UpdateBehavior.LOG
                || schemaChangePolicy.delete() != SchemaChangePolicy.DeleteBehavior.LOG)) {
            throw new IllegalArgumentException("Invalid schemaChangePolicy " + schemaChangePolicy.update() + "/"
                    + schemaChangePolicy.delete() + ": recrawlPolicy CRAWL_NEW_FOLDERS_ONLY requires LOG/LOG");
        }
    }

    private CrawlerTargets targets() {
        return CrawlerTargets.builder().s3Targets(targets.stream()
                .map(t -> software.amazon.awssdk.services.glue.model.S3Target.builder().path(t.path())
                        .exclusions(t.exclusions()).build())
                .toList()).build();
    }

    private software.amazon.awssdk.services.glue.model.SchemaChangePolicy policy() {
        return software.amazon.awssdk.services.glue.model.SchemaChangePolicy.builder()
                .updateBehavior(UpdateBehavior.fromValue(schemaChangePolicy.update().name()))
                .deleteBehavior(DeleteBehavior.fromValue(schemaChangePolicy.delete().name()))
                .build();
    }

    private RecrawlBehavior recrawl() {
        return RecrawlBehavior.fromValue(recrawlPolicy.name());
    }
}
