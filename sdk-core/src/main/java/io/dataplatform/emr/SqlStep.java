package io.dataplatform.emr;

import io.dataplatform.internal.Checks;
import io.dataplatform.s3.S3Location;

/**
 * A step that runs a Spark SQL file from S3 ({@code command-runner.jar spark-sql -f s3://...}).
 * Immutable: each method returns a changed copy.
 *
 * <pre>{@code
 * cluster.submit(SqlStep.of(S3Location.parse("s3://acme-code/sql/daily.sql")));
 * }</pre>
 */
public final class SqlStep implements Step {
    private final S3Location file;
    private final String name;
    private final ActionOnFailure actionOnFailure;

    private SqlStep(S3Location file, String name, ActionOnFailure actionOnFailure) {
        this.file = file;
        this.name = name;
        this.actionOnFailure = actionOnFailure;
    }

    /** Returns a step running the SQL statements in {@code file}. */
    public static SqlStep of(S3Location file) {
        Checks.notNull(file, "file");
        Checks.require(!file.key().isEmpty() && !file.key().endsWith("/"),
                "Invalid SQL file '%s': must name an object, not a prefix", file);
        return new SqlStep(file, file.key().substring(file.key().lastIndexOf('/') + 1), ActionOnFailure.CONTINUE);
    }

    /** Returns a copy named {@code name} (default: the file name). */
    public SqlStep name(String name) {
        Checks.notEmpty(name, "name");
        return new SqlStep(file, name, actionOnFailure);
    }

    /** Returns a copy with {@code action} on failure (default CONTINUE). */
    public SqlStep actionOnFailure(ActionOnFailure action) {
        Checks.notNull(action, "actionOnFailure");
        return new SqlStep(file, name, action);
    }

    /** Returns the SQL file. */
    public S3Location file() {
        return file;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ActionOnFailure actionOnFailure() {
        return actionOnFailure;
    }

    @Override
    public String toString() {
        return "SqlStep{" + name + ": " + file + ", " + actionOnFailure + "}";
    }
}
