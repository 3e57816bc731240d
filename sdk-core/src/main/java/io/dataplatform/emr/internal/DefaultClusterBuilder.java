package io.dataplatform.emr.internal;

import io.dataplatform.cost.CostEstimate;
import io.dataplatform.cost.CostLimit;
import io.dataplatform.cost.CostLimitExceededException;
import io.dataplatform.cost.DataSize;
import io.dataplatform.cost.Money;
import io.dataplatform.cost.internal.DefaultCostLedger;
import io.dataplatform.emr.Cluster;
import io.dataplatform.emr.ClusterBuilder;
import io.dataplatform.emr.InstanceGroup;
import io.dataplatform.emr.InstanceMarket;
import io.dataplatform.emr.InstanceType;
import io.dataplatform.emr.Step;
import io.dataplatform.internal.Checks;
import io.dataplatform.s3.S3Location;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.emr.model.InstanceGroupConfig;
import software.amazon.awssdk.services.emr.model.InstanceRoleType;
import software.amazon.awssdk.services.emr.model.RunJobFlowRequest;
import software.amazon.awssdk.services.emr.model.StepConfig;
import software.amazon.awssdk.services.emr.model.Tag;

/** Collects a cluster's settings; {@link #create()} checks the cost guard, then calls RunJobFlow. */
final class DefaultClusterBuilder implements ClusterBuilder {
    // EMR's limits: a cluster name up to 256 characters; idle timeout 60 s to 7 days (AutoTerminationPolicy).
    private static final Pattern NAME = Pattern.compile("[\\u0020-\\uD7FF\\uE000-\\uFFFD\\t]{1,256}");
    private static final Duration MIN_IDLE = Duration.ofSeconds(60);
    private static final Duration MAX_IDLE = Duration.ofDays(7);

    private final EmrContext context;
    private final String name;
    private String releaseLabel = DEFAULT_RELEASE;
    private List<String> applications = List.of("Spark");
    private InstanceGroup master = InstanceGroup.onDemand(InstanceType.M5_XLARGE, 1);
    private InstanceGroup core = InstanceGroup.onDemand(InstanceType.M5_XLARGE, 3);
    private final List<InstanceGroup> tasks = new ArrayList<>();
    private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
    private boolean keepAlive;
    private boolean terminationProtection;
    private S3Location logUri;
    private S3Location codeLocation;
    private String serviceRole = "EMR_DefaultRole";
    private String instanceProfile = "EMR_EC2_DefaultRole";
    private final Map<String, String> tags = new LinkedHashMap<>();
    private int stepConcurrency = 1;
    private final List<Step> steps = new ArrayList<>();
    private Money maxHourlyCost;

    DefaultClusterBuilder(EmrContext context, String name) {
        Checks.notNull(name, "name");
        Checks.require(NAME.matcher(name).matches(), "Invalid cluster name '%s': must be 1 to 256 printable characters",
                name);
        this.context = context;
        this.name = name;
    }

    @Override
    public ClusterBuilder releaseLabel(String releaseLabel) {
        ReleaseCheck.checkForm(releaseLabel);
        this.releaseLabel = releaseLabel;
        return this;
    }

    @Override
    public ClusterBuilder applications(String... applications) {
        Checks.notNull(applications, "applications");
        Checks.require(applications.length > 0, "applications must name at least one application, such as Spark");
        for (String application : applications) {
            Checks.notEmpty(application, "application");
        }
        this.applications = List.of(applications);
        return this;
    }

    @Override
    public ClusterBuilder master(InstanceType type) {
        return master(InstanceGroup.onDemand(Checks.notNull(type, "master type"), 1));
    }

    @Override
    public ClusterBuilder master(InstanceGroup group) {
        Checks.notNull(group, "master");
        Checks.require(group.count() == 1, "Invalid master group: must have 1 instance, but had %s", group.count());
        this.master = group;
        return this;
    }

    @Override
    public ClusterBuilder core(int count, InstanceType type) {
        return core(InstanceGroup.onDemand(Checks.notNull(type, "core type"), count));
    }

    @Override
    public ClusterBuilder core(InstanceGroup group) {
        this.core = Checks.notNull(group, "core");
        return this;
    }

    @Override
    public ClusterBuilder workers(int count, InstanceType type) {
        return core(count, type);
    }

    @Override
    public ClusterBuilder addTaskGroup(InstanceGroup group) {
        Checks.notNull(group, "task group");
        Checks.require(group.count() > 0, "Invalid task group: must have at least 1 instance, but had %s", group.count());
        Checks.require(tasks.size() < 48, "Invalid task group: a cluster has at most 48 task groups");
        tasks.add(group);
        return this;
    }

    @Override
    public ClusterBuilder idleTimeout(Duration timeout) {
        Checks.notNull(timeout, "idleTimeout");
        Checks.require(timeout.compareTo(MIN_IDLE) >= 0 && timeout.compareTo(MAX_IDLE) <= 0,
                "Invalid idleTimeout %s: EMR allows 60 seconds to 7 days", timeout);
        Checks.require(timeout.toNanosPart() == 0, "Invalid idleTimeout %s: must be whole seconds", timeout);
        this.idleTimeout = timeout;
        return this;
    }

    @Override
    public ClusterBuilder noIdleTimeout() {
        this.idleTimeout = null;
        return this;
    }

    @Override
    public ClusterBuilder keepAlive() {
        this.keepAlive = true;
        return this;
    }

    @Override
    public ClusterBuilder terminationProtection() {
        this.terminationProtection = true;
        return this;
    }

    @Override
    public ClusterBuilder logUri(S3Location logUri) {
        this.logUri = Checks.notNull(logUri, "logUri");
        return this;
    }

    @Override
    public ClusterBuilder codeLocation(S3Location codeLocation) {
        this.codeLocation = Checks.notNull(codeLocation, "codeLocation");
        return this;
    }

    @Override
    public ClusterBuilder serviceRole(String role) {
        this.serviceRole = Checks.notEmpty(role, "serviceRole");
        return this;
    }

    @Override
    public ClusterBuilder instanceProfile(String instanceProfile) {
        this.instanceProfile = Checks.notEmpty(instanceProfile, "instanceProfile");
        return this;
    }

    @Override
    public ClusterBuilder tag(String key, String value) {
        Checks.notEmpty(key, "tag key");
        Checks.notNull(value, "tag value");
        Checks.require(key.length() <= 128, "Invalid tag key '%s': at most 128 characters", key);
        Checks.require(value.length() <= 256, "Invalid value of tag '%s': at most 256 characters", key);
        Checks.require(!key.startsWith("aws:"), "Invalid tag key '%s': the prefix aws: is reserved", key);
        tags.put(key, value);
        return this;
    }

    @Override
    public ClusterBuilder stepConcurrency(int steps) {
        Checks.require(steps >= 1 && steps <= 256, "Invalid stepConcurrency %s: must be 1 to 256", steps);
        this.stepConcurrency = steps;
        return this;
    }

    @Override
    public ClusterBuilder step(Step step) {
        steps.add(Checks.notNull(step, "step"));
        return this;
    }

    @Override
    public ClusterBuilder maxHourlyCost(Money limit) {
        Checks.notNull(limit, "maxHourlyCost");
        Checks.require(limit.amount().signum() > 0, "maxHourlyCost must be > $0, but was %s", limit);
        this.maxHourlyCost = limit;
        return this;
    }

    private List<InstanceGroup> groups() {
        List<InstanceGroup> groups = new ArrayList<>();
        groups.add(master);
        groups.add(core);
        groups.addAll(tasks);
        return groups;
    }

    @Override
    public Optional<Money> estimateHourlyCost() {
        return context.prices().emr().hourly(groups());
    }

    @Override
    public Cluster create() {
        steps.forEach(step -> StepCommands.check(step, releaseLabel, codeLocation));
        Optional<Money> hourly = estimateHourlyCost();
        String shape = String.join(" + ", groups().stream().map(InstanceGroup::toString).toList());
        DefaultCostLedger.Slot slot = guard(hourly, shape);
        try {
            List<StepConfig> configs = steps.stream()
                    .map(step -> StepCommands.config(context, step, releaseLabel, codeLocation)).toList();
            RunJobFlowRequest request = request(configs);
            String id = new ClusterLaunch(context).launch(request);
            if (slot != null) {
                slot.started(id);
                context.opened(id, slot, hourly.orElseThrow());
            }
            return new DefaultCluster(context, id, codeLocation, hourly.orElse(null));
        } catch (RuntimeException e) {
            if (slot != null) {
                slot.release();
            }
            throw e;
        }
    }

    /** Checks the hourly limits and reserves the cluster's first hour in the ledger; null without an estimate. */
    private DefaultCostLedger.Slot guard(Optional<Money> hourly, String shape) {
        var guard = context.guard();
        Optional<Money> platformLimit = guard.maxClusterHourlyCost();
        if (hourly.isEmpty()) {
            if (guard.requiresEstimate() || platformLimit.isPresent() || maxHourlyCost != null) {
                throw new CostLimitExceededException(CostLimit.ESTIMATE_REQUIRED, null, "Cluster '" + name + "' ("
                        + shape + ") cannot be estimated: the price list has no price for "
                        + groups().stream().map(InstanceGroup::type).filter(t -> context.prices().emr().instanceHour(t).isEmpty())
                                .distinct().toList()
                        + "; add it with PriceList.withEmr(EmrPrices.withInstance(..)) or allow unestimated operations");
            }
            return null;
        }
        Money cost = hourly.get();
        CostEstimate estimate = new CostEstimate("EMR cluster", DataSize.ZERO, DataSize.ZERO, cost, List.of(), false);
        if (maxHourlyCost != null && cost.isGreaterThan(maxHourlyCost)) {
            throw new CostLimitExceededException(CostLimit.CLUSTER_MAX_HOURLY_COST, estimate, "Cluster '" + name + "' ("
                    + shape + ") is estimated at " + cost + " an hour, over its maxHourlyCost of " + maxHourlyCost
                    + "; choose fewer or smaller instances, or raise maxHourlyCost(..)");
        }
        if (platformLimit.isPresent() && cost.isGreaterThan(platformLimit.get())) {
            throw new CostLimitExceededException(CostLimit.MAX_CLUSTER_HOURLY_COST, estimate, "Cluster '" + name + "' ("
                    + shape + ") is estimated at " + cost + " an hour, over the cost guard's maxClusterHourlyCost of "
                    + platformLimit.get() + "; choose fewer or smaller instances, or raise CostGuard.Builder"
                    + ".maxClusterHourlyCost(..)");
        }
        Optional<Money> budget = guard.budget();
        DefaultCostLedger.Slot slot = context.ledger().reserve("EMR cluster", name + ": " + shape + " at " + cost + "/h",
                true, DataSize.ZERO, cost, total -> budget.isPresent() && total.isGreaterThan(budget.get()));
        if (slot == null) {
            throw new CostLimitExceededException(CostLimit.BUDGET, estimate, "Cluster '" + name + "' (its first hour "
                    + cost + ") would take the platform over its budget of " + budget.orElseThrow() + " ("
                    + context.ledger().committedTotal() + " committed); raise CostGuard.Builder.budget(..)");
        }
        return slot;
    }

    private RunJobFlowRequest request(List<StepConfig> configs) {
        List<InstanceGroupConfig> groups = new ArrayList<>();
        groups.add(group("Master", InstanceRoleType.MASTER, master));
        if (core.count() > 0) {
            // A master-only cluster has no core group at all: EMR takes no group of 0 instances.
            groups.add(group("Core", InstanceRoleType.CORE, core));
        }
        for (int i = 0; i < tasks.size(); i++) {
            groups.add(group("Task " + (i + 1), InstanceRoleType.TASK, tasks.get(i)));
        }
        RunJobFlowRequest.Builder request = RunJobFlowRequest.builder()
                .name(name)
                .releaseLabel(releaseLabel)
                .applications(applications.stream().map(a -> software.amazon.awssdk.services.emr.model.Application
                        .builder().name(a).build()).toList())
                .instances(i -> i.instanceGroups(groups)
                        // A cluster created with steps ends after them unless asked to stay; one without steps waits.
                        .keepJobFlowAliveWhenNoSteps(keepAlive || configs.isEmpty())
                        .terminationProtected(terminationProtection))
                .steps(configs)
                .serviceRole(serviceRole)
                .jobFlowRole(instanceProfile)
                .visibleToAllUsers(true)
                .stepConcurrencyLevel(stepConcurrency)
                .tags(tags.entrySet().stream().map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList());
        if (idleTimeout != null) {
            request.autoTerminationPolicy(p -> p.idleTimeout(idleTimeout.toSeconds()));
        }
        if (logUri != null) {
            request.logUri(logUri.uri());
        }
        return request.build();
    }

    private static InstanceGroupConfig group(String name, InstanceRoleType role, InstanceGroup group) {
        InstanceGroupConfig.Builder config = InstanceGroupConfig.builder().name(name).instanceRole(role)
                .instanceType(group.type().name()).instanceCount(group.count())
                .market(group.market() == InstanceMarket.SPOT ? "SPOT" : "ON_DEMAND");
        group.bid().ifPresent(bid -> config.bidPrice(bid.amount().toPlainString()));
        return config.build();
    }
}
