package io.dataplatform.email;

/**
 * Sends email through Amazon SES v2 ({@code SendEmail}): a simple message when there are no
 * attachments, a raw MIME message when there are. SES's refusals surface as the SDK's exceptions with
 * SES's error code and message: an unverified sender (or, in the SES sandbox, an unverified recipient)
 * as {@link io.dataplatform.InvalidRequestException} with {@code MessageRejected}; throttling is retried
 * under the platform's retry policy, an exhausted daily quota is not. Thread-safe.
 *
 * <pre>{@code
 * String messageId = platform.email().send(Email.builder()
 *         .from("reports@acme.example").to("team@acme.example")
 *         .subject("Nightly load done").text("42 files loaded.").build());
 * }</pre>
 */
public interface EmailSender {

    /** Sends {@code email}; returns the message id SES assigned. */
    String send(Email email);
}
