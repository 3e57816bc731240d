package io.dataplatform.testing;

/**
 * Thrown by {@link FakeHttp} for a request whose method and URL have no registered response: HTTP in
 * tests never leaves the machine. The message names the URL and the registered ones nearest to it.
 * Not an {@code IOException}, so the SDK's HTTP client does not retry it.
 */
public class NoRegisteredResponseException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public NoRegisteredResponseException(String message) {
        super(message);
    }
}
