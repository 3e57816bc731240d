package io.dataplatform.testing;

import io.dataplatform.testing.internal.ses.SesWorld;

/**
 * The fake SES account of one {@link FakeAws} world, for a test to set up what the console or AWS
 * support would: verified identities, the sandbox, quotas. A new world's account is in the sandbox
 * (as every new SES account is, per region), with SES's sandbox quotas: 200 recipients per 24 hours,
 * 1 per second; no identity is verified.
 *
 * <p>Verification: SES verifies an email address when its owner clicks a link and a domain when its
 * DNS records are found. The fake verifies an identity created with {@code CreateEmailIdentity} at
 * once, unless {@link #verifyInstantly(boolean) verifyInstantly(false)}: then it stays PENDING until
 * {@link #verify(String)}.
 *
 * <pre>{@code
 * aws.sesAccount().verify("reports@acme.example");    // or a whole domain: verify("acme.example")
 * aws.sesAccount().productionAccess();                // out of the sandbox: any recipient
 * }</pre>
 */
public final class SesAccount {
    private final SesWorld world;

    SesAccount(SesWorld world) {
        this.world = world;
    }

    /** Creates {@code identity} (an address or a domain) if missing and marks it verified. */
    public SesAccount verify(String identity) {
        world.verify(identity);
        return this;
    }

    /** Sets whether CreateEmailIdentity verifies at once (default) or leaves the identity PENDING. */
    public SesAccount verifyInstantly(boolean instantly) {
        world.verifyInstantly(instantly);
        return this;
    }

    /** Moves the account out of the sandbox with 50,000 recipients per 24 hours and 14 per second (the fake's choice). */
    public SesAccount productionAccess() {
        return productionAccess(50_000, 14);
    }

    /** Moves the account out of the sandbox with the given quotas ({@code -1} per day: unlimited, as SES reports it). */
    public SesAccount productionAccess(long max24HourSend, double maxSendRate) {
        world.production(true, max24HourSend, maxSendRate);
        return this;
    }

    /** Puts the account back in the sandbox, with the sandbox quotas. */
    public SesAccount sandbox() {
        world.production(false, SesWorld.SANDBOX_MAX_24_HOUR_SEND, SesWorld.SANDBOX_MAX_SEND_RATE);
        return this;
    }

    /** Returns whether the account is in the sandbox. */
    public boolean inSandbox() {
        return world.inSandbox();
    }
}
