package io.dataplatform.testing.internal;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * How one fake service builds its AWS exceptions (S3Exception, GlueException, ...) and how it
 * throttles, so injected faults look exactly like the service's own errors.
 */
public interface ServiceErrors {

    /** Returns the service's exception for an HTTP status, AWS error code and message. */
    AwsServiceException error(int statusCode, String errorCode, String message);

    /** Returns the HTTP status the service throttles with (S3: 503; JSON services: 400). */
    int throttlingStatus();

    /** Returns the error code the service throttles with (S3: {@code SlowDown}). */
    String throttlingCode();

    /** Returns the error code the service uses for an internal error at {@code statusCode}. */
    default String serverErrorCode(int statusCode) {
        return statusCode == 503 ? "ServiceUnavailable" : "InternalError";
    }
}
