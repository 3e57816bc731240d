package io.dataplatform.athena.internal;

import io.dataplatform.athena.sql.StatementReads;

import io.dataplatform.DataPlatformException;
import io.dataplatform.athena.QueryResult;
import io.dataplatform.cost.CostEstimate;
import io.dataplatform.cost.CostGuard;
import io.dataplatform.cost.DataSize;
import io.dataplatform.cost.Money;
import io.dataplatform.cost.internal.DefaultCostLedger;
import io.dataplatform.s3.S3Location;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest;

/**
 * Runs the verbs of a query: parse, estimate, guard, reserve in the ledger, start, wait. Nothing is
 * started unless every guard rule passed.
 */
final class QueryRunner {
    private static final Logger LOG = LoggerFactory.getLogger(QueryRunner.class);

    private final AthenaContext context;
    private final RowMapper mapper;

    QueryRunner(AthenaContext context, RowMapper mapper) {
        this.context = context;
        this.mapper = mapper;
    }

    QueryResult run(DefaultQuery query) {
        DefaultQueryExecution execution = submit(query);
        return execution.awaitOrCancel(query.timeout);
    }

    CostEstimate estimate(DefaultQuery query) {
        return new CostEstimator(context).estimate(analyze(query), query.catalog, query.databaseOrDefault());
    }

    DefaultQueryExecution submit(DefaultQuery query) {
        CostGuard guard = context.guard();
        CostEstimate estimate = null;
        if (guard.needsEstimate() || query.maxBytesScanned != null) {
            try {
                estimate = new CostEstimator(context).estimate(analyze(query), query.catalog, query.databaseOrDefault());
            } catch (DataPlatformException e) {
                if (guard.requiresEstimate() || query.maxBytesScanned != null) {
                    throw GuardDecision.noEstimate(e);
                }
                LOG.warn("Starting an Athena query without a cost estimate: {}", e.getMessage());
            }
        }
        if (estimate != null) {
            GuardDecision.check(guard, estimate, query.maxBytesScanned, query.fullScanAllowed);
        }
        Money budget = guard.budget().orElse(null);
        CostEstimate reserved = estimate;
        DefaultCostLedger.Slot slot = context.ledger().reserve(CostEstimator.OPERATION, describe(query.sql),
                estimate != null, estimate != null ? estimate.bytesScanned() : DataSize.ZERO,
                estimate != null ? estimate.cost() : Money.ZERO,
                total -> budget != null && reserved != null && total.isGreaterThan(budget));
        if (slot == null) {
            throw GuardDecision.budgetExceeded(estimate, context.ledger().committedTotal(), budget);
        }
        String id;
        try {
            id = start(query);
        } catch (RuntimeException e) {
            slot.release();
            throw e;
        }
        slot.started(id);
        LOG.debug("Started Athena query {} (estimate {})", id, estimate == null ? "none" : estimate.summary());
        return new DefaultQueryExecution(context, mapper, id, slot);
    }

    /**
     * Reads the statement for its estimate. Without a guard that needs one, the statement is not
     * read at all: Athena is the judge of what it accepts, and an unparsable one fails there free.
     */
    private static StatementReads analyze(DefaultQuery query) {
        StatementReads analysis = SqlAnalyzer.analyze(query.sql, query.parameters.rendered());
        int given = query.parameters.rendered().size();
        if (analysis.placeholders() != given) {
            throw new IllegalArgumentException("parameters must match the SQL's " + analysis.placeholders()
                    + " '?' placeholders, but got " + given);
        }
        return analysis;
    }

    private String start(DefaultQuery query) {
        // One token for every attempt: if a StartQueryExecution times out after Athena accepted it, the
        // retry carries the same token and Athena returns the same query id instead of starting (and
        // billing) a second query ("If another StartQueryExecution request is received, the same
        // response is returned and another query is not created").
        // The platform's clock is mixed in so that platforms seeded alike (a job re-run with the same
        // randomSeed) do not mint the same token and get an earlier query handed back.
        String token = String.format(Locale.ROOT, "%016x%016x", context.platform().random().nextLong(),
                context.platform().random().nextLong() ^ context.platform().clock().millis());
        StartQueryExecutionRequest.Builder request = StartQueryExecutionRequest.builder()
                .queryString(query.sql)
                .clientRequestToken(token)
                .queryExecutionContext(c -> c.database(query.databaseOrDefault()).catalog(query.catalog));
        if (query.workgroup != null) {
            request.workGroup(query.workgroup);
        }
        S3Location output = query.outputLocation != null ? query.outputLocation : context.outputLocation();
        if (output != null) {
            request.resultConfiguration(r -> r.outputLocation(output.uri()));
        }
        if (!query.parameters.rendered().isEmpty()) {
            request.executionParameters(query.parameters.rendered());
        }
        if (query.reuseResultsFor != null) {
            int minutes = (int) Math.max(1, query.reuseResultsFor.toMinutes());
            request.resultReuseConfiguration(r -> r.resultReuseByAgeConfiguration(a -> a.enabled(true).maxAgeInMinutes(minutes)));
        }
        StartQueryExecutionRequest built = request.build();
        return context.athenaInvoker().call("StartQueryExecution", describe(query.sql),
                () -> context.athena().get().startQueryExecution(built)).queryExecutionId();
    }

    /** The SQL's first line, shortened, for messages and the ledger. */
    static String describe(String sql) {
        String line = sql.strip().lines().findFirst().orElse("");
        return line.length() > 80 ? line.substring(0, 77) + "..." : line;
    }
}
