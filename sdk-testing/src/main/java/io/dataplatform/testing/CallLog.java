package io.dataplatform.testing;

import io.dataplatform.testing.internal.Arguments;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The most recent calls the clients of one {@link FakeAws} world received, so a test can assert
 * what was called, how often and with what outcome.
 *
 * <p>The log keeps at most {@link #capacity()} calls ({@value #DEFAULT_CAPACITY} unless set with
 * {@link FakeAws.Builder#callLogCapacity(int)}): when it is full the oldest call is dropped, so a
 * long-running world (a benchmark, a soak test) does not grow without bound. Every query below
 * answers over the calls kept; {@link #dropped()} tells how many were dropped.
 *
 * <p>Calls one service makes to another (a crawler reading S3, Athena reading the catalog and the
 * buckets, an EMR step or a Glue job reading its inputs) are kept too, with their {@link
 * RecordedCall#origin()}: {@link #all()} and {@link #internalCalls(String)} show them, while {@link
 * #of}, {@link #count} and {@link #operations} answer about the calls the test's own code made.
 *
 * <pre>{@code
 * assertThat(aws.calls().count(AwsService.S3, "PutObject")).isEqualTo(3);
 * }</pre>
 */
public final class CallLog {
    /** The number of calls a world keeps unless its builder sets another capacity. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final int capacity;
    private final ArrayDeque<RecordedCall> calls;
    private long dropped;

    CallLog(int capacity) {
        this.capacity = capacity;
        // Grows on demand up to the capacity, so a world that makes few calls stays small.
        this.calls = new ArrayDeque<>(Math.min(capacity, 256));
    }

    /** Adds a call in O(1), dropping the oldest one when the log is full. */
    synchronized void add(RecordedCall call) {
        if (calls.size() == capacity) {
            calls.removeFirst();
            dropped++;
        }
        calls.addLast(call);
    }

    /** Returns how many calls the log keeps at most. */
    public int capacity() {
        return capacity;
    }

    /** Returns how many calls were dropped, oldest first, to stay within the capacity since the last {@link #clear()}. */
    public synchronized long dropped() {
        return dropped;
    }

    /** Returns every call kept, oldest first. */
    public synchronized List<RecordedCall> all() {
        return List.copyOf(calls);
    }

    /** Returns the kept calls of {@code operation} on {@code service} the test's code made, oldest first. */
    public synchronized List<RecordedCall> of(AwsService service, String operation) {
        // A null would match nothing and make an assertion on the calls pass vacuously.
        Arguments.notNull(service, "service");
        Arguments.notNull(operation, "operation");
        return calls.stream().filter(c -> !c.internal() && c.service() == service && c.operation().equals(operation)).toList();
    }

    /** Returns how many kept calls of {@code operation} on {@code service} the test's code made, failed ones included. */
    public synchronized int count(AwsService service, String operation) {
        Arguments.notNull(service, "service");
        Arguments.notNull(operation, "operation");
        return (int) calls.stream().filter(c -> !c.internal() && c.service() == service && c.operation().equals(operation))
                .count();
    }

    /** Returns the operation names of the kept calls on {@code service} the test's code made, in order. */
    public synchronized List<String> operations(AwsService service) {
        Arguments.notNull(service, "service");
        return calls.stream().filter(c -> !c.internal() && c.service() == service).map(RecordedCall::operation).toList();
    }

    /** Returns the kept calls the test's code made (none a service made on its own), oldest first. */
    public synchronized List<RecordedCall> userCalls() {
        return calls.stream().filter(c -> !c.internal()).toList();
    }

    /**
     * Returns the kept calls services made to each other on behalf of {@code origin} (as {@link
     * RecordedCall#origin()} names it, e.g. {@code glue crawler sales-crawler}), oldest first.
     */
    public synchronized List<RecordedCall> internalCalls(String origin) {
        Arguments.notNull(origin, "origin");
        return calls.stream().filter(c -> origin.equals(c.origin())).toList();
    }

    /** Forgets every call recorded so far and resets {@link #dropped()} to zero. */
    public synchronized void clear() {
        calls.clear();
        dropped = 0;
    }
}
