package io.dataplatform.athena.internal;

import io.dataplatform.athena.Athena;
import io.dataplatform.athena.Query;
import io.dataplatform.athena.QueryExecution;
import io.dataplatform.athena.QueryResult;
import io.dataplatform.athena.WorkgroupBuilder;
import io.dataplatform.internal.Checks;

/** The {@link Athena} implementation of one platform. */
public final class DefaultAthena implements Athena {
    /** The seed's advice for exploration: look at the top 20 rows. */
    static final int PREVIEW_ROWS = 20;

    private final AthenaContext context;
    private final RowMapper mapper = new RowMapper();
    private final QueryRunner runner;

    /** Creates the service over {@code context}. */
    public DefaultAthena(AthenaContext context) {
        this.context = context;
        this.runner = new QueryRunner(context, mapper);
    }

    @Override
    public Query query(String sql) {
        return new DefaultQuery(runner, sql);
    }

    @Override
    public QueryResult preview(String database, String table) {
        AthenaNames.identifier(database, "database");
        AthenaNames.identifier(table, "table");
        // Names are validated to [a-z0-9_] above and quoted, so nothing a caller passes can become SQL.
        return query("SELECT * FROM \"" + database + "\".\"" + table + "\" LIMIT " + PREVIEW_ROWS)
                .database(database).allowFullScan().run();
    }

    @Override
    public QueryExecution execution(String queryExecutionId) {
        Checks.notEmpty(queryExecutionId, "queryExecutionId");
        return new DefaultQueryExecution(context, mapper, queryExecutionId, null);
    }

    @Override
    public WorkgroupBuilder workgroup(String name) {
        return new DefaultWorkgroupBuilder(context, AthenaNames.workgroup(name));
    }

    @Override
    public String toString() {
        return "Athena{guard=" + context.guard() + "}";
    }
}
