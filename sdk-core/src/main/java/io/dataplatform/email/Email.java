package io.dataplatform.email;

import io.dataplatform.email.internal.EmailAddresses;
import io.dataplatform.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One email message: sender, recipients, subject, a text and/or HTML body, attachments. Immutable;
 * {@code build()} checks every address and the limits Amazon SES sets.
 *
 * <pre>{@code
 * Email report = Email.builder()
 *         .from("Reports <reports@acme.example>")
 *         .to("team@acme.example")
 *         .subject("Sales for 2024-01-31")
 *         .text("Totals attached.")
 *         .attach(Attachment.of("totals.csv", "text/csv", csv))
 *         .build();
 * String messageId = context.email().send(report);
 * }</pre>
 */
public final class Email {
    /**
     * SES refuses a message with more than 50 recipients across To, Cc and Bcc ("Service quotas in
     * Amazon SES", message quotas).
     */
    public static final int MAX_RECIPIENTS = 50;

    private final String from;
    private final List<String> to;
    private final List<String> cc;
    private final List<String> bcc;
    private final List<String> replyTo;
    private final String subject;
    private final String text;
    private final String html;
    private final List<Attachment> attachments;

    private Email(Builder builder) {
        this.from = builder.from;
        this.to = List.copyOf(builder.to);
        this.cc = List.copyOf(builder.cc);
        this.bcc = List.copyOf(builder.bcc);
        this.replyTo = List.copyOf(builder.replyTo);
        this.subject = builder.subject;
        this.text = builder.text;
        this.html = builder.html;
        this.attachments = List.copyOf(builder.attachments);
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the sender, as given ({@code reports@acme.example} or {@code Reports <reports@acme.example>}). */
    public String from() {
        return from;
    }

    /** Returns the To recipients. */
    public List<String> to() {
        return to;
    }

    /** Returns the Cc recipients. */
    public List<String> cc() {
        return cc;
    }

    /** Returns the Bcc recipients (never in the message's headers). */
    public List<String> bcc() {
        return bcc;
    }

    /** Returns the Reply-To addresses. */
    public List<String> replyTo() {
        return replyTo;
    }

    /** Returns every recipient: To, then Cc, then Bcc. */
    public List<String> recipients() {
        List<String> all = new ArrayList<>(to);
        all.addAll(cc);
        all.addAll(bcc);
        return List.copyOf(all);
    }

    /** Returns the subject. */
    public String subject() {
        return subject;
    }

    /** Returns the plain-text body, or null. */
    public String text() {
        return text;
    }

    /** Returns the HTML body, or null. */
    public String html() {
        return html;
    }

    /** Returns the attachments, in order. */
    public List<Attachment> attachments() {
        return attachments;
    }

    @Override
    public String toString() {
        return "Email{from=" + from + ", to=" + to + ", cc=" + cc + ", bcc=" + bcc.size() + " address(es), subject='"
                + subject + "', attachments=" + attachments.size() + "}";
    }

    /** Builds an {@link Email}. Not thread-safe. */
    public static final class Builder {
        private String from;
        private final List<String> to = new ArrayList<>();
        private final List<String> cc = new ArrayList<>();
        private final List<String> bcc = new ArrayList<>();
        private final List<String> replyTo = new ArrayList<>();
        private String subject;
        private String text;
        private String html;
        private final List<Attachment> attachments = new ArrayList<>();

        private Builder() {
        }

        /** Sets the sender: an address SES has verified, or an address at a verified domain. */
        public Builder from(String from) {
            this.from = EmailAddresses.check(from, "from");
            return this;
        }

        /** Adds To recipients. */
        public Builder to(String... addresses) {
            add(to, "to", addresses);
            return this;
        }

        /** Adds To recipients. */
        public Builder to(List<String> addresses) {
            return to(Checks.notNull(addresses, "to").toArray(String[]::new));
        }

        /** Adds Cc recipients. */
        public Builder cc(String... addresses) {
            add(cc, "cc", addresses);
            return this;
        }

        /** Adds Bcc recipients. */
        public Builder bcc(String... addresses) {
            add(bcc, "bcc", addresses);
            return this;
        }

        /** Adds Reply-To addresses. */
        public Builder replyTo(String... addresses) {
            add(replyTo, "replyTo", addresses);
            return this;
        }

        /** Sets the subject (required; one line). */
        public Builder subject(String subject) {
            Checks.notEmpty(subject, "subject");
            Checks.require(subject.indexOf('\r') < 0 && subject.indexOf('\n') < 0,
                    "Invalid subject '%s': must be one line", subject);
            this.subject = subject;
            return this;
        }

        /** Sets the plain-text body. */
        public Builder text(String text) {
            this.text = Checks.notNull(text, "text");
            return this;
        }

        /** Sets the HTML body; with a text body too, mail clients pick the one they show. */
        public Builder html(String html) {
            this.html = Checks.notNull(html, "html");
            return this;
        }

        /** Adds attachments. */
        public Builder attach(Attachment... attachments) {
            Checks.notNull(attachments, "attachments");
            for (Attachment attachment : attachments) {
                this.attachments.add(Checks.notNull(attachment, "attachment"));
            }
            return this;
        }

        /**
         * Returns the email.
         *
         * @throws IllegalStateException    if from, a recipient, the subject or a body is missing
         * @throws IllegalArgumentException if there are more than {@value Email#MAX_RECIPIENTS} recipients
         */
        public Email build() {
            Checks.required(from, "from", "Email.Builder");
            Checks.required(subject, "subject", "Email.Builder");
            if (to.isEmpty() && cc.isEmpty() && bcc.isEmpty()) {
                throw new IllegalStateException("A recipient is required: call Email.Builder.to(..), cc(..) or bcc(..)"
                        + " before build()");
            }
            if (text == null && html == null) {
                throw new IllegalStateException("A body is required: call Email.Builder.text(..) or html(..) before build()");
            }
            int recipients = to.size() + cc.size() + bcc.size();
            Checks.require(recipients <= MAX_RECIPIENTS, "An email may have at most %s recipients across to, cc and bcc"
                    + " (an SES limit), but this one has %s: send several", MAX_RECIPIENTS, recipients);
            return new Email(this);
        }

        private static void add(List<String> list, String field, String... addresses) {
            Checks.notNull(addresses, field);
            Arrays.stream(addresses).forEach(a -> list.add(EmailAddresses.check(a, field)));
        }
    }
}
