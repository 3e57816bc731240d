package io.dataplatform.samples;

import io.dataplatform.email.Email;
import io.dataplatform.tasks.JobTask;
import io.dataplatform.tasks.TaskContext;

/**
 * The night's alarm: tells the data team that the clean job failed (its last attempt, or a timeout),
 * naming the workflow run Glue gives the task. Runs only on the workflow's on-failure branch.
 *
 * <p>Arguments: {@code --from reports@acme.example --to data-team@acme.example}.
 */
public final class AlertTask implements JobTask {

    @Override
    public void run(TaskContext context) {
        String run = context.arguments().string("WORKFLOW_RUN_ID", "unknown run");
        context.email().send(Email.builder().from(context.arguments().string("from")).to(context.arguments().string("to"))
                .subject("The nightly clean job failed").text("The clean job of workflow run " + run
                        + " failed after its retries; the curated data was not refreshed.\n").build());
    }
}
