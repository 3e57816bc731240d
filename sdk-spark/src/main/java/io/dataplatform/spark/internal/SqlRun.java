package io.dataplatform.spark.internal;

import io.dataplatform.spark.SqlColumn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.parser.ParserInterface;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.InsertIntoStatement;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.types.StructField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One statement on one child session: finds the catalog tables it names, registers each as a
 * temporary view of that session, runs the rewritten statement and collects the answer. Failures
 * are returned, not thrown, so the caller can still total the metrics of what ran.
 */
public final class SqlRun {
    private static final Logger LOG = LoggerFactory.getLogger(SqlRun.class);

    private final SparkSession session;
    private final GlueClient glue;
    private final S3Client s3;
    private final Instant start;

    /**
     * Creates a run on {@code session}, a child session owned by this run, over the catalog of
     * {@code glue} and the objects of {@code s3}, started at {@code start} (the NOW of projected dates).
     */
    public SqlRun(SparkSession session, GlueClient glue, S3Client s3, Instant start) {
        this.session = session;
        this.glue = glue;
        this.s3 = s3;
        this.start = start;
    }

    /**
     * The outcome: columns and rows, or the failure and its message.
     *
     * @param columns the result columns (empty on failure)
     * @param rows the rows as Athena text values (empty on failure)
     * @param failure what went wrong, or null
     * @param failureMessage the message to report, or null
     */
    public record Answer(List<SqlColumn> columns, List<List<String>> rows, Throwable failure, String failureMessage) {
    }

    /** Runs {@code sql} with its execution {@code parameters}, with unqualified tables in {@code database}. */
    public Answer run(String sql, String database, List<String> parameters) {
        try {
            String spark = AthenaDialect.translate(sql);
            LogicalPlan plan = parse(spark);
            Object[] arguments = withActiveSession(() -> QueryParameters.values(parser(), spark, parameters));
            TableReferences references = TableReferences.of(plan, spark, database);
            if (plan instanceof Command || plan instanceof InsertIntoStatement) {
                throw new IllegalArgumentException("Unsupported statement " + plan.nodeName()
                        + ": the local SQL engine runs queries only (SELECT, WITH, VALUES)");
            }
            Map<String, String> views = register(references, StaticEqualities.of(plan, arguments));
            String rewritten = references.rewrite(r -> views.get(r.database() + "." + r.table()));
            Dataset<Row> result = athenaNames(arguments.length == 0 ? session.sql(rewritten) : session.sql(rewritten, arguments),
                    plan);
            List<SqlColumn> columns = new ArrayList<>();
            for (StructField field : result.schema().fields()) {
                columns.add(new SqlColumn(field.name(), AthenaTypes.name(field.dataType()),
                        AthenaTypes.signature(field.dataType()), AthenaTypes.precision(field.dataType()),
                        AthenaTypes.scale(field.dataType())));
            }
            List<List<String>> rows = new ArrayList<>();
            for (Row row : result.collectAsList()) {
                List<String> values = new ArrayList<>(row.length());
                for (int i = 0; i < row.length(); i++) {
                    values.add(AthenaTypes.text(row.get(i)));
                }
                rows.add(values);
            }
            return new Answer(columns, rows, null, null);
        } catch (Exception e) {
            // Not only RuntimeException: Spark's AnalysisException is checked, and Scala throws it undeclared.
            LOG.debug("SQL statement failed: {}", sql, e);
            return new Answer(List.of(), List.of(), e, message(e));
        }
    }

    private static Dataset<Row> athenaNames(Dataset<Row> result, LogicalPlan plan) {
        String[] names = result.columns();
        List<String> athena = AthenaDialect.columnNames(plan).orElse(List.of());
        if (athena.size() != names.length) {
            return result;
        }
        for (int i = 0; i < names.length; i++) {
            if (athena.get(i) != null) {
                names[i] = athena.get(i);
            }
        }
        return result.toDF(names);
    }

    private ParserInterface parser() {
        return ((org.apache.spark.sql.classic.SparkSession) session).sessionState().sqlParser();
    }

    private LogicalPlan parse(String sql) throws Exception {
        return withActiveSession(() -> parser().parsePlan(sql));
    }

    /**
     * Runs {@code work} with this run's SQL options in force: the parser reads them from the
     * thread's active session (as {@code session.sql} arranges for itself), so the child session
     * is made active meanwhile.
     */
    private <T> T withActiveSession(Callable<T> work) throws Exception {
        scala.Option<SparkSession> active = SparkSession.getActiveSession();
        SparkSession.setActiveSession(session);
        try {
            return work.call();
        } finally {
            if (active.isDefined()) {
                SparkSession.setActiveSession(active.get());
            } else {
                SparkSession.clearActiveSession();
            }
        }
    }

    /** Registers a view per catalog table named; names Glue does not know are left for Spark to report. */
    private Map<String, String> register(TableReferences references, StaticEqualities equalities) {
        Map<String, String> views = new LinkedHashMap<>();
        // A view named like a WITH query would be shadowed by it: WITH big AS (SELECT * FROM big) needs another name.
        Set<String> used = new HashSet<>(references.cteNames());
        CatalogTableReader reader = new CatalogTableReader(session, glue, s3, start, equalities);
        for (TableReferences.Reference reference : references.references()) {
            String key = reference.database() + "." + reference.table();
            if (views.containsKey(key)) {
                continue;
            }
            Table table;
            try {
                table = glue.getTable(b -> b.databaseName(reference.database()).name(reference.table())).table();
            } catch (EntityNotFoundException e) {
                continue;
            }
            // The view keeps the table's own name, so error messages and column qualifiers read as written.
            String view = reference.table();
            for (int n = 2; !used.add(view); n++) {
                view = reference.database() + "_" + reference.table() + (n == 2 ? "" : "_" + n);
            }
            reader.read(table).createOrReplaceTempView(view);
            views.put(key, view);
        }
        return views;
    }

    /**
     * Returns Spark's message for {@code failure}: an analysis error without the plan Spark
     * appends, and for a failed task the error that failed it rather than Spark's stage report.
     */
    static String message(Throwable failure) {
        if (failure instanceof AnalysisException analysis) {
            return analysis.getSimpleMessage();
        }
        Throwable reported = failure;
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof SparkThrowable || cause instanceof IllegalArgumentException) {
                reported = cause;
            }
        }
        String message = reported.getMessage();
        return message == null ? reported.getClass().getName() : message;
    }
}
