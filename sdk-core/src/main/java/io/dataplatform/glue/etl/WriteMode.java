package io.dataplatform.glue.etl;

/** What an ETL mapping does when its target already holds data (Spark's save modes). */
public enum WriteMode {
    /** Replaces what is there. */
    OVERWRITE("overwrite"),
    /** Adds files next to what is there. */
    APPEND("append"),
    /** Fails the job if the target holds data. */
    ERROR_IF_EXISTS("errorifexists"),
    /** Writes nothing if the target holds data. */
    IGNORE("ignore");

    private final String sparkName;

    WriteMode(String sparkName) {
        this.sparkName = sparkName;
    }

    /** Returns Spark's name of the mode. */
    public String sparkName() {
        return sparkName;
    }
}
