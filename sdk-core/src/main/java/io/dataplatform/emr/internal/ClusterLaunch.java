package io.dataplatform.emr.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.emr.model.ClusterSummary;
import software.amazon.awssdk.services.emr.model.RunJobFlowRequest;
import software.amazon.awssdk.services.emr.model.Tag;

/**
 * Calls RunJobFlow at most once in effect. RunJobFlow takes no client token, so a response lost
 * after EMR accepted the request (a 5xx or a dropped connection) would make a plain retry start a
 * second cluster, billed by the hour. Each launch carries a random token as a tag; before a retry,
 * the clusters of the same name created since the launch began are read, and one carrying the token
 * is the cluster the lost response would have named.
 */
final class ClusterLaunch {
    static final String TOKEN_TAG = "dataplatform:launch-token";
    private static final Logger LOG = LoggerFactory.getLogger(ClusterLaunch.class);
    /** Clock skew between this machine and EMR's: clusters created this much before the launch are read too. */
    private static final Duration SKEW = Duration.ofMinutes(5);

    private final EmrContext context;

    ClusterLaunch(EmrContext context) {
        this.context = context;
    }

    /** Starts the cluster {@code request} describes and returns its id. */
    String launch(RunJobFlowRequest request) {
        byte[] random = new byte[12];
        context.platform().random().nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        RunJobFlowRequest tagged = request.toBuilder()
                .tags(concat(request, Tag.builder().key(TOKEN_TAG).value(token).build())).build();
        Instant since = context.platform().clock().instant().minus(SKEW);
        AtomicInteger attempts = new AtomicInteger();
        return context.invoker().call("RunJobFlow", request.name(), () -> {
            if (attempts.incrementAndGet() > 1) {
                Optional<String> earlier = launchedBy(request.name(), token, since);
                if (earlier.isPresent()) {
                    LOG.debug("RunJobFlow {}: an earlier attempt started {}; its response was lost", request.name(),
                            earlier.get());
                    return earlier.get();
                }
            }
            return context.emr().runJobFlow(tagged).jobFlowId();
        });
    }

    private Optional<String> launchedBy(String name, String token, Instant since) {
        return context.emr().listClustersPaginator(r -> r.createdAfter(since)).clusters().stream()
                .filter(summary -> name.equals(summary.name()))
                .map(ClusterSummary::id)
                .filter(id -> context.emr().describeCluster(r -> r.clusterId(id)).cluster().tags().stream()
                        .anyMatch(tag -> TOKEN_TAG.equals(tag.key()) && token.equals(tag.value())))
                .findFirst();
    }

    private static java.util.List<Tag> concat(RunJobFlowRequest request, Tag tag) {
        java.util.List<Tag> tags = new java.util.ArrayList<>(request.tags());
        tags.add(tag);
        return tags;
    }
}
