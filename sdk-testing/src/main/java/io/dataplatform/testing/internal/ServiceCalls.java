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
}
