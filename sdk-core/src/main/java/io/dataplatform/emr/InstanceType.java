package io.dataplatform.emr;

import io.dataplatform.internal.Checks;
import java.util.regex.Pattern;

/**
 * An EC2 instance type for a cluster's instances, such as {@code m5.xlarge}. The constants are the
 * common general-purpose (m) and memory-optimized (r) types the standard {@code PriceList} knows the
 * price of; {@link #of(String)} names any other (its price must then be added to the price list, or
 * the cost guard cannot estimate the cluster).
 *
 * @param name the EC2 name, e.g. {@code r6g.2xlarge}
 */
public record InstanceType(String name) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z0-9]+");

    /** m5.xlarge: 4 vCPU, 16 GiB. */
    public static final InstanceType M5_XLARGE = new InstanceType("m5.xlarge");
    /** m5.2xlarge: 8 vCPU, 32 GiB. */
    public static final InstanceType M5_2XLARGE = new InstanceType("m5.2xlarge");
    /** m5.4xlarge: 16 vCPU, 64 GiB. */
    public static final InstanceType M5_4XLARGE = new InstanceType("m5.4xlarge");
    /** m6i.xlarge: 4 vCPU, 16 GiB. */
    public static final InstanceType M6I_XLARGE = new InstanceType("m6i.xlarge");
    /** m6i.2xlarge: 8 vCPU, 32 GiB. */
    public static final InstanceType M6I_2XLARGE = new InstanceType("m6i.2xlarge");
    /** m6i.4xlarge: 16 vCPU, 64 GiB. */
    public static final InstanceType M6I_4XLARGE = new InstanceType("m6i.4xlarge");
    /** m6g.xlarge (Graviton2): 4 vCPU, 16 GiB. */
    public static final InstanceType M6G_XLARGE = new InstanceType("m6g.xlarge");
    /** m6g.2xlarge (Graviton2): 8 vCPU, 32 GiB. */
    public static final InstanceType M6G_2XLARGE = new InstanceType("m6g.2xlarge");
    /** m6g.4xlarge (Graviton2): 16 vCPU, 64 GiB. */
    public static final InstanceType M6G_4XLARGE = new InstanceType("m6g.4xlarge");
    /** m7g.xlarge (Graviton3): 4 vCPU, 16 GiB. */
    public static final InstanceType M7G_XLARGE = new InstanceType("m7g.xlarge");
    /** m7g.2xlarge (Graviton3): 8 vCPU, 32 GiB. */
    public static final InstanceType M7G_2XLARGE = new InstanceType("m7g.2xlarge");
    /** m7g.4xlarge (Graviton3): 16 vCPU, 64 GiB. */
    public static final InstanceType M7G_4XLARGE = new InstanceType("m7g.4xlarge");
    /** r5.xlarge: 4 vCPU, 32 GiB. */
    public static final InstanceType R5_XLARGE = new InstanceType("r5.xlarge");
    /** r5.2xlarge: 8 vCPU, 64 GiB. */
    public static final InstanceType R5_2XLARGE = new InstanceType("r5.2xlarge");
    /** r5.4xlarge: 16 vCPU, 128 GiB. */
    public static final InstanceType R5_4XLARGE = new InstanceType("r5.4xlarge");
    /** r6i.xlarge: 4 vCPU, 32 GiB. */
    public static final InstanceType R6I_XLARGE = new InstanceType("r6i.xlarge");
    /** r6i.2xlarge: 8 vCPU, 64 GiB. */
    public static final InstanceType R6I_2XLARGE = new InstanceType("r6i.2xlarge");
    /** r6i.4xlarge: 16 vCPU, 128 GiB. */
    public static final InstanceType R6I_4XLARGE = new InstanceType("r6i.4xlarge");
    /** r6g.xlarge (Graviton2): 4 vCPU, 32 GiB. */
    public static final InstanceType R6G_XLARGE = new InstanceType("r6g.xlarge");
    /** r6g.2xlarge (Graviton2): 8 vCPU, 64 GiB. */
    public static final InstanceType R6G_2XLARGE = new InstanceType("r6g.2xlarge");
    /** r6g.4xlarge (Graviton2): 16 vCPU, 128 GiB. */
    public static final InstanceType R6G_4XLARGE = new InstanceType("r6g.4xlarge");
    /** r7g.xlarge (Graviton3): 4 vCPU, 32 GiB. */
    public static final InstanceType R7G_XLARGE = new InstanceType("r7g.xlarge");
    /** r7g.2xlarge (Graviton3): 8 vCPU, 64 GiB. */
    public static final InstanceType R7G_2XLARGE = new InstanceType("r7g.2xlarge");
    /** r7g.4xlarge (Graviton3): 16 vCPU, 128 GiB. */
    public static final InstanceType R7G_4XLARGE = new InstanceType("r7g.4xlarge");

    /** Validates the name's form ({@code family.size}). */
    public InstanceType {
        Checks.notNull(name, "instance type name");
        Checks.require(NAME.matcher(name).matches(),
                "Invalid instance type '%s': must be an EC2 type name such as m5.xlarge", name);
    }

    /** Returns the instance type named {@code name}, e.g. {@code c6g.2xlarge}. */
    public static InstanceType of(String name) {
        return new InstanceType(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
