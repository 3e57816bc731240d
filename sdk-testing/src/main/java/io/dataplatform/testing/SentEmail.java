package io.dataplatform.testing;

import io.dataplatform.email.Attachment;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One message the fake SES accepted, as its recipients would see it: for a raw message the fields
 * come from parsing its MIME (headers decoded, bodies and attachments decoded from base64 or
 * quoted-printable).
 *
 * @param messageId   the id SendEmail returned
 * @param sentAt      the fake clock's time of sending
 * @param from        the sender as given (display name included)
 * @param to          the To recipients (bare addresses)
 * @param cc          the Cc recipients
 * @param bcc         the Bcc recipients: envelope recipients in neither To nor Cc
 * @param replyTo     the Reply-To addresses
 * @param subject     the decoded subject
 * @param text        the plain-text body, or null
 * @param html        the HTML body, or null
 * @param attachments the attachments, in order
 * @param raw         whether it was sent as a raw MIME message
 */
public record SentEmail(String messageId, Instant sentAt, String from, List<String> to, List<String> cc,
                        List<String> bcc, List<String> replyTo, String subject, String text, String html,
                        List<Attachment> attachments, boolean raw) {

    /** Copies the lists. */
    public SentEmail {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
        replyTo = List.copyOf(replyTo);
        attachments = List.copyOf(attachments);
    }

    /** Returns every recipient: To, Cc, then Bcc. */
    public List<String> recipients() {
        return java.util.stream.Stream.of(to, cc, bcc).flatMap(List::stream).toList();
    }

    /** Returns the attachment named {@code fileName}, if there is one. */
    public Optional<Attachment> attachment(String fileName) {
        return attachments.stream().filter(a -> a.fileName().equals(fileName)).findFirst();
    }
}
