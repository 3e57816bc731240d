package io.dataplatform.emr;

import io.dataplatform.cost.Money;
import io.dataplatform.s3.S3Location;
import java.time.Duration;
import java.util.Optional;

/**
 * Configures and creates an EMR cluster with safe defaults: release {@value #DEFAULT_RELEASE} (Spark
 * 4.0, Scala 2.13, JDK 17: what sdk-spark builds on), Spark only, one m5.xlarge master and three
 * m5.xlarge core instances, an idle auto-termination after {@link #DEFAULT_IDLE_TIMEOUT} (waived only by
 * {@link #noIdleTimeout()}), termination after the steps given here unless {@link #keepAlive()}, no
 * termination protection unless asked, roles {@code EMR_DefaultRole} and {@code EMR_EC2_DefaultRole}.
 *
 * <pre>{@code
 * Cluster cluster = platform.emr().cluster("nightly")
 *         .master(InstanceType.M5_XLARGE).core(3, InstanceType.M5_XLARGE)
 *         .idleTimeout(Duration.ofMinutes(30)).maxHourlyCost(Money.usd(4))
 *         .logUri(S3Location.parse("s3://acme-logs/emr/"))
 *         .create();
 * }</pre>
 */
public interface ClusterBuilder {
    /** The default release label. */
    String DEFAULT_RELEASE = "emr-spark-8.0.0";
    /** The default idle auto-termination timeout. */
    Duration DEFAULT_IDLE_TIMEOUT = Duration.ofHours(1);

    /**
     * Sets the release label; {@code SparkStep}s are refused on releases whose Spark cannot run them
     * (EMR 7.x and older run Spark 3.5 on Scala 2.12).
     */
    ClusterBuilder releaseLabel(String releaseLabel);

    /** Sets the applications (default Spark); e.g. {@code "Spark", "Livy", "JupyterEnterpriseGateway"} for notebooks. */
    ClusterBuilder applications(String... applications);

    /** Sets the master: one instance of {@code type}, on demand. */
    ClusterBuilder master(InstanceType type);

    /** Sets the master group (count 1). */
    ClusterBuilder master(InstanceGroup group);

    /** Sets the core group: {@code count} on-demand instances of {@code type}. */
    ClusterBuilder core(int count, InstanceType type);

    /** Sets the core group. */
    ClusterBuilder core(InstanceGroup group);

    /** Same as {@link #core(int, InstanceType)}: the workers. */
    ClusterBuilder workers(int count, InstanceType type);

    /** Adds a task group (compute only, no HDFS), often spot. */
    ClusterBuilder addTaskGroup(InstanceGroup group);

    /** Sets the idle time after which EMR terminates the cluster (60 s to 7 days; default 1 hour). */
    ClusterBuilder idleTimeout(Duration timeout);

    /** Waives the idle auto-termination: the cluster runs, and costs, until terminated. */
    ClusterBuilder noIdleTimeout();

    /** Keeps the cluster waiting after the steps given here (by default it terminates after them). */
    ClusterBuilder keepAlive();

    /** Protects the cluster against termination by API calls and errors. */
    ClusterBuilder terminationProtection();

    /** Sets where EMR writes the cluster's logs. */
    ClusterBuilder logUri(S3Location logUri);

    /** Sets where {@link SparkStep}s upload their jars unless a step names its own location. */
    ClusterBuilder codeLocation(S3Location codeLocation);

    /** Sets the EMR service role (default {@code EMR_DefaultRole}). */
    ClusterBuilder serviceRole(String role);

    /** Sets the EC2 instance profile (default {@code EMR_EC2_DefaultRole}). */
    ClusterBuilder instanceProfile(String instanceProfile);

    /** Adds a tag. */
    ClusterBuilder tag(String key, String value);

    /** Sets how many steps may run at once (1 to 256; default 1). */
    ClusterBuilder stepConcurrency(int steps);

    /** Adds a step run as soon as the cluster is ready. */
    ClusterBuilder step(Step step);

    /** Refuses to create the cluster if its estimated hourly price is above {@code limit}. */
    ClusterBuilder maxHourlyCost(Money limit);

    /** Returns the estimated hourly price of the configured instances, if the price list knows every type. */
    Optional<Money> estimateHourlyCost();

    /**
     * Checks the cost guard, uploads the jars of the steps given here, and creates the cluster (RunJobFlow).
     *
     * @throws io.dataplatform.cost.CostLimitExceededException if over an hourly limit; nothing was called
     * @throws IllegalArgumentException if the release cannot run a step given here
     */
    Cluster create();
}
