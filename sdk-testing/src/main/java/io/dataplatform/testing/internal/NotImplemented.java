package io.dataplatform.testing.internal;

import io.dataplatform.testing.AwsService;

/**
 * How a fake answers an operation of its AWS client interface that it does not implement: like a
 * service that lacks a feature (HTTP 501, error code {@value #ERROR_CODE}, "FakeAws S3 does not
 * implement PutBucketLifecycleConfiguration"), recorded in the call log with faults applied, never
 * the interface default's message-less {@link UnsupportedOperationException}. The generated
 * {@code Unimplemented*Operations} base classes route every such operation here.
 */
public final class NotImplemented {
    /** The error code of the failure; S3's own code for a feature it does not implement. */
    public static final String ERROR_CODE = "NotImplemented";

    private NotImplemented() {
    }

    /** Fails {@code operation} through {@code calls}; never returns. */
    public static <T> T fail(ServiceCalls calls, AwsService service, String principal, ServiceErrors errors,
                             String operation) {
        return calls.invoke(service, operation, principal, errors, () -> {
            throw errors.error(501, ERROR_CODE, "FakeAws " + displayName(service) + " does not implement " + operation);
        });
    }

    private static String displayName(AwsService service) {
        return switch (service) {
            case S3 -> "S3";
            case GLUE -> "Glue";
            case ATHENA -> "Athena";
            case EMR -> "EMR";
            case SES -> "SES";
        };
    }
}
