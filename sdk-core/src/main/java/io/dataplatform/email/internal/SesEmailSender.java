package io.dataplatform.email.internal;

import io.dataplatform.email.Email;
import io.dataplatform.email.EmailSender;
import io.dataplatform.internal.AwsInvoker;
import io.dataplatform.internal.Lazy;
import io.dataplatform.internal.PlatformContext;
import java.time.ZoneOffset;
import java.util.HexFormat;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.Destination;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.RawMessage;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/** {@link EmailSender} over SES v2's {@code SendEmail}, under the platform's retry policy. */
public final class SesEmailSender implements EmailSender {
    private static final String UTF_8 = "UTF-8";
    /** SES v2 takes messages up to 40 MB after base64 encoding ("Service quotas in Amazon SES"). */
    static final int MAX_MESSAGE_BYTES = 40 * 1024 * 1024;

    private final Lazy<SesV2Client> ses;
    private final PlatformContext context;
    private final AwsInvoker invoker;

    /** Creates the sender; the client is made on first use. */
    public SesEmailSender(Lazy<SesV2Client> ses, PlatformContext context) {
        this.ses = ses;
        this.context = context;
        this.invoker = context.invoker("SES");
    }

    @Override
    public String send(Email email) {
        if (email == null) {
            throw new IllegalArgumentException("email must not be null");
        }
        SendEmailRequest request = SendEmailRequest.builder()
                .fromEmailAddress(email.from())
                .destination(Destination.builder().toAddresses(email.to()).ccAddresses(email.cc())
                        .bccAddresses(email.bcc()).build())
                .replyToAddresses(email.replyTo())
                .content(content(email))
                .build();
        String resource = EmailAddresses.address(email.from()) + " -> " + String.join(", ", email.recipients());
        return invoker.call("SendEmail", resource, () -> ses.get().sendEmail(request)).messageId();
    }

    private EmailContent content(Email email) {
        if (!email.attachments().isEmpty()) {
            byte[] seed = new byte[12];
            context.random().nextBytes(seed);
            byte[] mime = MimeWriter.write(email, context.clock().instant().atZone(ZoneOffset.UTC),
                    HexFormat.of().formatHex(seed));
            if (mime.length > MAX_MESSAGE_BYTES) {
                throw new IllegalArgumentException("The email '" + email.subject() + "' is " + mime.length
                        + " bytes as MIME (attachments in base64), over SES's limit of " + MAX_MESSAGE_BYTES
                        + " bytes (40 MB): attach less, or put the files in S3 and send a presigned URL");
            }
            return EmailContent.builder().raw(RawMessage.builder().data(SdkBytes.fromByteArray(mime)).build()).build();
        }
        Body.Builder body = Body.builder();
        if (email.text() != null) {
            body.text(Content.builder().data(email.text()).charset(UTF_8).build());
        }
        if (email.html() != null) {
            body.html(Content.builder().data(email.html()).charset(UTF_8).build());
        }
        return EmailContent.builder().simple(Message.builder()
                .subject(Content.builder().data(email.subject()).charset(UTF_8).build())
                .body(body.build()).build()).build();
    }

    @Override
    public String toString() {
        return "EmailSender{SES v2}";
    }
}
