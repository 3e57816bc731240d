package io.dataplatform.testing;

import io.dataplatform.testing.internal.ServiceErrors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Faults injected into one {@link FakeAws} world: throttling, server errors and latency, aimed at
 * a service and an operation ({@code "*"} for every operation). A fresh world has none.
 *
 * <pre>{@code
 * aws.faults().on(AwsService.S3, "PutObject").throttle(2);           // the next 2 calls are throttled
 * aws.faults().on(AwsService.S3, "UploadPart").after(1).failAlways(500);
 * aws.faults().on(AwsService.S3, "*").latency(Duration.ofMillis(40)); // advances the fake clock
 * aws.faults().on(AwsService.GLUE, "CreateTable").loseResponse(500, 1);  // created, but the caller sees a 500
 * }</pre>
 */
public final class Faults {
    private final FakeClock clock;
    private final List<Rule> rules = new ArrayList<>();
    private volatile boolean internalCalls;

    Faults(FakeClock clock) {
        this.clock = clock;
    }

    /** Returns a target for faults on {@code operation} of {@code service}; {@code "*"} matches every operation. */
    public Target on(AwsService service, String operation) {
        if (service == null || operation == null || operation.isEmpty()) {
            throw new IllegalArgumentException("service and operation must be given, e.g. on(AwsService.S3, \"PutObject\")");
        }
        return new Target(service, operation, 0);
    }

    /**
     * Makes the faults also hit the calls services make to each other (a crawler's or a Glue job's S3
     * reads, Athena's reads of the catalog and the buckets, an EMR step's reads), which they otherwise
     * skip. Latency faults on such calls do not move the clock: they happen inside the service's own time.
     * Returns this, to chain {@link #on(AwsService, String)}.
     */
    public Faults includeInternalCalls() {
        internalCalls = true;
        return this;
    }

    /** Returns true if the faults hit services' internal calls too (see {@link #includeInternalCalls()}). */
    public boolean includesInternalCalls() {
        return internalCalls;
    }

    /** Removes every fault, and makes faults skip internal calls again. */
    public synchronized void clear() {
        rules.clear();
        internalCalls = false;
    }

    private synchronized void add(Rule rule) {
        rules.add(rule);
    }

    /**
     * The faults one call meets.
     *
     * @param before thrown instead of running the operation, or null
     * @param after  thrown after the operation took effect (its response is lost), or null
     */
    record Injected(AwsServiceException before, AwsServiceException after) {
        static final Injected NONE = new Injected(null, null);
    }

    /** Applies the matching rules to one call: advances the clock for latency, returns the errors to throw. */
    synchronized Injected apply(AwsService service, String operation, ServiceErrors errors, boolean advanceClock) {
        if (rules.isEmpty()) {
            return Injected.NONE;   // a world without faults, every call: no iterator, no result to allocate
        }
        Duration latency = Duration.ZERO;
        AwsServiceException failure = null;
        AwsServiceException lostResponse = null;
        for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
            Rule rule = it.next();
            if (rule.service != service || !(rule.operation.equals("*") || rule.operation.equals(operation))) {
                continue;
            }
            if (rule.skip > 0) {
                rule.skip--;
                continue;
            }
            if (rule.latency != null) {
                latency = latency.plus(rule.latency);
                continue;
            }
            if (rule.afterEffect) {
                if (lostResponse == null) {
                    lostResponse = errors.error(rule.status, errors.serverErrorCode(rule.status),
                            "We encountered an internal error. Please try again. (injected by FakeAws after the "
                                    + "operation took effect)");
                    if (--rule.remaining == 0) {
                        it.remove();
                    }
                }
                continue;
            }
            if (failure == null) {
                failure = rule.status == 0
                        ? errors.error(errors.throttlingStatus(), errors.throttlingCode(), "Rate exceeded (injected by FakeAws)")
                        : errors.error(rule.status, errors.serverErrorCode(rule.status),
                        "We encountered an internal error. Please try again. (injected by FakeAws)");
                if (rule.remaining != Integer.MAX_VALUE && --rule.remaining == 0) {
                    it.remove();
                }
            }
        }
        if (!latency.isZero() && advanceClock) {
            clock.advance(latency);
        }
        return failure == null && lostResponse == null ? Injected.NONE : new Injected(failure, lostResponse);
    }

    /** Where a fault goes: one operation of one service, optionally after letting some calls through. */
    public final class Target {
        private final AwsService service;
        private final String operation;
        private final int skip;

        private Target(AwsService service, String operation, int skip) {
            this.service = service;
            this.operation = operation;
            this.skip = skip;
        }

        /** Returns a target whose faults start only after {@code calls} matching calls went through untouched. */
        public Target after(int calls) {
            if (calls < 0) {
                throw new IllegalArgumentException("calls must be >= 0, but was " + calls);
            }
            return new Target(service, operation, calls);
        }

        /** Throttles the next {@code times} calls with the service's throttling error. */
        public void throttle(int times) {
            add(Rule.failure(this, 0, positive(times)));
        }

        /** Fails the next {@code times} calls with HTTP {@code statusCode} (a 5xx). */
        public void fail(int statusCode, int times) {
            add(Rule.failure(this, serverStatus(statusCode), positive(times)));
        }

        /** Fails every call from now on with HTTP {@code statusCode} (a 5xx), until {@link Faults#clear()}. */
        public void failAlways(int statusCode) {
            add(Rule.failure(this, serverStatus(statusCode), Integer.MAX_VALUE));
        }

        /**
         * Lets the next {@code times} calls take effect, then fails them with HTTP {@code statusCode} as
         * if the response had been lost on its way back: what a client that retries must survive
         * without doing the work twice.
         */
        public void loseResponse(int statusCode, int times) {
            Rule rule = new Rule(service, operation, skip, serverStatus(statusCode), positive(times), null);
            rule.afterEffect = true;
            add(rule);
        }

        /** Makes every call take {@code latency} longer on the fake clock. */
        public void latency(Duration latency) {
            if (latency == null || latency.isNegative()) {
                throw new IllegalArgumentException("latency must be >= 0, but was " + latency);
            }
            Rule rule = new Rule(service, operation, skip, 0, Integer.MAX_VALUE, latency);
            add(rule);
        }

        private int positive(int times) {
            if (times < 1) {
                throw new IllegalArgumentException("times must be >= 1, but was " + times);
            }
            return times;
        }

        private int serverStatus(int statusCode) {
            if (statusCode < 500 || statusCode > 599) {
                throw new IllegalArgumentException("statusCode must be a 5xx server error, but was " + statusCode
                        + "; use throttle(..) for throttling");
            }
            return statusCode;
        }
    }

    private static final class Rule {
        final AwsService service;
        final String operation;
        int skip;
        final int status;
        int remaining;
        final Duration latency;
        boolean afterEffect;

        Rule(AwsService service, String operation, int skip, int status, int remaining, Duration latency) {
            this.service = service;
            this.operation = operation;
            this.skip = skip;
            this.status = status;
            this.remaining = remaining;
            this.latency = latency;
        }

        static Rule failure(Target target, int status, int times) {
            return new Rule(target.service, target.operation, target.skip, status, times, null);
        }
    }
}
