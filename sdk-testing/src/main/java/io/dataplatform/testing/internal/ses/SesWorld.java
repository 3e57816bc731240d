package io.dataplatform.testing.internal.ses;

import io.dataplatform.email.Attachment;
import io.dataplatform.testing.FakeClock;
import io.dataplatform.testing.SentEmail;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sesv2.model.Destination;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * The fake SES account of one world, in one region: identities, sandbox status, quotas and the
 * messages sent. Thread-safe (every method synchronizes on the world).
 *
 * <p>The rules, as the SES Developer Guide states them: the sender (From) must be a verified address
 * or an address at a verified domain; in the sandbox every recipient must be too, except the mailbox
 * simulator's addresses ("Request production access"); quotas count recipients, not messages
 * ("Service quotas in Amazon SES"): in the sandbox 200 per 24 hours and 1 per second.
 */
public final class SesWorld {
    /** The sandbox's daily quota. */
    public static final long SANDBOX_MAX_24_HOUR_SEND = 200;
    /** The sandbox's sending rate. */
    public static final double SANDBOX_MAX_SEND_RATE = 1;
    /** "Using the SES v2 API or SMTP - Maximum message size (including attachments): 40 MB per message (after base64 encoding)." */
    static final int MAX_MESSAGE_BYTES = 40 * 1024 * 1024;
    private static final String SIMULATOR_DOMAIN = "simulator.amazonses.com";
    private static final Pattern DOMAIN = Pattern.compile("(?i)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+");

    /** An identity: an email address or a domain. */
    static final class Identity {
        final String name;
        final boolean domain;
        final Instant created;
        boolean verified;

        Identity(String name, boolean domain, Instant created, boolean verified) {
            this.name = name;
            this.domain = domain;
            this.created = created;
            this.verified = verified;
        }
    }

    private record Sending(Instant at, int recipients) {
    }

    private final FakeClock clock;
    private final String region;
    private final SesErrors errors = new SesErrors();
    private final Map<String, Identity> identities = new TreeMap<>();
    private final List<SentEmail> sent = new ArrayList<>();
    private final Deque<Sending> last24Hours = new ArrayDeque<>();
    private boolean production;
    private long max24HourSend = SANDBOX_MAX_24_HOUR_SEND;
    private double maxSendRate = SANDBOX_MAX_SEND_RATE;
    private boolean verifyInstantly = true;
    private long messages;

    /** Creates the account of a world in {@code region}, in the sandbox. */
    public SesWorld(FakeClock clock, String region) {
        this.clock = clock;
        this.region = region;
    }

    SesErrors errors() {
        return errors;
    }

    String region() {
        return region;
    }

    // ---- test hooks -------------------------------------------------------------------------------

    /** Creates {@code identity} if missing and marks it verified. */
    public synchronized void verify(String identity) {
        String name = checkIdentity(identity, true);
        identities.computeIfAbsent(name, n -> new Identity(n, !n.contains("@"), clock.instant(), true)).verified = true;
    }

    /** Sets whether CreateEmailIdentity verifies at once. */
    public synchronized void verifyInstantly(boolean instantly) {
        this.verifyInstantly = instantly;
    }

    /** Sets sandbox or production, with quotas. */
    public synchronized void production(boolean production, long max24HourSend, double maxSendRate) {
        if (max24HourSend < -1 || max24HourSend == 0) {
            throw new IllegalArgumentException("max24HourSend must be > 0, or -1 for unlimited, but was " + max24HourSend);
        }
        if (!(maxSendRate > 0)) {
            throw new IllegalArgumentException("maxSendRate must be > 0, but was " + maxSendRate);
        }
        this.production = production;
        this.max24HourSend = max24HourSend;
        this.maxSendRate = maxSendRate;
    }

    /** Returns whether the account is in the sandbox. */
    public synchronized boolean inSandbox() {
        return !production;
    }

    /** Returns the messages sent, oldest first. */
    public synchronized List<SentEmail> sent() {
        return List.copyOf(sent);
    }

    // ---- operations -------------------------------------------------------------------------------

    synchronized Identity createIdentity(String identity) {
        String name = checkIdentity(identity, false);
        if (identities.containsKey(name)) {
            throw errors.error(400, "AlreadyExistsException", "Email identity " + identity + " already exist.");
        }
        Identity created = new Identity(name, !name.contains("@"), clock.instant(), verifyInstantly);
        identities.put(name, created);
        return created;
    }

    synchronized Identity identity(String identity) {
        Identity found = identity == null ? null : identities.get(identity.toLowerCase(Locale.ROOT));
        if (found == null) {
            throw errors.notFound("Email identity " + identity + " does not exist.");
        }
        return found;
    }

    synchronized void deleteIdentity(String identity) {
        identities.remove(identity(identity).name);
    }

    synchronized List<Identity> identities() {
        return List.copyOf(identities.values());
    }

    synchronized boolean production() {
        return production;
    }

    synchronized long max24HourSend() {
        return max24HourSend;
    }

    synchronized double maxSendRate() {
        return maxSendRate;
    }

    synchronized long sentLast24Hours() {
        expire();
        return last24Hours.stream().mapToLong(Sending::recipients).sum();
    }

    /** Checks the request against SES's rules and quotas, records the message and returns its id. */
    synchronized String send(SendEmailRequest request) {
        EmailContent content = request.content();
        if (content == null || (content.simple() == null && content.raw() == null && content.template() == null)) {
            throw errors.badRequest("Content is required: give Simple, Raw or Template content.");
        }
        if (content.template() != null) {
            throw errors.error(501, "NotImplemented", "FakeAws SES does not implement templated SendEmail (Content.Template)");
        }
        SentEmail email = content.raw() != null ? raw(request, content.raw().data()) : simple(request, content.simple());
        if (email.recipients().isEmpty()) {
            throw errors.badRequest("Missing required field: Destination must name at least one recipient.");
        }
        if (email.recipients().size() > 50) {
            // "Service quotas in Amazon SES": at most 50 recipients per message, To, CC and BCC together.
            throw errors.rejected("Recipient count exceeds 50.");
        }
        Set<String> failed = new LinkedHashSet<>();
        if (!verified(SesAddresses.address(email.from()))) {
            failed.add(SesAddresses.address(email.from()));
        }
        if (!production) {
            email.recipients().stream().filter(r -> !SesAddresses.domain(r).equals(SIMULATOR_DOMAIN) && !verified(r))
                    .forEach(failed::add);
        }
        if (!failed.isEmpty()) {
            throw errors.rejected("Email address is not verified. The following identities failed the check in region "
                    + region.toUpperCase(Locale.ROOT) + ": " + String.join(", ", failed));
        }
        checkQuotas();
        Instant now = clock.instant();
        last24Hours.add(new Sending(now, email.recipients().size()));
        String id = String.format("%016x-%08x-fake-%06d", now.toEpochMilli(), region.hashCode(), ++messages);
        sent.add(new SentEmail(id, now, email.from(), email.to(), email.cc(), email.bcc(), email.replyTo(), email.subject(),
                email.text(), email.html(), email.attachments(), email.raw()));
        return id;
    }

    private void checkQuotas() {
        expire();
        Instant now = clock.instant();
        long lastSecond = last24Hours.stream().filter(s -> s.at().isAfter(now.minusSeconds(1))).mapToLong(Sending::recipients).sum();
        if (lastSecond >= maxSendRate) {
            throw errors.throttled("Maximum sending rate exceeded.");
        }
        if (max24HourSend >= 0 && sentLast24Hours() >= max24HourSend) {
            throw errors.throttled("Daily message quota exceeded.");
        }
    }

    private void expire() {
        Instant cutoff = clock.instant().minus(Duration.ofHours(24));
        while (!last24Hours.isEmpty() && !last24Hours.peekFirst().at().isAfter(cutoff)) {
            last24Hours.removeFirst();
        }
    }

    /**
     * A verified address, or an address at a verified domain or any subdomain of one: "when you verify a
     * domain identity, you can send email from any subdomain or email address of the verified domain"
     * ("Creating and verifying identities in Amazon SES").
     */
    private boolean verified(String address) {
        String bare = SesAddresses.address(address).toLowerCase(Locale.ROOT);
        Identity byAddress = identities.get(bare);
        if (byAddress != null && byAddress.verified) {
            return true;
        }
        for (String domain = SesAddresses.domain(bare); domain.contains("."); domain = domain.substring(domain.indexOf('.') + 1)) {
            Identity byDomain = identities.get(domain);
            if (byDomain != null && byDomain.verified) {
                return true;
            }
        }
        return false;
    }

    private SentEmail simple(SendEmailRequest request, Message message) {
        if (request.fromEmailAddress() == null) {
            throw errors.badRequest("Missing required field: FromEmailAddress.");
        }
        checkAddress(request.fromEmailAddress());
        Destination destination = request.destination();
        if (destination == null) {
            throw errors.badRequest("Missing required field: Destination.");
        }
        if (message.subject() == null || message.body() == null) {
            throw errors.badRequest("Missing required field: " + (message.subject() == null ? "Subject" : "Body") + ".");
        }
        List<Attachment> attachments = new ArrayList<>();
        message.attachments().forEach(a -> attachments.add(Attachment.of(a.fileName(),
                a.contentType() != null ? a.contentType() : "application/octet-stream", a.rawContent().asByteArray())));
        return new SentEmail("", clock.instant(), request.fromEmailAddress(), bare(destination.toAddresses()),
                bare(destination.ccAddresses()), bare(destination.bccAddresses()), bare(request.replyToAddresses()),
                message.subject().data(), message.body().text() == null ? null : message.body().text().data(),
                message.body().html() == null ? null : message.body().html().data(), attachments, false);
    }

    private SentEmail raw(SendEmailRequest request, SdkBytes data) {
        if (data == null || data.asByteArray().length == 0) {
            throw errors.badRequest("Missing required field: Raw message Data.");
        }
        if (data.asByteArray().length > MAX_MESSAGE_BYTES) {
            // The words of SES v1's InvalidParameterValue for its 10 MB limit, with v2's limit.
            throw errors.rejected("Message length is more than " + MAX_MESSAGE_BYTES + " bytes long: '"
                    + data.asByteArray().length + "'.");
        }
        MimeParser.Parsed parsed;
        try {
            parsed = MimeParser.parse(data.asByteArray());
        } catch (RuntimeException e) {
            throw errors.rejected("Unable to parse the raw message: " + e.getMessage());
        }
        String from = request.fromEmailAddress() != null ? request.fromEmailAddress() : parsed.header("from");
        if (from == null) {
            throw errors.rejected("Missing final '@domain'");
        }
        checkAddress(from);
        List<String> to = MimeParser.addresses(parsed.header("to"));
        List<String> cc = MimeParser.addresses(parsed.header("cc"));
        List<String> bcc = new ArrayList<>(MimeParser.addresses(parsed.header("bcc")));
        Destination destination = request.destination();
        if (destination != null) {
            List<String> envelope = new ArrayList<>(bare(destination.toAddresses()));
            envelope.addAll(bare(destination.ccAddresses()));
            envelope.addAll(bare(destination.bccAddresses()));
            // The destination is the envelope: whoever it names but the headers do not is a Bcc.
            bcc.clear();
            envelope.stream().filter(r -> !contains(to, r) && !contains(cc, r)).forEach(bcc::add);
            return new SentEmail("", clock.instant(), from, to.stream().filter(r -> contains(envelope, r)).toList(),
                    cc.stream().filter(r -> contains(envelope, r)).toList(), bcc,
                    MimeParser.addresses(parsed.header("reply-to")), nullToEmpty(parsed.header("subject")), parsed.text(),
                    parsed.html(), parsed.attachments(), true);
        }
        return new SentEmail("", clock.instant(), from, to, cc, bcc, MimeParser.addresses(parsed.header("reply-to")),
                nullToEmpty(parsed.header("subject")), parsed.text(), parsed.html(), parsed.attachments(), true);
    }

    private static boolean contains(List<String> addresses, String address) {
        return addresses.stream().anyMatch(a -> a.equalsIgnoreCase(address));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private List<String> bare(List<String> addresses) {
        List<String> out = new ArrayList<>();
        for (String address : addresses) {
            checkAddress(address);
            out.add(SesAddresses.address(address));
        }
        return out;
    }

    private void checkAddress(String address) {
        try {
            SesAddresses.check(address, "email");
        } catch (IllegalArgumentException e) {
            // SES's own words for an address it cannot parse (SendEmail, InvalidParameterValue in v1).
            throw errors.badRequest("Illegal address: " + address);
        }
    }

    private String checkIdentity(String identity, boolean hook) {
        if (identity == null || identity.isBlank()) {
            if (hook) {
                throw new IllegalArgumentException("identity must be an email address or a domain");
            }
            throw errors.badRequest("Missing required field: EmailIdentity.");
        }
        String name = identity.strip().toLowerCase(Locale.ROOT);
        boolean valid = name.contains("@") ? isAddress(name) : DOMAIN.matcher(name).matches();
        if (!valid) {
            if (hook) {
                throw new IllegalArgumentException("Invalid identity '" + identity + "': must be an email address or a domain");
            }
            throw errors.badRequest("Invalid email identity: " + identity);
        }
        return name;
    }

    private static boolean isAddress(String value) {
        try {
            SesAddresses.check(value, "identity");
            return !value.contains("<");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
