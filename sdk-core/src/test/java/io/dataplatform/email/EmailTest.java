package io.dataplatform.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.email.internal.MimeWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Emails are checked when built, with messages naming the field and the rule; the MIME written for SES keeps Bcc out. */
class EmailTest {

    @Test
    void build_namesWhatIsMissingOrWrong() {
        assertThatThrownBy(() -> Email.builder().to("a@x.example").subject("s").text("t").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("from is required: call Email.Builder.from(..) before build()");
        assertThatThrownBy(() -> Email.builder().from("r@x.example").subject("s").text("t").build())
                .hasMessage("A recipient is required: call Email.Builder.to(..), cc(..) or bcc(..) before build()");
        assertThatThrownBy(() -> Email.builder().from("r@x.example").to("a@x.example").subject("s").build())
                .hasMessage("A body is required: call Email.Builder.text(..) or html(..) before build()");
        assertThatThrownBy(() -> Email.builder().from("reports"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid from address 'reports': must be local@domain");
        assertThatThrownBy(() -> Email.builder().to("a@x.example\r\nBcc: evil@x.example"))
                .hasMessage("Invalid to address 'a@x.example\r\nBcc: evil@x.example': must be one line");
        assertThatThrownBy(() -> Email.builder().subject("two\nlines")).hasMessage("Invalid subject 'two\nlines': must be one line");
    }

    @Test
    void build_refusesMoreThanSesFiftyRecipients() {
        Email.Builder builder = Email.builder().from("r@x.example").subject("s").text("t");
        IntStream.range(0, 51).forEach(i -> builder.to("u" + i + "@x.example"));

        assertThatThrownBy(builder::build).hasMessage("An email may have at most 50 recipients across to, cc and bcc"
                + " (an SES limit), but this one has 51: send several");
    }

    @Test
    void attachments_checkNameAndType() {
        assertThatThrownBy(() -> Attachment.of("../etc/passwd", "text/plain", new byte[0]))
                .hasMessageStartingWith("Invalid attachment fileName '../etc/passwd'");
        assertThatThrownBy(() -> Attachment.of("a.csv", "csv", new byte[0]))
                .hasMessage("Invalid attachment contentType 'csv': must be a MIME type such as text/csv");
        assertThat(Attachment.of("a.csv", "Text/CSV", new byte[] {1}).contentType()).isEqualTo("text/csv");
    }

    @Test
    void mime_hasBothBodiesAndTheAttachment_butNoBccHeader() {
        Email email = Email.builder().from("Équipe <r@x.example>").to("a@x.example").bcc("hidden@x.example")
                .subject("Ventes — janvier").text("t").html("<b>h</b>")
                .attach(Attachment.text("a.csv", "text/csv", "x,y\n")).build();

        String mime = new String(MimeWriter.write(email, ZonedDateTime.parse("2024-01-31T06:00:00Z"), "seed"),
                StandardCharsets.US_ASCII);

        assertThat(mime).contains("From: =?UTF-8?B?w4lxdWlwZQ==?= <r@x.example>\r\n", "To: a@x.example\r\n",
                "Subject: =?UTF-8?B?", "Content-Type: multipart/mixed; boundary=\"mixed-seed\"",
                "Content-Type: multipart/alternative; boundary=\"alternative-seed\"", "Content-Type: text/html; charset=UTF-8",
                "Content-Disposition: attachment; filename=\"a.csv\"", "Date: Wed, 31 Jan 2024 06:00:00 GMT")
                .doesNotContain("hidden@x.example").endsWith("--mixed-seed--\r\n");
    }
}
