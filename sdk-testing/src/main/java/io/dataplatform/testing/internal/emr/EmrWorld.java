package io.dataplatform.testing.internal.emr;

import io.dataplatform.testing.internal.compute.JobJar;
import io.dataplatform.testing.internal.compute.SparkJobLauncher;
import io.dataplatform.testing.internal.compute.SparkJobOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.emr.model.ClusterState;
import software.amazon.awssdk.services.emr.model.InstanceGroupConfig;
import software.amazon.awssdk.services.emr.model.RunJobFlowRequest;
import software.amazon.awssdk.services.emr.model.StepConfig;
import software.amazon.awssdk.services.emr.model.StepState;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The fake EMR of one world: clusters and their steps on the world's clock. State is advanced lazily,
 * at every call, to what it would be now; each transition is stamped with the instant it happened,
 * not the instant it was seen. The durations are those of a small cluster (see the constants); a step
 * of {@code command-runner.jar spark-submit --class io.dataplatform.spark.SparkJobMain} really runs its
 * job, from the jars in the fake S3, on local Spark, when the step starts.
 */
public final class EmrWorld {
    /** From RunJobFlow to BOOTSTRAPPING: EC2 provisioning (about 5 minutes on EMR). */
    public static final Duration STARTING_TIME = Duration.ofMinutes(5);
    /** From BOOTSTRAPPING to ready (RUNNING or WAITING): bootstrap actions and applications (about 2 minutes). */
    public static final Duration BOOTSTRAPPING_TIME = Duration.ofMinutes(2);
    /** How long a step submitted to a ready cluster stays PENDING before it starts (EMR takes some seconds). */
    public static final Duration STEP_PENDING_TIME = Duration.ofSeconds(10);
    /** How long a step runs: spark-submit, the YARN application and a small job (about a minute). */
    public static final Duration STEP_TIME = Duration.ofMinutes(1);
    /** From TERMINATING to TERMINATED: instances shut down (about a minute). */
    public static final Duration TERMINATING_TIME = Duration.ofMinutes(1);
    /** sdk-spark's spark-submit main class: the fake runs SparkJobs through it. */
    public static final String SPARK_ENTRY_POINT = "io.dataplatform.spark.SparkJobMain";
    /** The most steps EMR lets a cluster have active (PENDING, RUNNING, CANCEL_PENDING). */
    static final int MAX_ACTIVE_STEPS = 256;
    private static final Pattern RELEASE = Pattern.compile("emr-(spark-)?(\\d+)\\.(\\d+)\\.(\\d+)(-[A-Za-z0-9.-]+)?");
    private static final List<String> ACTIONS_ON_FAILURE = List.of("TERMINATE_JOB_FLOW", "TERMINATE_CLUSTER",
            "CANCEL_AND_WAIT", "CONTINUE");
    private static final String ID_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private final Clock clock;
    private final String accountId;
    private final String region;
    private final S3Client s3;
    private final Supplier<SparkJobLauncher> launcher;
    private final EmrErrors errors = new EmrErrors();
    private final Map<String, FakeCluster> clusters = new LinkedHashMap<>();
    private final Random ids;

    /**
     * Creates the fake EMR.
     *
     * @param s3       the client the clusters read jars and jobs read and write data through
     * @param launcher runs Spark jobs (sdk-spark's local runner, or a refusal naming the artifact to add)
     */
    public EmrWorld(Clock clock, String accountId, String region, S3Client s3, Supplier<SparkJobLauncher> launcher) {
        this.clock = clock;
        this.accountId = accountId;
        this.region = region;
        this.s3 = s3;
        this.launcher = launcher;
        this.ids = new Random(accountId.hashCode() * 31L + region.hashCode());
    }

    EmrErrors errors() {
        return errors;
    }

    Instant now() {
        return clock.instant();
    }

    /** Brings every cluster up to now. */
    void advance() {
        Instant now = now();
        for (FakeCluster cluster : clusters.values()) {
            while (next(cluster, now)) {
                // each call applies the earliest due transition
            }
        }
    }

    /** Returns the cluster {@code id}, brought up to now, or fails as EMR does for an unknown id. */
    FakeCluster cluster(String id) {
        FakeCluster cluster = id == null ? null : clusters.get(id);
        if (cluster == null) {
            throw errors.invalidRequest("Cluster id '" + id + "' is not valid.");
        }
        return cluster;
    }

    /** Returns every cluster, newest first (the order ListClusters answers in). */
    List<FakeCluster> clustersNewestFirst() {
        List<FakeCluster> all = new ArrayList<>(clusters.values());
        all.sort(Comparator.comparing((FakeCluster c) -> c.createdAt).reversed()
                .thenComparing(Comparator.comparingInt((FakeCluster c) -> order(c)).reversed()));
        return all;
    }

    private int order(FakeCluster cluster) {
        return new ArrayList<>(clusters.keySet()).indexOf(cluster.id);
    }

    // ---- RunJobFlow ---------------------------------------------------------------------------------

    FakeCluster runJobFlow(RunJobFlowRequest request) {
        if (request.name() == null || request.name().isEmpty()) {
            throw errors.validation("1 validation error detected: Value null at 'name' failed to satisfy constraint: "
                    + "Member must not be null");
        }
        checkName(request.name(), "name");
        String label = request.releaseLabel();
        if (label == null || !isRelease(label)) {
            throw errors.validation("The requested release label '" + label + "' is not valid.");
        }
        if (request.serviceRole() == null || request.serviceRole().isEmpty()) {
            throw errors.validation("ServiceRole is required for creating cluster.");
        }
        if (request.jobFlowRole() == null || request.jobFlowRole().isEmpty()) {
            // The message EMR answers (rslifka/elasticity#84: {"__type":"ValidationException","message":"InstanceProfile
            // is required for creating cluster"}).
            throw errors.validation("InstanceProfile is required for creating cluster");
        }
        if (request.instances() == null) {
            throw errors.validation("1 validation error detected: Value null at 'instances' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        if (request.instances().hasInstanceFleets() && !request.instances().instanceFleets().isEmpty()) {
            throw errors.notImplemented("The fake EMR supports instance groups only, not instance fleets");
        }
        refuseUnmodelled(request);
        List<InstanceGroupConfig> groups = request.instances().instanceGroups();
        checkGroups(groups);
        Duration idle = null;
        if (request.autoTerminationPolicy() != null && request.autoTerminationPolicy().idleTimeout() != null) {
            long seconds = request.autoTerminationPolicy().idleTimeout();
            // AutoTerminationPolicy.IdleTimeout: "a minimum of 60 seconds and a maximum of 604800 seconds (seven days)".
            if (seconds < 60 || seconds > 604_800) {
                throw errors.validation("Idle timeout must be between 60 and 604800 seconds, but was " + seconds + ".");
            }
            idle = Duration.ofSeconds(seconds);
        }
        int concurrency = request.stepConcurrencyLevel() == null ? 1 : request.stepConcurrencyLevel();
        if (concurrency < 1 || concurrency > 256) {
            throw errors.validation("StepConcurrencyLevel must be between 1 and 256, but was " + concurrency + ".");
        }
        // RunJobFlow: "A maximum of 256 steps are allowed in each job flow"; a new cluster's steps are all PENDING,
        // so they meet the limit on active steps that AddJobFlowSteps applies.
        if (request.steps().size() > MAX_ACTIVE_STEPS) {
            throw tooManyActiveSteps();
        }
        for (int i = 0; i < request.steps().size(); i++) {
            checkStep(request.steps().get(i), i + 1);
        }
        boolean keepAlive = Boolean.TRUE.equals(request.instances().keepJobFlowAliveWhenNoSteps());
        Map<String, String> tags = new LinkedHashMap<>();
        request.tags().forEach(t -> tags.put(t.key(), t.value()));
        String id = newId("j-");
        FakeCluster cluster = new FakeCluster(id, "arn:aws:elasticmapreduce:" + region + ":" + accountId + ":cluster/" + id,
                request.name(), label, request.applications(), groups, request.logUri(), request.serviceRole(),
                request.jobFlowRole(), tags, concurrency, !keepAlive, idle,
                Boolean.TRUE.equals(request.instances().terminationProtected()), now());
        cluster.request = request;
        clusters.put(id, cluster);
        for (StepConfig step : request.steps()) {
            addStep(cluster, step);
        }
        return cluster;
    }

    /**
     * Refuses the RunJobFlow settings that change what the cluster does or reports and that the fake does
     * not model: bootstrap scripts and application configurations (the steps' Spark would run without them),
     * security configurations and Kerberos (which EMR looks up and enforces), runtime roles, and managed or
     * automatic scaling (which change the instance counts and so NormalizedInstanceHours). Settings that change
     * neither (network, AMI, EBS root volume, log encryption key) are kept and reported by DescribeCluster.
     */
    private void refuseUnmodelled(RunJobFlowRequest request) {
        refuse(request.hasBootstrapActions() && !request.bootstrapActions().isEmpty(), "BootstrapActions");
        refuse(request.hasConfigurations() && !request.configurations().isEmpty(), "Configurations");
        refuse(request.securityConfiguration() != null, "SecurityConfiguration");
        refuse(request.kerberosAttributes() != null, "KerberosAttributes");
        refuse(request.stepExecutionRoleArn() != null, "StepExecutionRoleArn (runtime roles)");
        refuse(request.managedScalingPolicy() != null, "ManagedScalingPolicy");
        refuse(request.amiVersion() != null, "AmiVersion (releases before emr-4.0.0)");
        // The uniform instance configuration, the alternative to InstanceGroups: not an error in EMR.
        refuse(request.instances().masterInstanceType() != null || request.instances().slaveInstanceType() != null
                || request.instances().instanceCount() != null,
                "Instances.MasterInstanceType, SlaveInstanceType or InstanceCount (use InstanceGroups)");
        for (InstanceGroupConfig group : request.instances().instanceGroups()) {
            refuse(group.autoScalingPolicy() != null, "an instance group's AutoScalingPolicy");
            refuse(group.hasConfigurations() && !group.configurations().isEmpty(), "an instance group's Configurations");
        }
    }

    private void refuse(boolean set, String member) {
        if (set) {
            throw errors.notImplemented("RunJobFlow with " + member + " is not supported by the fake EMR");
        }
    }

    private static boolean isRelease(String label) {
        Matcher m = RELEASE.matcher(label);
        if (!m.matches()) {
            return false;
        }
        int major = Integer.parseInt(m.group(2));
        // The emr-spark line starts at 8.0.0; the classic line runs 4.x to 7.x.
        return m.group(1) != null ? major == 8 && m.group(3).equals("0") : major >= 4 && major <= 7;
    }

    private void checkGroups(List<InstanceGroupConfig> groups) {
        // InstanceGroupConfig in the API reference: InstanceRole, InstanceType and InstanceCount are required, and
        // InstanceRole and Market take the listed values only. EMR's request validation refuses the request before
        // it looks at the groups together.
        for (int i = 0; i < groups.size(); i++) {
            InstanceGroupConfig group = groups.get(i);
            String path = "instances.instanceGroups." + (i + 1) + ".member.";
            requireMember(group.instanceRoleAsString(), path + "instanceRole");
            requireMember(group.instanceType(), path + "instanceType");
            requireMember(group.instanceCount(), path + "instanceCount");
            checkEnum(group.instanceRoleAsString(), List.of("MASTER", "CORE", "TASK"), path + "instanceRole");
            checkEnum(group.marketAsString(), List.of("ON_DEMAND", "SPOT"), path + "market");
        }
        long masters = groups.stream().filter(g -> "MASTER".equals(g.instanceRoleAsString())).count();
        long cores = groups.stream().filter(g -> "CORE".equals(g.instanceRoleAsString())).count();
        if (masters != 1) {
            throw errors.validation("A cluster must have exactly one master instance group, but had " + masters + ".");
        }
        if (cores > 1) {
            throw errors.validation("A cluster can have at most one core instance group.");
        }
        for (InstanceGroupConfig group : groups) {
            int count = group.instanceCount() == null ? 0 : group.instanceCount();
            if ("MASTER".equals(group.instanceRoleAsString()) && count != 1 && count != 3) {
                throw errors.validation("The master instance group must have 1 or 3 instances, but had " + count + ".");
            }
            if (group.instanceType() == null || !group.instanceType().matches("[a-z][a-z0-9-]*\\.[a-z0-9]+")) {
                throw errors.validation("Instance type '" + group.instanceType() + "' is not supported.");
            }
            if (group.bidPrice() != null && !"SPOT".equals(group.marketAsString())) {
                throw errors.validation("A bid price can only be set for SPOT instance groups.");
            }
            if (group.bidPrice() != null && !group.bidPrice().matches("\\d+(\\.\\d+)?")) {
                throw errors.validation("The bid price '" + group.bidPrice() + "' is not a valid price.");
            }
        }
    }

    // ---- steps ------------------------------------------------------------------------------------------

    List<String> addJobFlowSteps(String clusterId, List<StepConfig> steps) {
        FakeCluster cluster = clusters.get(clusterId);
        if (cluster == null) {
            throw errors.validation("Specified job flow ID does not exist.");
        }
        if (cluster.isEnding()) {
            throw errors.validation("A job flow that is shutting down, terminated, or finished may not be modified.");
        }
        long active = cluster.steps.stream().filter(FakeStep::isActive).count();
        if (active + steps.size() > MAX_ACTIVE_STEPS) {
            throw tooManyActiveSteps();
        }
        if (cluster.stepConcurrency > 1) {
            // StepConfig.ActionOnFailure: with a StepConcurrencyLevel over 1, "do not use AddJobFlowSteps to submit a
            // step with this parameter set to CANCEL_AND_WAIT or TERMINATE_CLUSTER. The step is not submitted and the
            // action fails with a message that the ActionOnFailure setting is not valid." TERMINATE_JOB_FLOW is the
            // older name of TERMINATE_CLUSTER.
            for (StepConfig step : steps) {
                String action = step.actionOnFailureAsString();
                if ("CANCEL_AND_WAIT".equals(action) || "TERMINATE_CLUSTER".equals(action)
                        || "TERMINATE_JOB_FLOW".equals(action)) {
                    throw errors.validation("ActionOnFailure " + action + " of step '" + step.name() + "' is not valid"
                            + " for a cluster with a StepConcurrencyLevel of " + cluster.stepConcurrency
                            + ": use CONTINUE.");
                }
            }
        }
        for (int i = 0; i < steps.size(); i++) {
            checkStep(steps.get(i), i + 1);
        }
        List<String> ids = new ArrayList<>();
        for (StepConfig step : steps) {
            ids.add(addStep(cluster, step).id);
        }
        return ids;
    }

    private RuntimeException tooManyActiveSteps() {
        return errors.validation("Maximum number of active steps(State = 'Running', 'Pending' or 'Cancel_Pending') "
                + "for cluster exceeded.");
    }

    /** Refuses, before anything is stored, a step this fake cannot run (it never pretends to run one). */
    private void checkStep(StepConfig step, int position) {
        String path = "steps." + position + ".member.";
        if (step.name() == null || step.name().isEmpty()) {
            throw errors.validation("1 validation error detected: Value null at '" + path + "name' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        checkName(step.name(), path + "name");
        // StepConfig.ActionOnFailure's valid values in the API reference; EMR's request validation refuses others.
        checkEnum(step.actionOnFailureAsString(), ACTIONS_ON_FAILURE, path + "actionOnFailure");
        if (step.hadoopJarStep() == null || step.hadoopJarStep().jar() == null) {
            throw errors.validation("1 validation error detected: Value null at '" + path + "hadoopJarStep.jar' failed"
                    + " to satisfy constraint: Member must not be null");
        }
        // command-runner.jar runs its arguments; a MainClass or Java properties would change what runs.
        if (step.hadoopJarStep().mainClass() != null
                || step.hadoopJarStep().hasProperties() && !step.hadoopJarStep().properties().isEmpty()) {
            throw errors.notImplemented("The fake EMR cannot run step '" + step.name() + "' with HadoopJarStep."
                    + (step.hadoopJarStep().mainClass() != null ? "MainClass" : "Properties")
                    + ": it runs 'command-runner.jar spark-submit' steps as their arguments say");
        }
        List<String> args = step.hadoopJarStep().args();
        if (!"command-runner.jar".equals(step.hadoopJarStep().jar()) || args.isEmpty()
                || !"spark-submit".equals(args.get(0))) {
            throw errors.notImplemented("The fake EMR runs 'command-runner.jar spark-submit' steps of SparkJob classes"
                    + " only; it cannot run step '" + step.name() + "' (" + step.hadoopJarStep().jar()
                    + (args.isEmpty() ? "" : " " + args.get(0)) + ")");
        }
        SparkSubmit submit;
        try {
            submit = SparkSubmit.parse(args.subList(1, args.size()));
        } catch (IllegalArgumentException e) {
            throw errors.notImplemented("The fake EMR cannot run step '" + step.name() + "': " + e.getMessage());
        }
        if (!SPARK_ENTRY_POINT.equals(submit.mainClass())) {
            throw errors.notImplemented("The fake EMR runs SparkJob classes through --class " + SPARK_ENTRY_POINT
                    + " only; it cannot run step '" + step.name() + "' with --class " + submit.mainClass());
        }
    }

    private void requireMember(Object value, String path) {
        if (value == null) {
            throw errors.validation("1 validation error detected: Value null at '" + path + "' failed to satisfy "
                    + "constraint: Member must not be null");
        }
    }

    private void checkEnum(String value, List<String> valid, String path) {
        if (value != null && !valid.contains(value)) {
            throw errors.validation("1 validation error detected: Value '" + value + "' at '" + path + "' failed to "
                    + "satisfy constraint: Member must satisfy enum value set: [" + String.join(", ", valid) + "]");
        }
    }

    /**
     * XmlStringMaxLen256 (a cluster's and a step's Name): at most 256 characters of the pattern the API reference
     * gives, which leaves out the control characters other than tab, line feed and carriage return.
     */
    private void checkName(String value, String path) {
        if (value.length() > 256) {
            throw errors.validation("1 validation error detected: Value '" + value + "' at '" + path + "' failed to "
                    + "satisfy constraint: Member must have length less than or equal to 256");
        }
        boolean xml = value.codePoints().allMatch(c -> c == '\t' || c == '\n' || c == '\r'
                || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF));
        if (!xml) {
            throw errors.validation("1 validation error detected: Value '" + value + "' at '" + path + "' failed to "
                    + "satisfy constraint: Member must satisfy regular expression pattern: "
                    + "[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\r\\n\\t]*");
        }
    }

    private FakeStep addStep(FakeCluster cluster, StepConfig config) {
        List<String> args = config.hadoopJarStep().args();
        FakeStep step = new FakeStep(newId("s-"), config.name(),
                config.actionOnFailureAsString() == null ? "CONTINUE" : config.actionOnFailureAsString(),
                config.hadoopJarStep().jar(), args, SparkSubmit.parse(args.subList(1, args.size())), now());
        cluster.steps.add(step);
        return step;
    }

    FakeStep step(FakeCluster cluster, String stepId) {
        return cluster.steps.stream().filter(s -> s.id.equals(stepId)).findFirst()
                .orElseThrow(() -> errors.invalidRequest("Step id '" + stepId + "' is not valid."));
    }

    /**
     * CancelSteps: a pending step is cancelled; a running one too, whichever StepCancellationOption
     * (SEND_INTERRUPT or TERMINATE_PROCESS: both stop the step's process), but only from release 5.28.0:
     * "In earlier versions of Amazon EMR, you can only cancel steps that are in a PENDING state" (API_CancelSteps).
     */
    boolean cancel(FakeCluster cluster, FakeStep step) {
        if (step.state == StepState.PENDING || (step.state == StepState.RUNNING && cancelsRunningSteps(cluster))) {
            step.state = StepState.CANCELLED;
            step.endedAt = now();
            cluster.lastEvent = now();
            settle(cluster, now());
            return true;
        }
        return false;
    }

    private static boolean cancelsRunningSteps(FakeCluster cluster) {
        Matcher m = RELEASE.matcher(cluster.releaseLabel);
        if (!m.matches()) {
            return false;
        }
        int major = Integer.parseInt(m.group(2));
        int minor = Integer.parseInt(m.group(3));
        return m.group(1) != null || major > 5 || (major == 5 && minor >= 28);
    }

    // ---- termination ----------------------------------------------------------------------------------

    void terminateJobFlows(List<String> ids) {
        List<FakeCluster> targets = new ArrayList<>();
        for (String id : ids) {
            FakeCluster cluster = clusters.get(id);
            if (cluster == null) {
                throw errors.validation("Specified job flow ID does not exist.");
            }
            targets.add(cluster);
        }
        if (targets.stream().anyMatch(c -> c.terminationProtected && !c.isEnding())) {
            throw errors.validation("Could not shut down one or more job flows since they are termination protected.");
        }
        for (FakeCluster cluster : targets) {
            if (!cluster.isEnding()) {
                terminate(cluster, now(), "USER_REQUEST", "Terminated by user request", false);
            }
        }
    }

    // ---- the state machine ------------------------------------------------------------------------------

    /** Applies the earliest transition of {@code cluster} due by {@code now}; false when none is. */
    private boolean next(FakeCluster c, Instant now) {
        switch (c.state) {
            case STARTING -> {
                Instant at = c.createdAt.plus(STARTING_TIME);
                if (at.isAfter(now)) {
                    return false;
                }
                c.state = ClusterState.BOOTSTRAPPING;
                c.reasonMessage = "Running bootstrap actions";
                c.lastEvent = at;
                return true;
            }
            case BOOTSTRAPPING -> {
                Instant at = c.createdAt.plus(STARTING_TIME).plus(BOOTSTRAPPING_TIME);
                if (at.isAfter(now)) {
                    return false;
                }
                c.readyAt = at;
                c.lastEvent = at;
                c.state = ClusterState.WAITING;
                c.reasonMessage = "Cluster ready to run steps.";
                c.idleSince = at;
                return true;
            }
            case RUNNING, WAITING -> {
                return nextOfReady(c, now);
            }
            case TERMINATING -> {
                Instant at = c.terminatingAt.plus(TERMINATING_TIME);
                if (at.isAfter(now)) {
                    return false;
                }
                c.state = c.withErrors ? ClusterState.TERMINATED_WITH_ERRORS : ClusterState.TERMINATED;
                c.endedAt = at;
                c.lastEvent = at;
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private boolean nextOfReady(FakeCluster c, Instant now) {
        FakeStep ending = c.steps.stream().filter(s -> s.state == StepState.RUNNING)
                .min(Comparator.comparing(s -> s.plannedEnd)).orElse(null);
        long running = c.steps.stream().filter(s -> s.state == StepState.RUNNING).count();
        FakeStep pending = c.steps.stream().filter(s -> s.state == StepState.PENDING).findFirst().orElse(null);
        Instant startAt = pending == null || running >= c.stepConcurrency ? null
                : later(pending.createdAt.plus(STEP_PENDING_TIME), c.lastEvent);
        if (ending != null && !ending.plannedEnd.isAfter(now) && (startAt == null || !ending.plannedEnd.isAfter(startAt))) {
            finish(c, ending);
            return true;
        }
        if (startAt != null && !startAt.isAfter(now)) {
            start(c, pending, startAt);
            return true;
        }
        if (c.state == ClusterState.WAITING) {
            if (c.autoTerminate && pending == null) {
                // KeepJobFlowAliveWhenNoSteps=false: the cluster ends once it has no more steps to run.
                terminate(c, c.idleSince, "ALL_STEPS_COMPLETED", "Steps completed", false);
                return true;
            }
            if (c.idleTimeout != null) {
                Instant at = c.idleSince.plus(c.idleTimeout);
                if (!at.isAfter(now)) {
                    // ClusterStateChangeReason has no code of its own for idle auto-termination.
                    terminate(c, at, "ALL_STEPS_COMPLETED", "Cluster was terminated after being idle for "
                            + c.idleTimeout.toSeconds() + " seconds (auto-termination policy).", false);
                    return true;
                }
            }
        }
        return false;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private void start(FakeCluster c, FakeStep step, Instant at) {
        step.state = StepState.RUNNING;
        step.startedAt = at;
        step.plannedEnd = at.plus(STEP_TIME);
        c.lastEvent = at;
        c.state = ClusterState.RUNNING;
        c.reasonMessage = "Running step";
        SparkJobOutcome outcome = run(step);
        step.succeeded = outcome.succeeded();
        if (!outcome.succeeded()) {
            step.failureReason = outcome.failure();
            step.failureMessage = "Exception in thread \"main\" " + outcome.failure();
            step.logFile = c.logUri == null ? null
                    : c.logUri + (c.logUri.endsWith("/") ? "" : "/") + c.id + "/steps/" + step.id + "/stderr.gz";
        }
    }

    /** Runs the step's SparkJob: the jars from the fake S3, the job class named after the application jar. */
    private SparkJobOutcome run(FakeStep step) {
        SparkSubmit submit = step.submit;
        if (submit.appArgs().isEmpty()) {
            return SparkJobOutcome.failed("java.lang.IllegalArgumentException: Usage: SparkJobMain <SparkJob class>"
                    + " [--name value ...]", Duration.ZERO);
        }
        List<JobJar> jars = new ArrayList<>();
        List<String> locations = new ArrayList<>();
        locations.add(submit.appJar());
        locations.addAll(submit.jars());
        for (String location : locations) {
            try {
                jars.add(new JobJar(location, read(location)));
            } catch (IllegalArgumentException | S3Exception e) {
                return SparkJobOutcome.failed("java.io.FileNotFoundException: File does not exist: " + location,
                        Duration.ZERO);
            }
        }
        return launcher.get().run(jars, submit.appArgs().get(0), submit.appArgs().subList(1, submit.appArgs().size()), s3);
    }

    private byte[] read(String location) {
        Matcher m = Pattern.compile("s3a?://([^/]+)/(.+)").matcher(location);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an S3 location: " + location);
        }
        ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(r -> r.bucket(m.group(1)).key(m.group(2)));
        return bytes.asByteArray();
    }

    private void finish(FakeCluster c, FakeStep step) {
        Instant at = step.plannedEnd;
        step.endedAt = at;
        step.state = step.succeeded ? StepState.COMPLETED : StepState.FAILED;
        c.lastEvent = at;
        if (step.state == StepState.FAILED) {
            String action = step.actionOnFailure.toUpperCase(Locale.ROOT);
            // Management Guide, termination protection: a failed TERMINATE step ends the cluster "If the cluster has
            // termination protection enabled AND auto-terminate disabled, it will not terminate": protection alone
            // does not keep a cluster that would end after its steps anyway.
            boolean terminate = (action.equals("TERMINATE_CLUSTER") || action.equals("TERMINATE_JOB_FLOW"))
                    && (!c.terminationProtected || c.autoTerminate);
            if (terminate || action.startsWith("TERMINATE") || action.equals("CANCEL_AND_WAIT")) {
                // A protected, kept-alive cluster stays up after a failed step: the steps that follow are cancelled.
                c.steps.stream().filter(s -> s.state == StepState.PENDING).forEach(s -> {
                    s.state = StepState.CANCELLED;
                    s.endedAt = at;
                });
            }
            if (terminate) {
                terminate(c, at, "STEP_FAILURE", "Shut down as step failed", true);
                return;
            }
        }
        settle(c, at);
    }

    /** RUNNING while a step runs, else WAITING (the idle clock starts when the cluster becomes WAITING). */
    private void settle(FakeCluster c, Instant at) {
        if (c.isEnding() || c.readyAt == null) {
            return;
        }
        boolean running = c.steps.stream().anyMatch(s -> s.state == StepState.RUNNING);
        if (running) {
            c.state = ClusterState.RUNNING;
        } else if (c.state != ClusterState.WAITING) {
            c.state = ClusterState.WAITING;
            c.reasonMessage = "Cluster ready after last step completed.";
            c.idleSince = at;
        }
    }

    private void terminate(FakeCluster c, Instant at, String code, String message, boolean withErrors) {
        c.state = ClusterState.TERMINATING;
        c.reasonCode = code;
        c.reasonMessage = message;
        c.terminatingAt = at;
        c.withErrors = withErrors;
        c.lastEvent = at;
        for (FakeStep step : c.steps) {
            if (step.isActive()) {
                step.state = StepState.CANCELLED;
                step.endedAt = at;
            }
        }
    }

    /** Normalized instance hours as EMR reports them: instance-hours, each started hour counted, times the size factor. */
    int normalizedInstanceHours(FakeCluster c) {
        if (c.readyAt == null && c.state == ClusterState.STARTING) {
            return 0;
        }
        Instant end = c.endedAt != null ? c.endedAt : now();
        long seconds = Duration.between(c.createdAt, end).toSeconds();
        long hours = Math.max(1, (seconds + 3599) / 3600);
        long total = 0;
        for (InstanceGroupConfig g : c.groups) {
            total += hours * (g.instanceCount() == null ? 0 : g.instanceCount()) * sizeFactor(g.instanceType());
        }
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    private static int sizeFactor(String type) {
        String size = type.substring(type.indexOf('.') + 1);
        return switch (size) {
            case "medium" -> 2;
            case "large" -> 4;
            case "xlarge" -> 8;
            default -> size.endsWith("xlarge") ? 8 * Integer.parseInt(size.substring(0, size.length() - 6)) : 1;
        };
    }

    private String newId(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < 13; i++) {
            id.append(ID_CHARS.charAt(ids.nextInt(ID_CHARS.length())));
        }
        return id.toString();
    }
}
