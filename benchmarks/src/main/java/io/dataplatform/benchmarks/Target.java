package io.dataplatform.benchmarks;

/**
 * One of the performance targets and how this run measured against it.
 *
 * @param name     the target as the issue states it
 * @param measured what was measured, formatted for the table
 * @param status   whether the target was met
 */
record Target(String name, String measured, Status status) {

    /** Whether a target was met. */
    enum Status {
        MET("met"), NOT_MET("not met"), NOT_MEASURED("not measured");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        static Status of(boolean met) {
            return met ? MET : NOT_MET;
        }
    }
}
