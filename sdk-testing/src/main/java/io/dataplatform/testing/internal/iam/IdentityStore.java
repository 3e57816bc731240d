package io.dataplatform.testing.internal.iam;

import io.dataplatform.testing.RequestOrigin;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;

/**
 * The IAM side of one world, by principal ARN: the identity-based policies attached to each IAM
 * user or role, and where its requests come from. Thread-safe; a client looks both up on every
 * request, so what a test attaches applies to clients created before.
 */
public final class IdentityStore {
    private final Map<String, List<IamPolicy>> policies = new ConcurrentHashMap<>();
    private final Map<String, RequestOrigin> origins = new ConcurrentHashMap<>();

    /** Attaches {@code policy} to the identity {@code arn}. */
    public void attach(String arn, IamPolicy policy) {
        policies.computeIfAbsent(arn, a -> new CopyOnWriteArrayList<>()).add(policy);
    }

    /** Returns the identity-based policies of {@code arn}, none by default. */
    public List<IamPolicy> policies(String arn) {
        return List.copyOf(policies.getOrDefault(arn, List.of()));
    }

    /** Sets where the requests of {@code arn} come from. */
    public void origin(String arn, RequestOrigin origin) {
        origins.put(arn, origin);
    }

    /** Returns where the requests of {@code arn} come from, {@link RequestOrigin#internet()} by default. */
    public RequestOrigin origin(String arn) {
        return origins.getOrDefault(arn, RequestOrigin.internet());
    }
}
