package io.dataplatform.testing;

import io.dataplatform.testing.internal.ServiceCalls;
import io.dataplatform.testing.internal.ServiceErrors;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Records each call and applies the world's faults before the fake operation runs. */
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
        var arrived = clock.instant();
        Faults.Injected injected = faults.apply(service, operation, errors);
        try {
            if (injected.before() != null) {
                throw injected.before();
            }
            T result = body.get();
            if (injected.after() != null) {
                throw injected.after();
            }
            log.add(new RecordedCall(service, operation, principal, arrived, 200, null));
            return result;
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? "Unknown" : e.awsErrorDetails().errorCode();
            log.add(new RecordedCall(service, operation, principal, arrived, e.statusCode(), code));
            throw e;
        }
    }
}
