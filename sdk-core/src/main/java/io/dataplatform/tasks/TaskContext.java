package io.dataplatform.tasks;

import io.dataplatform.DataPlatform;
import io.dataplatform.email.EmailSender;
import io.dataplatform.http.Http;
import java.time.Clock;
import org.slf4j.Logger;

/**
 * What one run of a {@link JobTask} is given: its arguments, the platform it runs against, an HTTP
 * client and an email sender (both under the platform's retry policy, both faked by FakeAws in tests),
 * the platform's clock and a logger named after the task.
 */
public interface TaskContext {

    /** Returns the run's {@code --name value} arguments with typed accessors. */
    TaskArguments arguments();

    /** Returns the platform: buckets, catalog, Athena, with its cost guard. */
    DataPlatform platform();

    /** Returns the HTTP client for API calls. */
    Http http();

    /** Returns the email sender (Amazon SES v2). */
    EmailSender email();

    /** Returns the platform's clock: use it for "now", so a test's fake clock decides. */
    Clock clock();

    /** Returns a logger named after the task's class. */
    Logger logger();

    /** Returns the task's name: its class's simple name. */
    String taskName();

    /** Returns the run's id, unique in the platform. */
    String runId();
}
