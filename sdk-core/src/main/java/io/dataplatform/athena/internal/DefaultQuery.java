package io.dataplatform.athena.internal;

import io.dataplatform.athena.Query;
import io.dataplatform.athena.QueryExecution;
import io.dataplatform.athena.QueryResult;
import io.dataplatform.cost.CostEstimate;
import io.dataplatform.cost.DataSize;
import io.dataplatform.internal.Checks;
import io.dataplatform.s3.S3Location;
import java.time.Duration;

/** The query builder; {@link QueryRunner} does the work of the verbs. */
final class DefaultQuery implements Query {
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);
    static final String DEFAULT_DATABASE = "default";
    private static final Duration MAX_REUSE_AGE = Duration.ofDays(7);

    private final QueryRunner runner;
    final String sql;
    SqlLiterals.Parameters parameters = SqlLiterals.Parameters.NONE;
    String database;
    String catalog;
    String workgroup;
    S3Location outputLocation;
    Duration timeout = DEFAULT_TIMEOUT;
    DataSize maxBytesScanned;
    Duration reuseResultsFor;
    boolean fullScanAllowed;

    DefaultQuery(QueryRunner runner, String sql) {
        this.runner = runner;
        this.sql = AthenaNames.sql(sql);
    }

    @Override
    public Query parameters(Object... values) {
        this.parameters = SqlLiterals.of(values);
        return this;
    }

    @Override
    public Query database(String database) {
        this.database = AthenaNames.identifier(database, "database");
        return this;
    }

    @Override
    public Query catalog(String catalog) {
        this.catalog = AthenaNames.catalog(catalog);
        return this;
    }

    @Override
    public Query workgroup(String workgroup) {
        this.workgroup = AthenaNames.workgroup(workgroup);
        return this;
    }

    @Override
    public Query outputLocation(S3Location location) {
        this.outputLocation = Checks.notNull(location, "outputLocation");
        return this;
    }

    @Override
    public Query timeout(Duration timeout) {
        this.timeout = Checks.positive(timeout, "timeout");
        return this;
    }

    @Override
    public Query maxBytesScanned(DataSize limit) {
        Checks.notNull(limit, "maxBytesScanned");
        Checks.require(limit.bytes() > 0, "maxBytesScanned must be > 0, but was %s", limit);
        this.maxBytesScanned = limit;
        return this;
    }

    @Override
    public Query reuseResultsFor(Duration maxAge) {
        Checks.notNull(maxAge, "reuseResultsFor");
        Checks.require(maxAge.compareTo(Duration.ofMinutes(1)) >= 0 && maxAge.compareTo(MAX_REUSE_AGE) <= 0,
                "reuseResultsFor must be between 1 minute and 7 days (Athena's limits on result age), but was %s", maxAge);
        this.reuseResultsFor = maxAge;
        return this;
    }

    @Override
    public Query allowFullScan() {
        this.fullScanAllowed = true;
        return this;
    }

    @Override
    public QueryResult run() {
        return runner.run(this);
    }

    @Override
    public QueryExecution submit() {
        return runner.submit(this);
    }

    @Override
    public CostEstimate estimate() {
        return runner.estimate(this);
    }

    String databaseOrDefault() {
        return database != null ? database : DEFAULT_DATABASE;
    }

    @Override
    public String toString() {
        return "Query{sql=" + sql + ", database=" + database + ", workgroup=" + workgroup + "}";
    }
}
