package io.dataplatform.testing;

import java.time.Instant;

/**
 * One call a fake client received, in the order received.
 *
 * @param service    the service called
 * @param operation  the AWS operation name, e.g. {@code PutObject}
 * @param principal  the ARN of the calling principal
 * @param at         the fake clock's time when the call arrived
 * @param statusCode the HTTP status the call ended with (200 on success)
 * @param errorCode  the AWS error code on failure, {@code null} on success
 */
public record RecordedCall(AwsService service, String operation, String principal, Instant at, int statusCode,
                           String errorCode) {

    /** Returns true if the call succeeded. */
    public boolean succeeded() {
        return errorCode == null;
    }
}
