package io.dataplatform.testing;

import io.dataplatform.testing.internal.Arguments;
import io.dataplatform.testing.internal.ses.SesWorld;
import java.util.List;
import java.util.Locale;

/**
 * What the fake SES of one {@link FakeAws} world sent, for assertions. Nothing leaves the machine.
 *
 * <pre>{@code
 * SentEmail report = aws.sesOutbox().last();
 * assertThat(report.subject()).isEqualTo("Sales for 2024-01-31");
 * assertThat(report.attachment("totals.csv")).isPresent();
 * }</pre>
 */
public final class SesOutbox {
    private final SesWorld world;

    SesOutbox(SesWorld world) {
        this.world = world;
    }

    /** Returns every message sent, oldest first. */
    public List<SentEmail> messages() {
        return world.sent();
    }

    /** Returns the messages with {@code address} among their recipients (To, Cc or Bcc; case-insensitive). */
    public List<SentEmail> messagesTo(String address) {
        String wanted = Arguments.notNull(address, "address").toLowerCase(Locale.ROOT);
        return world.sent().stream()
                .filter(m -> m.recipients().stream().anyMatch(r -> r.toLowerCase(Locale.ROOT).equals(wanted)))
                .toList();
    }

    /** Returns the most recent message; fails if none was sent. */
    public SentEmail last() {
        List<SentEmail> sent = world.sent();
        if (sent.isEmpty()) {
            throw new IllegalStateException("The fake SES has sent no message");
        }
        return sent.get(sent.size() - 1);
    }

    /** Returns how many messages were sent. */
    public int size() {
        return world.sent().size();
    }
}
