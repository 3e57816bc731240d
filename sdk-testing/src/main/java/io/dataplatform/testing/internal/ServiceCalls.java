package io.dataplatform.testing.internal;

import io.dataplatform.testing.AwsService;
import java.util.function.Supplier;

/**
 * The gate every fake client call passes through: it records the call, applies the injected
 * faults and runs the operation. One per {@code FakeAws} world.
 */
public interface ServiceCalls {

    /**
     * Runs {@code operation} for {@code principal}: records it, applies faults (which may throw or
     * advance the clock), then runs {@code body}; an AWS exception from the body is recorded too.
     */
    <T> T invoke(AwsService service, String operation, String principal, ServiceErrors errors, Supplier<T> body);

    /**
     * Runs {@code operation} for {@code caller}: a user's call as {@link #invoke(AwsService, String, String,
     * ServiceErrors, Supplier)}; a service's internal call (a caller with an origin) is recorded with its
     * origin and meets the faults only when the world's faults include internal calls.
     */
    default <T> T invoke(AwsService service, String operation, Caller caller, ServiceErrors errors, Supplier<T> body) {
        return invoke(service, operation, caller.arn(), errors, body);
    }
}
