package io.dataplatform.glue;

/**
 * The workers a Glue Spark job runs on, with the DPUs each one is billed for (Glue's worker types
 * page: a DPU is 4 vCPUs and 16 GB of memory).
 */
public enum WorkerType {
    /** 1 DPU (4 vCPUs, 16 GB): the smallest worker of a batch Spark job, and the default. */
    G_1X("G.1X", 1),
    /** 2 DPUs (8 vCPUs, 32 GB). */
    G_2X("G.2X", 2),
    /** 4 DPUs (16 vCPUs, 64 GB). */
    G_4X("G.4X", 4),
    /** 8 DPUs (32 vCPUs, 128 GB). */
    G_8X("G.8X", 8),
    /** 12 DPUs (48 vCPUs, 192 GB). */
    G_12X("G.12X", 12),
    /** 16 DPUs (64 vCPUs, 256 GB). */
    G_16X("G.16X", 16);

    private final String glueName;
    private final int dpus;

    WorkerType(String glueName, int dpus) {
        this.glueName = glueName;
        this.dpus = dpus;
    }

    /** Returns the name Glue's API uses, e.g. {@code G.1X}. */
    public String glueName() {
        return glueName;
    }

    /** Returns the DPUs one worker is billed for. */
    public int dpus() {
        return dpus;
    }

    /**
     * Returns the worker type Glue names {@code glueName}.
     *
     * @throws IllegalArgumentException listing the known names if there is none such
     */
    public static WorkerType fromGlueName(String glueName) {
        for (WorkerType type : values()) {
            if (type.glueName.equals(glueName)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown Glue worker type '" + glueName + "': known are "
                + java.util.Arrays.stream(values()).map(WorkerType::glueName).toList());
    }
}
