package io.dataplatform.testing.internal.athena;

import io.dataplatform.spark.JobResult;
import io.dataplatform.spark.LocalSparkRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Runs a query of the fake Athena on the shared local Spark session (sdk-spark), in a child session
 * of its own: the catalog tables it names become temporary views over the world's S3, the
 * translated SQL runs, and the bytes scanned are Spark's input metrics for the run — whole files for
 * CSV and JSON, the column chunks read for Parquet, nothing for pruned partitions.
 */
final class SqlEngine {
    private static final Set<String> QUERIES = Set.of("SELECT", "WITH", "VALUES", "EXPLAIN", "TABLE");

    private final GlueClient glue;
    private final S3Client s3;
    private final LocalSparkRunner runner;

    /**
     * The outcome of one query.
     *
     * @param columns      result column names
     * @param types        Athena type names of the columns
     * @param rows         the rows as Athena prints values (null for SQL NULL)
     * @param bytesScanned what Spark read
     * @param error        Athena-style failure reason, or null when it succeeded
     */
    record Outcome(List<String> columns, List<String> types, List<List<String>> rows, long bytesScanned, String error) {
    }

    SqlEngine(GlueClient glue, S3Client s3) {
        this.glue = glue;
        this.s3 = s3;
        this.runner = LocalSparkRunner.builder().s3Client(s3).build();
    }

    Outcome run(String sql, List<String> parameters, String database) {
        SqlTranslator.Translation translation;
        try {
            translation = SqlTranslator.translate(sql, parameters, this::isTable);
        } catch (IllegalArgumentException e) {
            return failed("SYNTAX_ERROR: " + e.getMessage());
        }
        String statement = translation.sql().stripLeading().split("[\\s(]", 2)[0].toUpperCase(Locale.ROOT);
        if (!QUERIES.contains(statement) && !translation.sql().stripLeading().startsWith("(")) {
            // DDL and writes would change the JVM-wide Spark catalog that every world shares; Athena's own DDL
            // is the Glue catalog's business here.
            return failed("NOT_SUPPORTED: the fake Athena runs queries (SELECT, WITH, VALUES, EXPLAIN); "
                    + statement + " statements are not supported");
        }
        if (translation.placeholders() != parameters.size()) {
            return failed("SYNTAX_ERROR: Incorrect number of parameters: expected " + translation.placeholders()
                    + " but found " + parameters.size());
        }
        AtomicReference<Outcome> outcome = new AtomicReference<>();
        AtomicReference<String> error = new AtomicReference<>();
        JobResult result = runner.run((spark, context) -> {
            TableViews views = new TableViews(spark, glue, s3);
            for (String table : translation.qualifiedTables()) {
                views.register(table.substring(0, table.indexOf('.')), table.substring(table.indexOf('.') + 1),
                        SqlTranslator.viewName(table));
            }
            for (String word : translation.words()) {
                if (isTable(database, word)) {
                    views.register(database, word, word);
                }
            }
            try {
                Dataset<Row> frame = spark.sql(translation.sql());
                List<String> columns = new ArrayList<>();
                List<String> types = new ArrayList<>();
                for (StructField field : frame.schema().fields()) {
                    columns.add(field.name().toLowerCase(Locale.ROOT));
                    types.add(AthenaTypes.name(field.dataType()));
                }
                List<List<String>> rows = new ArrayList<>();
                for (Row row : frame.collectAsList()) {
                    List<String> values = new ArrayList<>();
                    for (int i = 0; i < row.size(); i++) {
                        values.add(AthenaTypes.text(row.get(i)));
                    }
                    rows.add(values);
                }
                outcome.set(new Outcome(columns, types, rows, 0, null));
            } catch (Exception e) {
                // Spark's AnalysisException is checked in Java's eyes; any failure becomes Athena's reason.
                error.set(AthenaTypes.reason(e));
            }
        });
        long bytes = result.metrics().bytesRead();
        if (!result.succeeded()) {
            return failed("GENERIC_INTERNAL_ERROR: " + result.failure().orElse("the query failed"));
        }
        if (error.get() != null) {
            return new Outcome(List.of(), List.of(), List.of(), bytes, error.get());
        }
        Outcome done = outcome.get();
        return new Outcome(done.columns(), done.types(), done.rows(), bytes, null);
    }

    private boolean isTable(String database, String table) {
        try {
            glue.getTable(r -> r.databaseName(database).name(table));
            return true;
        } catch (EntityNotFoundException e) {
            return false;
        }
    }

    private static Outcome failed(String reason) {
        return new Outcome(List.of(), List.of(), List.of(), 0, reason);
    }
}
