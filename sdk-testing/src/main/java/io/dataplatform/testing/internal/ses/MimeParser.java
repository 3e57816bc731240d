package io.dataplatform.testing.internal.ses;

import io.dataplatform.email.Attachment;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a raw MIME message (RFC 5322 / 2045-2047 / 2231) the way a mail client shows it: decoded
 * headers, the first text/plain and text/html parts that are not attachments, and the attachments.
 * Enough MIME for what SES is sent; a message it cannot read fails SendEmail rather than being
 * recorded wrong.
 */
final class MimeParser {
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?]+)\\?([BbQq])\\?([^?]*)\\?=");
    private static final Pattern PARAMETER = Pattern.compile(";\\s*([A-Za-z0-9*_.-]+)\\s*=\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[^;\\s]+)");

    /** A parsed message. */
    record Parsed(Map<String, String> headers, String text, String html, List<Attachment> attachments) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private MimeParser() {
    }

    static Parsed parse(byte[] raw) {
        String message = new String(raw, StandardCharsets.ISO_8859_1);
        Part root = part(message);
        Collector collector = new Collector();
        walk(root, collector);
        Map<String, String> decoded = new LinkedHashMap<>();
        root.headers.forEach((name, value) -> decoded.put(name, decodeWords(value)));
        return new Parsed(decoded, collector.text, collector.html, collector.attachments);
    }

    private static final class Collector {
        String text;
        String html;
        final List<Attachment> attachments = new ArrayList<>();
    }

    private record Part(Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name);
        }
    }

    private static Part part(String content) {
        int split = content.indexOf("\r\n\r\n");
        int skip = 4;
        if (split < 0 || (content.indexOf("\n\n") >= 0 && content.indexOf("\n\n") < split)) {
            split = content.indexOf("\n\n");
            skip = 2;
        }
        String head = split < 0 ? content : content.substring(0, split);
        String body = split < 0 ? "" : content.substring(split + skip);
        Map<String, String> headers = new LinkedHashMap<>();
        String current = null;
        for (String line : head.split("\r?\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if ((line.startsWith(" ") || line.startsWith("\t")) && current != null) {
                headers.put(current, headers.get(current) + " " + line.strip());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("Malformed MIME header line '" + line + "'");
            }
            current = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            headers.put(current, line.substring(colon + 1).strip());
        }
        return new Part(headers, body);
    }

    private static void walk(Part part, Collector collector) {
        String contentType = part.header("content-type") == null ? "text/plain" : part.header("content-type");
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        Map<String, String> typeParameters = parameters(contentType);
        if (type.startsWith("multipart/")) {
            String boundary = typeParameters.get("boundary");
            if (boundary == null) {
                throw new IllegalArgumentException("Multipart MIME part without a boundary: " + contentType);
            }
            for (String child : children(part.body(), boundary)) {
                walk(part(child), collector);
            }
            return;
        }
        byte[] content = decode(part.body(), part.header("content-transfer-encoding"));
        String disposition = part.header("content-disposition");
        Map<String, String> dispositionParameters = disposition == null ? Map.of() : parameters(disposition);
        String fileName = dispositionParameters.getOrDefault("filename", typeParameters.get("name"));
        boolean attachment = (disposition != null && disposition.toLowerCase(Locale.ROOT).startsWith("attachment"))
                || fileName != null;
        if (!attachment && type.equals("text/plain") && collector.text == null) {
            collector.text = new String(content, charset(typeParameters));
        } else if (!attachment && type.equals("text/html") && collector.html == null) {
            collector.html = new String(content, charset(typeParameters));
        } else {
            collector.attachments.add(Attachment.of(fileName != null ? fileName : "attachment-" + (collector.attachments.size() + 1),
                    type, content));
        }
    }

    private static List<String> children(String body, String boundary) {
        List<String> children = new ArrayList<>();
        String delimiter = "--" + boundary;
        String[] lines = body.split("\r?\n", -1);
        StringBuilder current = null;
        for (String line : lines) {
            if (line.equals(delimiter + "--") || line.stripTrailing().equals(delimiter + "--")) {
                if (current != null) {
                    children.add(current.toString());
                }
                return children;
            }
            if (line.stripTrailing().equals(delimiter)) {
                if (current != null) {
                    children.add(current.toString());
                }
                current = new StringBuilder();
                continue;
            }
            if (current != null) {
                current.append(line).append("\r\n");
            }
        }
        throw new IllegalArgumentException("Multipart MIME body without its closing boundary --" + boundary + "--");
    }

    private static byte[] decode(String body, String encoding) {
        String kind = encoding == null ? "7bit" : encoding.strip().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "base64" -> Base64.getMimeDecoder().decode(body.strip());
            case "quoted-printable" -> quotedPrintable(body);
            default -> stripFinalLineBreak(body).getBytes(StandardCharsets.ISO_8859_1);
        };
    }

    private static String stripFinalLineBreak(String body) {
        return body.endsWith("\r\n") ? body.substring(0, body.length() - 2) : body.endsWith("\n") ? body.substring(0, body.length() - 1) : body;
    }

    private static byte[] quotedPrintable(String body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String text = stripFinalLineBreak(body).replace("=\r\n", "").replace("=\n", "");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '=' && isHex(text, i + 1)) {
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    private static boolean isHex(String text, int at) {
        return at + 1 < text.length() && Character.digit(text.charAt(at), 16) >= 0 && Character.digit(text.charAt(at + 1), 16) >= 0;
    }

    private static Charset charset(Map<String, String> parameters) {
        String name = parameters.get("charset");
        try {
            return name == null ? StandardCharsets.US_ASCII : Charset.forName(name);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Unknown MIME charset '" + name + "'", e);
        }
    }

    /** Parameters of a Content-Type or Content-Disposition value; RFC 2231 {@code name*=UTF-8''..} wins over {@code name=}. */
    static Map<String, String> parameters(String value) {
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, String> extended = new LinkedHashMap<>();
        Matcher m = PARAMETER.matcher(value);
        while (m.find()) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            String v = m.group(3) != null ? m.group(3).replaceAll("\\\\(.)", "$1") : m.group(2);
            if (name.endsWith("*")) {
                int quote = v.indexOf("''");
                String charset = quote > 0 ? v.substring(0, quote) : "UTF-8";
                extended.put(name.substring(0, name.length() - 1),
                        URLDecoder.decode(quote >= 0 ? v.substring(quote + 2).replace("+", "%2B") : v, Charset.forName(charset)));
            } else {
                plain.put(name, decodeWords(v));
            }
        }
        plain.putAll(extended);
        return plain;
    }

    /** Decodes RFC 2047 encoded words ({@code =?UTF-8?B?...?=}); whitespace between adjacent words is dropped. */
    static String decodeWords(String value) {
        String joined = value.replaceAll("(\\?=)\\s+(=\\?)", "$1$2");
        Matcher m = ENCODED_WORD.matcher(joined);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Charset charset = Charset.forName(m.group(1));
            byte[] bytes = m.group(2).equalsIgnoreCase("B") ? Base64.getDecoder().decode(m.group(3))
                    : quotedPrintable(m.group(3).replace('_', ' '));
            m.appendReplacement(out, Matcher.quoteReplacement(new String(bytes, charset)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Splits an address list header into bare addresses ({@code "A, B" <a@x>, b@y} -> a@x, b@y). */
    static List<String> addresses(String header) {
        List<String> out = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return out;
        }
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        int angle = 0;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '<' && !quoted) {
                angle++;
            } else if (c == '>' && !quoted) {
                angle--;
            }
            if (c == ',' && !quoted && angle == 0) {
                out.add(bare(current.toString()));
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(bare(current.toString()));
        }
        return out;
    }

    private static String bare(String address) {
        int open = address.lastIndexOf('<');
        int close = address.lastIndexOf('>');
        return (open >= 0 && close > open ? address.substring(open + 1, close) : address).strip();
    }
}
