package io.dataplatform.testing;

import io.dataplatform.testing.internal.Caller;
import io.dataplatform.testing.internal.ServiceCalls;
import io.dataplatform.testing.internal.ServiceErrors;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Records each call and applies the world's faults before the fake operation runs. A service's internal
 * calls (a caller with an origin) are recorded with their origin and meet faults only when the test asked
 * ({@link Faults#includeInternalCalls()}): the faults a test sets are about the calls its own code makes.
 */
final class CallDispatcher implements ServiceCalls {
    private final FakeClock clock;
    private final Faults faults;
    private final CallLog log;

    CallDispatcher(FakeClock clock, Faults faults, CallLog log) {
        this.clock = clock;
        this.faults = faults;
        this.log = log;
    }

    @Override
    public <T> T invoke(AwsService service, String operation, String principal, ServiceErrors errors, Supplier<T> body) {
        return dispatch(service, operation, principal, null, errors, body);
    }

    @Override
    public <T> T invoke(AwsService service, String operation, Caller caller, ServiceErrors errors, Supplier<T> body) {
        return dispatch(service, operation, caller.arn(), caller.origin(), errors, body);
    }

    private <T> T dispatch(AwsService service, String operation, String principal, String origin, ServiceErrors errors,
                           Supplier<T> body) {
        var arrived = clock.instant();
        Faults.Injected injected = origin == null ? faults.apply(service, operation, errors, true)
                : faults.includesInternalCalls()
                // An internal call runs inside its service's own time (a crawl, a query): latency does not move the clock.
                ? faults.apply(service, operation, errors, false) : Faults.Injected.NONE;
        try {
            if (injected.before() != null) {
                throw injected.before();
            }
            T result = body.get();
            if (injected.after() != null) {
                throw injected.after();
            }
            log.add(new RecordedCall(service, operation, principal, arrived, 200, null, origin));
            return result;
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? "Unknown" : e.awsErrorDetails().errorCode();
            log.add(new RecordedCall(service, operation, principal, arrived, e.statusCode(), code, origin));
            throw e;
        }
    }
}
