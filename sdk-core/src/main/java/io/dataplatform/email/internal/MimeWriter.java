package io.dataplatform.email.internal;

import io.dataplatform.email.Attachment;
import io.dataplatform.email.Email;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes an {@link Email} as a MIME message (RFC 5322 / 2045-2047 / 2231) for SES's raw
 * {@code SendEmail}: {@code multipart/mixed} with the body (a {@code multipart/alternative} when there
 * is both text and HTML) followed by each attachment in base64. Bcc recipients are not written: SES
 * takes them from the request's destination.
 */
public final class MimeWriter {
    private static final String CRLF = "\r\n";
    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(76, CRLF.getBytes(StandardCharsets.US_ASCII));

    private MimeWriter() {
    }

    /** Returns the message's bytes; {@code boundarySeed} makes the part boundaries unique to the message. */
    public static byte[] write(Email email, ZonedDateTime date, String boundarySeed) {
        StringBuilder out = new StringBuilder();
        header(out, "From", address(email.from()));
        if (!email.to().isEmpty()) {
            header(out, "To", addresses(email.to()));
        }
        if (!email.cc().isEmpty()) {
            header(out, "Cc", addresses(email.cc()));
        }
        if (!email.replyTo().isEmpty()) {
            header(out, "Reply-To", addresses(email.replyTo()));
        }
        header(out, "Subject", encodeWord(email.subject()));
        header(out, "Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(date));
        header(out, "MIME-Version", "1.0");
        String mixed = "mixed-" + boundarySeed;
        header(out, "Content-Type", "multipart/mixed; boundary=\"" + mixed + "\"");
        out.append(CRLF);
        out.append("--").append(mixed).append(CRLF);
        body(out, email, "alternative-" + boundarySeed);
        for (Attachment attachment : email.attachments()) {
            out.append("--").append(mixed).append(CRLF);
            header(out, "Content-Type", attachment.contentType() + "; name=" + fileNameParameter(attachment.fileName(), "name"));
            header(out, "Content-Disposition", "attachment; filename=" + fileNameParameter(attachment.fileName(), "filename"));
            header(out, "Content-Transfer-Encoding", "base64");
            out.append(CRLF).append(BASE64.encodeToString(attachment.content())).append(CRLF);
        }
        out.append("--").append(mixed).append("--").append(CRLF);
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void body(StringBuilder out, Email email, String alternative) {
        if (email.text() != null && email.html() != null) {
            header(out, "Content-Type", "multipart/alternative; boundary=\"" + alternative + "\"");
            out.append(CRLF);
            out.append("--").append(alternative).append(CRLF);
            textPart(out, "text/plain", email.text());
            out.append("--").append(alternative).append(CRLF);
            textPart(out, "text/html", email.html());
            out.append("--").append(alternative).append("--").append(CRLF);
        } else if (email.text() != null) {
            textPart(out, "text/plain", email.text());
        } else {
            textPart(out, "text/html", email.html());
        }
    }

    private static void textPart(StringBuilder out, String type, String text) {
        header(out, "Content-Type", type + "; charset=UTF-8");
        header(out, "Content-Transfer-Encoding", "base64");
        out.append(CRLF).append(BASE64.encodeToString(text.getBytes(StandardCharsets.UTF_8))).append(CRLF);
    }

    private static void header(StringBuilder out, String name, String value) {
        out.append(name).append(": ").append(value).append(CRLF);
    }

    private static String addresses(List<String> values) {
        return values.stream().map(MimeWriter::address).collect(Collectors.joining(", "));
    }

    /** {@code "Name" <a@b.c>} with the name quoted or, when not ASCII, as an encoded word. */
    private static String address(String value) {
        String name = EmailAddresses.displayName(value);
        String address = EmailAddresses.address(value);
        if (name.isEmpty()) {
            return address;
        }
        return (ascii(name) ? "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : encodeWord(name))
                + " <" + address + ">";
    }

    /** An RFC 2047 encoded word when the text is not plain ASCII. */
    private static String encodeWord(String text) {
        if (ascii(text)) {
            return text;
        }
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    /** A quoted file name, or an RFC 2231 extended parameter when it is not ASCII. */
    private static String fileNameParameter(String fileName, String parameter) {
        if (ascii(fileName)) {
            return "\"" + fileName + "\"";
        }
        // The encoded word for old clients, then the RFC 2231 form that current ones prefer.
        return "\"" + encodeWord(fileName) + "\"; " + parameter + "*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static boolean ascii(String text) {
        return text.chars().allMatch(c -> c >= 32 && c < 127);
    }
}
