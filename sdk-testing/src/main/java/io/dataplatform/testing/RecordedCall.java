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
 * @param origin     for a call one service made to another, what made it (e.g. {@code glue crawler
 *                   sales-crawler}, {@code athena query}); {@code null} for a call the test's code made
 */
public record RecordedCall(AwsService service, String operation, String principal, Instant at, int statusCode,
                           String errorCode, String origin) {

    /** A call the test's code made (no origin). */
    public RecordedCall(AwsService service, String operation, String principal, Instant at, int statusCode,
                        String errorCode) {
        this(service, operation, principal, at, statusCode, errorCode, null);
    }

    /** Returns true if the call succeeded. */
    public boolean succeeded() {
        return errorCode == null;
    }

    /** Returns true if a service made this call on its own (a crawler's or a query's read), not the test's code. */
    public boolean internal() {
        return origin != null;
    }
}
