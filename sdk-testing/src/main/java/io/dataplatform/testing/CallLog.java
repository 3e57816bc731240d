package io.dataplatform.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Every call the clients of one {@link FakeAws} world received, so a test can assert what was
 * called, how often and with what outcome.
 *
 * <pre>{@code
 * assertThat(aws.calls().count(AwsService.S3, "PutObject")).isEqualTo(3);
 * }</pre>
 */
public final class CallLog {
    private final List<RecordedCall> calls = new ArrayList<>();

    CallLog() {
    }

    synchronized void add(RecordedCall call) {
        calls.add(call);
    }

    /** Returns every call so far, oldest first. */
    public synchronized List<RecordedCall> all() {
        return List.copyOf(calls);
    }

    /** Returns the calls of {@code operation} on {@code service}, oldest first. */
    public synchronized List<RecordedCall> of(AwsService service, String operation) {
        return calls.stream().filter(c -> c.service() == service && c.operation().equals(operation)).toList();
    }

    /** Returns how many calls of {@code operation} on {@code service} were made, failed ones included. */
    public synchronized int count(AwsService service, String operation) {
        return of(service, operation).size();
    }

    /** Returns the operation names called on {@code service}, in order. */
    public synchronized List<String> operations(AwsService service) {
        return calls.stream().filter(c -> c.service() == service).map(RecordedCall::operation).toList();
    }

    /** Forgets every call recorded so far. */
    public synchronized void clear() {
        calls.clear();
    }
}
