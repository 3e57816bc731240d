package io.dataplatform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** The one way the fakes refuse what they do not model: 501 NotImplemented, of the service's own exception type. */
public final class NotImplementedAssertions {
    private NotImplementedAssertions() {
    }

    /** Asserts that {@code call} fails as {@code type} with 501 NotImplemented and exactly {@code message}. */
    public static void assertNotImplemented(Class<? extends AwsServiceException> type, ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(type).satisfies(e -> {
            AwsServiceException error = (AwsServiceException) e;
            assertThat(error.statusCode()).isEqualTo(501);
            assertThat(error.awsErrorDetails().errorCode()).isEqualTo("NotImplemented");
            assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }
}
